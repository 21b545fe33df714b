/** Validity dates of knowledge items (知识有效期), judged on the calendar day in China. */

const shanghaiDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day (YYYY-MM-DD) in Asia/Shanghai at `instant`. */
export function chinaDate(instant: Date): string {
  return shanghaiDay.format(instant);
}

/** Valid on `day` when it falls within [validFrom, validTo]; a missing bound is open. Dates are YYYY-MM-DD, so text order is date order. */
export function isValidOn(item: { validFrom: string | null; validTo: string | null }, day: string): boolean {
  return (item.validFrom === null || item.validFrom <= day) && (item.validTo === null || item.validTo >= day);
}

/** A range is usable when it is open on a side or does not end before it starts. */
export function isOrderedRange(validFrom: string | null, validTo: string | null): boolean {
  return validFrom === null || validTo === null || validFrom <= validTo;
}
