/** The phone bar's left end: the agent's state and how long it has lasted, and whether the browser phone is registered. */
import { Badge, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PhoneApi } from './PhoneContext.tsx';
import { formatClock, secondsSince, STATE_COLORS } from './phoneModel.ts';

/** 示闲 / 小休 (with its reason) / 话后处理 (with the time left) …, and for how long. */
export function AgentStateBox({ agent, now }: { agent: PhoneApi['agent']; now: number }) {
  const { t } = useTranslation();
  const agentState = agent?.state ?? null;
  const color = agentState ? STATE_COLORS[agentState] : '#d9d9d9';
  const stateSeconds = secondsSince(agent?.since, now);
  const wrapLeft =
    agentState === 'wrap_up' && agent?.wrapUpUntil ? Math.max(0, Math.ceil((Date.parse(agent.wrapUpUntil) - now) / 1000)) : null;
  return (
    <div className="lx-phone-state" style={{ borderColor: color }}>
      <span className="lx-phone-state-dot" style={{ background: color }} />
      <div>
        <div className="lx-phone-state-name" data-testid="agent-state">
          {agentState ? t(`phone.state.${agentState}`) : '—'}
          {agentState === 'break' && agent?.breakReason ? ` · ${agent.breakReason}` : ''}
        </div>
        <div className="lx-phone-state-time">
          {wrapLeft !== null
            ? t('phone.wrapUpLeft', { time: formatClock(wrapLeft) })
            : t('phone.stateFor', { time: formatClock(stateSeconds) })}
        </div>
      </div>
    </div>
  );
}

export function RegistrationBadge({ phone }: { phone: PhoneApi }) {
  const { t } = useTranslation();
  const reg = phone.phone.registration;
  const status = reg === 'registered' ? 'success' : reg === 'failed' ? 'error' : reg === 'connecting' ? 'processing' : 'default';
  return (
    <div className="lx-phone-reg">
      <Badge
        status={status}
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
  );
}
