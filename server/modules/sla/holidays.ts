/**
 * 法定节假日与调休: the State Council's published holiday schedules (国务院办公厅关于节假日安排的通知).
 * Only exceptions to Monday–Friday are listed: `isWorkday: false` = a day off that would be a working day or a
 * weekend inside a holiday, `isWorkday: true` = an adjusted working weekend day (调休上班).
 * The migration `seed_calendar_and_sla_policies` loads the same rows into `calendar_days` (a unit test checks they agree);
 * later years are imported through POST /api/v1/admin/calendar/import.
 */
export interface HolidayRow {
  day: string; // YYYY-MM-DD, Asia/Shanghai
  isWorkday: boolean;
  name: string;
}

function off(from: string, to: string, name: string): HolidayRow[] {
  const rows: HolidayRow[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    rows.push({ day: new Date(t).toISOString().slice(0, 10), isWorkday: false, name });
  }
  return rows;
}
const work = (day: string, name: string): HolidayRow => ({ day, isWorkday: true, name: `${name}调休上班` });

export const CHINA_HOLIDAYS_2025: HolidayRow[] = [
  ...off('2025-01-01', '2025-01-01', '元旦'),
  work('2025-01-26', '春节'),
  ...off('2025-01-28', '2025-02-04', '春节'),
  work('2025-02-08', '春节'),
  ...off('2025-04-04', '2025-04-06', '清明节'),
  work('2025-04-27', '劳动节'),
  ...off('2025-05-01', '2025-05-05', '劳动节'),
  ...off('2025-05-31', '2025-06-02', '端午节'),
  work('2025-09-28', '国庆节、中秋节'),
  ...off('2025-10-01', '2025-10-08', '国庆节、中秋节'),
  work('2025-10-11', '国庆节、中秋节'),
];

export const CHINA_HOLIDAYS_2026: HolidayRow[] = [
  ...off('2026-01-01', '2026-01-03', '元旦'),
  work('2026-01-04', '元旦'),
  work('2026-02-14', '春节'),
  ...off('2026-02-15', '2026-02-23', '春节'),
  work('2026-02-28', '春节'),
  ...off('2026-04-04', '2026-04-06', '清明节'),
  ...off('2026-05-01', '2026-05-05', '劳动节'),
  work('2026-05-09', '劳动节'),
  ...off('2026-06-19', '2026-06-21', '端午节'),
  work('2026-09-20', '国庆节'),
  ...off('2026-09-25', '2026-09-27', '中秋节'),
  ...off('2026-10-01', '2026-10-07', '国庆节'),
  work('2026-10-10', '国庆节'),
];

export const CHINA_HOLIDAYS: HolidayRow[] = [...CHINA_HOLIDAYS_2025, ...CHINA_HOLIDAYS_2026];

/** The exceptions as the map `WorkingCalendar` takes. */
export function holidayMap(rows: HolidayRow[] = CHINA_HOLIDAYS): Map<string, { isWorkday: boolean; name: string }> {
  return new Map(rows.map((r) => [r.day, { isWorkday: r.isWorkday, name: r.name }]));
}
