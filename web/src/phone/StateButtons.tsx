/** The phone bar's agent-state buttons: 示闲 (ready for calls), 小休 (a break, with its reason) and 签出 (sign out). */
import { Button, Tooltip } from 'antd';
import { CoffeeOutlined, CustomerServiceOutlined, LogoutOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AgentStateName } from '../api/telephony.ts';
import { BreakModal } from './BreakModal.tsx';
import type { PhoneAction } from './phoneModel.ts';
import { useShortcutHint, type PanelState } from './usePhoneBarActions.ts';

interface Props {
  agentState: AgentStateName | null;
  actions: Set<PhoneAction>;
  run: (action: PhoneAction) => void;
  /** The break-reason dialog that 小休 (or Alt+B) opens. */
  breakReason: PanelState;
  onBreak: (reason: string) => void;
}

export function StateButtons({ agentState, actions, run, breakReason, onBreak }: Props) {
  const { t } = useTranslation();
  const hint = useShortcutHint();
  return (
    <>
      <div className="lx-phone-states">
        <Tooltip title={hint('R')}>
          <Button
            icon={<CustomerServiceOutlined />}
            disabled={!actions.has('ready')}
            onClick={() => run('ready')}
            data-testid="phone-ready"
            type={agentState === 'ready' ? 'default' : 'primary'}
            ghost={agentState !== 'ready'}
          >
            {t('phone.actions.ready')}
          </Button>
        </Tooltip>
        <Tooltip title={hint('B')}>
          <Button icon={<CoffeeOutlined />} disabled={!actions.has('break')} onClick={() => run('break')} data-testid="phone-break">
            {t('phone.actions.break')}
          </Button>
        </Tooltip>
        <Button icon={<LogoutOutlined />} disabled={!actions.has('signOut')} onClick={() => run('signOut')} data-testid="phone-sign-out">
          {t('phone.actions.signOut')}
        </Button>
      </div>
      <BreakModal
        open={breakReason.isOpen}
        onCancel={() => breakReason.setOpen(false)}
        onConfirm={(reason) => {
          breakReason.setOpen(false);
          onBreak(reason);
        }}
      />
    </>
  );
}
