import dayjs from 'dayjs';

export function formatTime(value: string | Date | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—';
}

/** A time in a list column, as short as it can be told: this year's without the year, an earlier year's by its date (the full time is the cell's title). */
export function formatShortTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const at = dayjs(value);
  return at.format(at.year() === dayjs().year() ? 'MM-DD HH:mm' : 'YYYY-MM-DD');
}

export function formatDate(value: string | Date | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD') : '—';
}

/** Hours left until `due` (negative when past). */
export function hoursLeft(due: string | null | undefined, now = Date.now()): number | null {
  if (!due) return null;
  return (new Date(due).getTime() - now) / 3600_000;
}
