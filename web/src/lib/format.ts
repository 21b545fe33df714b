import dayjs from 'dayjs';

export function formatTime(value: string | Date | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—';
}

export function formatDate(value: string | Date | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD') : '—';
}

/** Hours left until `due` (negative when past). */
export function hoursLeft(due: string | null | undefined, now = Date.now()): number | null {
  if (!due) return null;
  return (new Date(due).getTime() - now) / 3600_000;
}
