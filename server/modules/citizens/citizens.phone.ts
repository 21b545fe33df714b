/** Citizens are keyed by phone number: one normalised form for look-up, intake and storage. */
import { normalizePhone, PHONE_PATTERN } from '../../../common/limits.ts';
import { validation } from '../../lib/errors.ts';

/** The stored form (common/limits.ts normalizePhone), or null when it is no mobile, landline or E.164 number. */
export function parsePhone(raw: string): string | null {
  const phone = normalizePhone(raw.trim());
  return PHONE_PATTERN.test(phone) ? phone : null;
}

/** Like parsePhone, but a bad number is a VALIDATION_FAILED error naming the field. */
export function requirePhone(raw: string, path = 'phone'): string {
  const phone = parsePhone(raw);
  if (!phone) throw validation('电话号码格式不正确', 'The phone number is not valid', { path, value: raw });
  return phone;
}
