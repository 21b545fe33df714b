/** The agent desk's phone: the phone bar, and under it the screen pop of the call being offered or handled. */
import { usePhone } from './PhoneContext.tsx';
import { PhoneBar } from './PhoneBar.tsx';
import { CallPopPanel } from './CallPopPanel.tsx';

export function PhoneDesk({ onOpenTicket }: { onOpenTicket: (id: number) => void }) {
  const phone = usePhone();
  if (!phone?.isEnabled) return null;
  const main = phone.phone.main;
  const isRinging = main?.status === 'ringing';
  // The pop stays through the call and its wrap-up, so the order written afterwards still sees the caller.
  const showPop =
    phone.pop &&
    (main?.id === phone.pop.callId ||
      phone.agent?.state === 'wrap_up' ||
      phone.agent?.state === 'ringing' ||
      phone.agent?.state === 'talking');
  return (
    <div data-testid="phone-desk" style={{ display: 'flex', flexDirection: 'column', gap: 12, marginBottom: 12 }}>
      <PhoneBar />
      {showPop && phone.pop && (
        <CallPopPanel
          pop={phone.pop}
          isRinging={isRinging}
          isEnded={main?.id === phone.pop.callId && main.status === 'ended'}
          onOpenTicket={onOpenTicket}
        />
      )}
    </div>
  );
}

/**
 * Links an order created at the desk to the call it came from; resolves to the call id, null when no call is on, and
 * never rejects (the order is saved either way; the failure is reported through `onError`).
 */
export async function linkOrderToCall(
  phone: ReturnType<typeof usePhone>,
  ticketId: number,
  onError: (err: unknown) => void,
): Promise<string | null> {
  if (!phone?.isEnabled) return null;
  try {
    return await phone.linkTicket(ticketId);
  } catch (err) {
    onError(err);
    return null;
  }
}
