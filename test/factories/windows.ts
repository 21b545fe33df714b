/**
 * A month no other test writes to. Analytics tests aggregate whole days across all orders, and the
 * PostgreSQL test database is shared and kept between runs, so each test file places its orders in a
 * random month of the years 3000–3999 (12,000 months; the test clock is set inside it) and clears that
 * month's rollup rows when it ends (clearAnalyticsWindow).
 */
export interface TestMonth {
  month: string;
  /** YYYY-MM-DD of day `d` of the month. */
  day: (d: number) => string;
  /** ISO instant at `hh:mm` Beijing time on day `d`. */
  at: (d: number, hhmm: string) => string;
}

export function randomTestMonth(): TestMonth {
  const year = 3000 + Math.floor(Math.random() * 1000);
  const mon = 1 + Math.floor(Math.random() * 12);
  return testMonth(`${year}-${String(mon).padStart(2, '0')}`);
}

export function testMonth(month: string): TestMonth {
  const day = (d: number) => `${month}-${String(d).padStart(2, '0')}`;
  return { month, day, at: (d, hhmm) => `${day(d)}T${hhmm}:00+08:00` };
}
