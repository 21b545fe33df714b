import { z } from 'zod';
import { TICKET_TYPES, URGENCIES } from '../../../common/enums.ts';
import { dayIndexOf } from '../../lib/calendar.ts';
import { HANDLE_UNITS } from './sla.rules.ts';

const isValidDay = (day: string) => {
  try {
    dayIndexOf(day);
    return true;
  } catch {
    return false;
  }
};
export const calendarDayString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine(isValidDay, 'not a valid date');

const policyFields = {
  name: z.string().trim().min(1).max(100),
  /** null = any ticket type */
  ticketType: z.enum(TICKET_TYPES).nullable(),
  /** null = any urgency */
  urgency: z.enum(URGENCIES).nullable(),
  /** null = any category; a category also covers its sub-categories */
  categoryId: z.number().int().positive().nullable(),
  signWorkingHours: z.number().positive().max(1_000),
  handleUnit: z.enum(HANDLE_UNITS),
  /** Working days, or clock hours when handleUnit is clock_hours. */
  handleAmount: z.number().positive().max(10_000),
  callbackWorkingDays: z.number().positive().max(365),
  /** Share of the handling time after which an order counts as at risk (即将超期). */
  atRiskRatio: z.number().gt(0).lt(1),
  isActive: z.boolean(),
};

export const slaPolicyCreateBody = z.object({
  ...policyFields,
  ticketType: policyFields.ticketType.default(null),
  urgency: policyFields.urgency.default(null),
  categoryId: policyFields.categoryId.default(null),
  callbackWorkingDays: policyFields.callbackWorkingDays.default(2),
  atRiskRatio: policyFields.atRiskRatio.default(0.8),
  isActive: policyFields.isActive.default(true),
});

export const slaPolicyPatchBody = z
  .object(policyFields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change');

export const slaPolicy = z.object({ id: z.number().int(), ...policyFields, name: z.string() });
export const slaPolicyList = z.object({ items: z.array(slaPolicy) });
export const idParams = z.object({ id: z.coerce.number().int().positive() });

export const calendarDay = z.object({
  day: calendarDayString,
  /** false = day off (holiday), true = working day (调休 on a weekend) */
  isWorkday: z.boolean(),
  name: z.string().trim().min(1).max(50),
});
export const calendarYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const calendarYear = z.object({
  year: z.number().int(),
  /** Working days in the year after holidays and 调休. */
  workingDays: z.number().int(),
  days: z.array(calendarDay),
});
export const calendarDayParams = z.object({ day: calendarDayString });
export const calendarDayBody = calendarDay.omit({ day: true });
export const calendarImportBody = z.array(calendarDay).min(1).max(366);
export const calendarImportResult = z.object({
  year: z.number().int(),
  imported: z.number().int(),
  /** Exception days of that year that were there before and were replaced. */
  replaced: z.number().int(),
});
