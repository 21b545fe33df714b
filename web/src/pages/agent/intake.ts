/** Pure helpers of the intake form: the request body and where the server's field errors belong. */
import { LIMITS, normalizePhone, PHONE_PATTERN } from '../../../../common/limits.ts';

export interface IntakeValues {
  phone?: string;
  name?: string;
  type?: string;
  urgency?: string;
  categoryId?: number | null;
  regionId?: number | null;
  address?: string;
  title?: string;
  content?: string;
  isConfidential?: boolean;
  leadUnitId?: number | null;
  coUnitIds?: number[];
}

export type IntakeMode = 'save' | 'dispatch';

/** POST /tickets body; the dispatch part only when dispatching at once. */
export function buildCreateBody(values: IntakeValues, mode: IntakeMode) {
  const phone = values.phone ? normalizePhone(values.phone) : '';
  return {
    channel: 'phone',
    type: values.type,
    urgency: values.urgency ?? 'normal',
    title: values.title?.trim() || undefined,
    content: values.content?.trim() ?? '',
    categoryId: values.categoryId ?? null,
    regionId: values.regionId ?? null,
    address: values.address?.trim() || null,
    isConfidential: !!values.isConfidential,
    citizen: phone ? { phone, name: values.name?.trim() || null } : null,
    dispatch:
      mode === 'dispatch' && values.leadUnitId
        ? { leadUnitId: values.leadUnitId, coUnitIds: (values.coUnitIds ?? []).filter((id) => id !== values.leadUnitId) }
        : undefined,
  };
}

/** Server paths (citizen.phone, dispatch.leadUnitId …) → the form field that shows the problem. */
export function fieldForServerPath(path: string): string {
  const map: Record<string, string> = {
    'citizen.phone': 'phone',
    'citizen.name': 'name',
    citizen: 'phone',
    'dispatch.leadUnitId': 'leadUnitId',
    'dispatch.coUnitIds': 'coUnitIds',
    dispatch: 'leadUnitId',
  };
  const clean = path.replace(/^\.+/, '');
  return map[clean] ?? clean.split('.')[0];
}

export function isValidPhone(raw: string): boolean {
  return PHONE_PATTERN.test(normalizePhone(raw));
}

export const INTAKE_LIMITS = { content: LIMITS.contentMax, title: LIMITS.titleMax, address: LIMITS.addressMax, name: LIMITS.nameMax };
