/** A call in progress follows the agent to other pages: a floating phone bar when no page shows one. */
import { usePhone } from './PhoneContext.tsx';
import { PhoneBar } from './PhoneBar.tsx';
import { isBusy } from './phoneModel.ts';

export function PhoneDock() {
  const phone = usePhone();
  if (!phone?.isEnabled || phone.barCount > 0 || !isBusy(phone.phone)) return null;
  return (
    <div className="lx-phone-dock" data-testid="phone-dock">
      <PhoneBar compact isDock />
    </div>
  );
}
