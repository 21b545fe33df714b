/** The phone bar's call buttons: answer, hold, mute, keypad, transfer and hang up, each shown when it applies. */
import { useState } from 'react';
import { Button, Popover, Tooltip } from 'antd';
import {
  AudioMutedOutlined,
  AudioOutlined,
  NumberOutlined,
  PauseCircleOutlined,
  PhoneOutlined,
  PlayCircleOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PhoneApi } from './PhoneContext.tsx';
import { DTMF_KEYS, type CallLine, type PhoneAction } from './phoneModel.ts';
import { TransferPanel } from './TransferPanel.tsx';
import { useShortcutHint, type PanelState } from './usePhoneBarActions.ts';

interface Props {
  phone: PhoneApi;
  /** The citizen's call unless it has ended; `active`: the line the buttons act on (the consultation while there is one). */
  main: CallLine | null;
  active: CallLine | null;
  actions: Set<PhoneAction>;
  run: (action: PhoneAction) => void;
  keypad: PanelState;
  transfer: PanelState;
}

export function CallControls(props: Props) {
  const { t } = useTranslation();
  const hint = useShortcutHint();
  return (
    <div className="lx-phone-controls">
      {props.actions.has('answer') && (
        <Tooltip title={hint('A')}>
          <Button
            type="primary"
            size="large"
            className="lx-phone-answer"
            icon={<PhoneOutlined />}
            onClick={() => props.run('answer')}
            data-testid="phone-answer"
          >
            {t('phone.actions.answer')}
          </Button>
        </Tooltip>
      )}
      {props.main?.status === 'talking' && <InCallButtons {...props} />}
      {props.actions.has('hangup') && (
        <Tooltip title={hint('Q')}>
          <Button
            danger
            type="primary"
            size="large"
            className="lx-phone-hangup"
            icon={<PhoneOutlined rotate={225} />}
            onClick={() => props.run('hangup')}
            data-testid="phone-hangup"
          >
            {t('phone.actions.hangup')}
          </Button>
        </Tooltip>
      )}
    </div>
  );
}

/** While talking: hold, mute, the keypad (DTMF to the other side) and the transfer panel. */
function InCallButtons({ phone, active, run, keypad, transfer }: Props) {
  const { t } = useTranslation();
  const hint = useShortcutHint();
  return (
    <>
      <Tooltip title={hint('H')}>
        <Button
          size="large"
          icon={active?.isHeld ? <PlayCircleOutlined /> : <PauseCircleOutlined />}
          onClick={() => run('hold')}
          aria-pressed={!!active?.isHeld}
          data-testid="phone-hold"
        >
          {active?.isHeld ? t('phone.actions.unhold') : t('phone.actions.hold')}
        </Button>
      </Tooltip>
      <Tooltip title={hint('M')}>
        <Button
          size="large"
          icon={active?.isMuted ? <AudioMutedOutlined /> : <AudioOutlined />}
          onClick={() => run('mute')}
          aria-pressed={!!active?.isMuted}
          data-testid="phone-mute"
        >
          {active?.isMuted ? t('phone.actions.unmute') : t('phone.actions.mute')}
        </Button>
      </Tooltip>
      <Popover
        open={keypad.isOpen}
        onOpenChange={keypad.setOpen}
        trigger="click"
        content={<Keypad onKey={phone.sendDtmf} />}
        title={t('phone.actions.keypad')}
      >
        <Tooltip title={hint('N')}>
          <Button size="large" icon={<NumberOutlined />} data-testid="phone-keypad">
            {t('phone.actions.keypad')}
          </Button>
        </Tooltip>
      </Popover>
      <Popover
        open={transfer.isOpen}
        onOpenChange={transfer.setOpen}
        trigger="click"
        placement="bottomRight"
        title={t('phone.transfer.title')}
        content={<TransferPanel onDone={() => transfer.setOpen(false)} />}
      >
        <Tooltip title={hint('T')}>
          <Button size="large" icon={<SwapOutlined />} data-testid="phone-transfer">
            {t('phone.actions.transfer')}
          </Button>
        </Tooltip>
      </Popover>
    </>
  );
}

/** 拨号盘: sends each key as DTMF and shows the last ones sent; typing the keys works as well as clicking. */
function Keypad({ onKey }: { onKey: (tone: string) => void }) {
  const [sent, setSent] = useState('');
  const press = (key: string) => {
    onKey(key);
    setSent((s) => (s + key).slice(-16));
  };
  return (
    <div
      data-testid="phone-keypad-panel"
      onKeyDown={(e) => {
        if ((DTMF_KEYS as readonly string[]).includes(e.key)) {
          e.preventDefault();
          press(e.key);
        }
      }}
    >
      <div className="lx-mono lx-phone-keypad-sent" aria-live="polite">
        {sent || ' '}
      </div>
      <div className="lx-phone-keypad">
        {DTMF_KEYS.map((key) => (
          <Button key={key} size="large" onClick={() => press(key)} data-key={key}>
            {key}
          </Button>
        ))}
      </div>
    </div>
  );
}
