/** The phone bar's call line: the call in progress with its clock, or, with no call, the box to dial out from. */
import { useState } from 'react';
import { Button, Input, Space, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PhoneApi } from './PhoneContext.tsx';
import { formatClock, normalizeDialled, secondsSince, type CallLine } from './phoneModel.ts';

/** `main`: the citizen's call unless it has ended. What was typed to dial stays while a call comes and goes. */
export function PhoneLine({ phone, main, now, canDial }: { phone: PhoneApi; main: CallLine | null; now: number; canDial: boolean }) {
  const { t } = useTranslation();
  const [dialled, setDialled] = useState('');
  const [dialError, setDialError] = useState(false);
  const dial = () => {
    const number = normalizeDialled(dialled);
    if (!number) {
      setDialError(true);
      return;
    }
    if (phone.dial(number)) setDialled('');
  };
  return (
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
            disabled={!canDial}
            onChange={(e) => {
              setDialled(e.target.value);
              setDialError(false);
            }}
            onPressEnter={dial}
          />
          <Button icon={<PhoneOutlined />} onClick={dial} disabled={!canDial} data-testid="phone-dial-button">
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
