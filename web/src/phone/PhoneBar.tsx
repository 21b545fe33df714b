/**
 * 话务条: the agent's state with how long it has lasted, the call line with one big button for what comes next
 * (answer while ringing, hang up while talking), hold, mute, keypad, transfer, and dialling out. Every button
 * has an Alt+letter shortcut (phoneModel.SHORTCUTS) so a ten-hour shift can be worked from the keyboard.
 */
import { useEffect, useRef, useState } from 'react';
import { Badge, Button, Input, Popover, Space, Tag, Tooltip, Typography } from 'antd';
import {
  AudioMutedOutlined,
  AudioOutlined,
  CoffeeOutlined,
  CustomerServiceOutlined,
  LogoutOutlined,
  NumberOutlined,
  PauseCircleOutlined,
  PhoneOutlined,
  PlayCircleOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { usePhone, type PhoneApi } from './PhoneContext.tsx';
import {
  availableActions,
  DTMF_KEYS,
  formatClock,
  normalizeDialled,
  secondsSince,
  shortcutFor,
  STATE_COLORS,
  type CallLine,
  type PhoneAction,
} from './phoneModel.ts';
import { BreakModal } from './BreakModal.tsx';
import { TransferPanel } from './TransferPanel.tsx';
import { useNow } from './useNow.ts';
import './phone.css';

/** `isDock`: the floating copy (PhoneDock), which does not count as a page showing the phone. */
export function PhoneBar({ compact = false, isDock = false }: { compact?: boolean; isDock?: boolean }) {
  const phone = usePhone();
  const { barMounted, start } = phone ?? {};
  useEffect(() => {
    if (!barMounted || !start || isDock) return;
    start();
    barMounted(1);
    return () => barMounted(-1);
  }, [barMounted, start, isDock]);
  if (!phone?.isEnabled) return null;
  return <PhoneBarBody phone={phone} compact={compact} />;
}

function PhoneBarBody({ phone, compact }: { phone: PhoneApi; compact: boolean }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const [isBreakOpen, setBreakOpen] = useState(false);
  const [isKeypadOpen, setKeypadOpen] = useState(false);
  const [isTransferOpen, setTransferOpen] = useState(false);
  const [dialled, setDialled] = useState('');
  const [dialError, setDialError] = useState(false);
  const agentState = phone.agent?.state ?? null;
  const actions = availableActions(phone.phone, agentState);
  const main = phone.phone.main && phone.phone.main.status !== 'ended' ? phone.phone.main : null;
  const consult = phone.phone.consult;
  const active = consult ?? main;

  const run = (action: PhoneAction) => {
    if (!actions.has(action)) return;
    switch (action) {
      case 'answer':
        phone.answer();
        break;
      case 'hangup':
        phone.hangup(consult ? 'consult' : 'main');
        break;
      case 'hold':
        phone.toggleHold();
        break;
      case 'mute':
        phone.toggleMute();
        break;
      case 'keypad':
        setKeypadOpen((x) => !x);
        break;
      case 'transfer':
        setTransferOpen((x) => !x);
        break;
      case 'ready':
        void phone.setState('ready');
        break;
      case 'break':
        setBreakOpen(true);
        break;
      case 'signOut':
        void phone.setState('signed_out');
        break;
      case 'dial':
        document.getElementById('phone-dial')?.focus();
        break;
    }
  };
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutFor(e);
      if (!action) return;
      e.preventDefault();
      runRef.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const dial = () => {
    const number = normalizeDialled(dialled);
    if (!number) {
      setDialError(true);
      return;
    }
    if (phone.dial(number)) setDialled('');
  };

  const stateName = agentState ? t(`phone.state.${agentState}`) : '—';
  const stateSeconds = secondsSince(phone.agent?.since, now);
  const wrapLeft =
    agentState === 'wrap_up' && phone.agent?.wrapUpUntil
      ? Math.max(0, Math.ceil((Date.parse(phone.agent.wrapUpUntil) - now) / 1000))
      : null;
  const reg = phone.phone.registration;
  const hint = (key: string) => t('phone.shortcut', { key: `Alt+${key}` });

  return (
    <div
      className={`lx-phone-bar${compact ? ' is-compact' : ''}`}
      data-testid="phone-bar"
      data-agent-state={agentState ?? ''}
      data-registration={reg}
      data-line={active?.status ?? 'idle'}
    >
      <div className="lx-phone-state" style={{ borderColor: agentState ? STATE_COLORS[agentState] : '#d9d9d9' }}>
        <span className="lx-phone-state-dot" style={{ background: agentState ? STATE_COLORS[agentState] : '#d9d9d9' }} />
        <div>
          <div className="lx-phone-state-name" data-testid="agent-state">
            {stateName}
            {agentState === 'break' && phone.agent?.breakReason ? ` · ${phone.agent.breakReason}` : ''}
          </div>
          <div className="lx-phone-state-time">
            {wrapLeft !== null
              ? t('phone.wrapUpLeft', { time: formatClock(wrapLeft) })
              : t('phone.stateFor', { time: formatClock(stateSeconds) })}
          </div>
        </div>
      </div>
      <div className="lx-phone-reg">
        <Badge
          status={reg === 'registered' ? 'success' : reg === 'failed' ? 'error' : reg === 'connecting' ? 'processing' : 'default'}
          text={
            <span data-testid="phone-registration">{t(`phone.registration.${reg}`, { error: phone.phone.registrationError ?? '' })}</span>
          }
        />
        {phone.config?.extension && (
          <Typography.Text type="secondary" className="lx-mono">
            {t('phone.extension', { extension: phone.config.extension })}
          </Typography.Text>
        )}
      </div>

      <div className="lx-phone-line" aria-live="polite">
        {main ? (
          <LineView
            line={main}
            now={now}
            label={phone.pop?.callId === main.id ? phone.pop.from : main.remote}
            isConference={phone.phone.isConference}
          />
        ) : (
          <Space.Compact>
            <Input
              id="phone-dial"
              className="lx-mono"
              placeholder={t('phone.dialPlaceholder')}
              value={dialled}
              status={dialError ? 'error' : undefined}
              aria-label={t('phone.dialPlaceholder')}
              inputMode="tel"
              style={{ width: 170 }}
              disabled={!actions.has('dial')}
              onChange={(e) => {
                setDialled(e.target.value);
                setDialError(false);
              }}
              onPressEnter={dial}
            />
            <Button icon={<PhoneOutlined />} onClick={dial} disabled={!actions.has('dial')} data-testid="phone-dial-button">
              {t('phone.actions.call')}
            </Button>
          </Space.Compact>
        )}
        {dialError && (
          <Typography.Text type="danger" role="alert">
            {t('phone.invalidNumber')}
          </Typography.Text>
        )}
      </div>

      <div className="lx-phone-controls">
        {actions.has('answer') && (
          <Tooltip title={hint('A')}>
            <Button
              type="primary"
              size="large"
              className="lx-phone-answer"
              icon={<PhoneOutlined />}
              onClick={() => run('answer')}
              data-testid="phone-answer"
            >
              {t('phone.actions.answer')}
            </Button>
          </Tooltip>
        )}
        {main?.status === 'talking' && (
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
              open={isKeypadOpen}
              onOpenChange={setKeypadOpen}
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
              open={isTransferOpen}
              onOpenChange={setTransferOpen}
              trigger="click"
              placement="bottomRight"
              title={t('phone.transfer.title')}
              content={<TransferPanel onDone={() => setTransferOpen(false)} />}
            >
              <Tooltip title={hint('T')}>
                <Button size="large" icon={<SwapOutlined />} data-testid="phone-transfer">
                  {t('phone.actions.transfer')}
                </Button>
              </Tooltip>
            </Popover>
          </>
        )}
        {actions.has('hangup') && (
          <Tooltip title={hint('Q')}>
            <Button
              danger
              type="primary"
              size="large"
              className="lx-phone-hangup"
              icon={<PhoneOutlined rotate={225} />}
              onClick={() => run('hangup')}
              data-testid="phone-hangup"
            >
              {t('phone.actions.hangup')}
            </Button>
          </Tooltip>
        )}
      </div>

      {consult && (
        <div className="lx-phone-consult" data-testid="phone-consult">
          <Typography.Text>
            {phone.phone.isConference ? t('phone.conference') : t('phone.transfer.consulting', { target: consult.remote })}
          </Typography.Text>
          <Tag>{t(`phone.line.${consult.status}`)}</Tag>
          <Space wrap>
            {!phone.phone.isConference && (
              <Button
                type="primary"
                onClick={phone.completeConsultedTransfer}
                disabled={consult.status !== 'talking'}
                data-testid="phone-complete-transfer"
              >
                {t('phone.transfer.complete')}
              </Button>
            )}
            {!phone.phone.isConference && (
              <Button onClick={() => void phone.startConference()} disabled={consult.status !== 'talking'} data-testid="phone-conference">
                {t('phone.transfer.startConference')}
              </Button>
            )}
            <Button onClick={phone.cancelConsultation} data-testid="phone-cancel-consult">
              {t('phone.transfer.cancel')}
            </Button>
          </Space>
        </div>
      )}

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
        open={isBreakOpen}
        onCancel={() => setBreakOpen(false)}
        onConfirm={(reason) => {
          setBreakOpen(false);
          void phone.setState('break', reason);
        }}
      />
    </div>
  );
}

function LineView({ line, now, label, isConference }: { line: CallLine; now: number; label: string; isConference: boolean }) {
  const { t } = useTranslation();
  const seconds = secondsSince(line.answeredAt ?? line.startedAt, now);
  return (
    <div className={`lx-phone-call is-${line.status}`} data-testid="phone-line" data-call-id={line.id}>
      <div className="lx-phone-call-status">
        {t(`phone.line.${line.status}`)}
        {line.isHeld ? ` · ${t('phone.held')}` : ''}
        {line.isMuted ? ` · ${t('phone.muted')}` : ''}
        {isConference ? ` · ${t('phone.conference')}` : ''}
      </div>
      <div className="lx-phone-call-remote lx-mono" data-testid="phone-remote">
        {label}
      </div>
      <div className="lx-phone-call-clock lx-mono">{formatClock(seconds)}</div>
    </div>
  );
}

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
