/**
 * 话务条: the agent's state with how long it has lasted, the call line with one big button for what comes next
 * (answer while ringing, hang up while talking), hold, mute, keypad, transfer, and dialling out. Every button
 * has an Alt+letter shortcut (phoneModel.SHORTCUTS) so a ten-hour shift can be worked from the keyboard.
 */
import { useEffect } from 'react';
import { usePhone, type PhoneApi } from './PhoneContext.tsx';
import { AgentStateBox, RegistrationBadge } from './PhoneBarStatus.tsx';
import { CallControls } from './CallControls.tsx';
import { ConsultBar } from './ConsultBar.tsx';
import { PhoneLine } from './PhoneLine.tsx';
import { StateButtons } from './StateButtons.tsx';
import { usePhoneBarActions } from './usePhoneBarActions.ts';
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
  const now = useNow(1000);
  const { actions, run, keypad, transfer, breakReason } = usePhoneBarActions(phone);
  const agentState = phone.agent?.state ?? null;
  const main = phone.phone.main && phone.phone.main.status !== 'ended' ? phone.phone.main : null;
  const consult = phone.phone.consult;
  const active = consult ?? main;

  return (
    <div
      className={`lx-phone-bar${compact ? ' is-compact' : ''}`}
      data-testid="phone-bar"
      data-agent-state={agentState ?? ''}
      data-registration={phone.phone.registration}
      data-line={active?.status ?? 'idle'}
    >
      <AgentStateBox agent={phone.agent} now={now} />
      <RegistrationBadge phone={phone} />
      <PhoneLine phone={phone} main={main} now={now} canDial={actions.has('dial')} />
      <CallControls phone={phone} main={main} active={active} actions={actions} run={run} keypad={keypad} transfer={transfer} />
      {consult && <ConsultBar phone={phone} consult={consult} />}
      <StateButtons
        agentState={agentState}
        actions={actions}
        run={run}
        breakReason={breakReason}
        onBreak={(reason) => void phone.setState('break', reason)}
      />
    </div>
  );
}
