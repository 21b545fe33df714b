/**
 * How a surge alert (预警) states its size: the count against the usual level, "42 件，通常约 3 件", never a
 * percentage rise (from a usual level near zero a rise reads "+8196 %" and tells a reader nothing). Shared by the
 * server's alert messages and the screens.
 */

/** The usual level in words a reader can picture: a whole number from 1 up, "under 1" below. */
export function usualLevel(expected: number): { zh: string; en: string } {
  if (expected < 0.95) return { zh: '通常不到 1 件', en: 'usually under 1' };
  const n = Math.round(expected);
  return { zh: `通常约 ${n} 件`, en: `usually about ${n}` };
}

/** "42 件，通常约 3 件" / "42 orders, usually about 3". */
export function alertCounts(observed: number, expected: number): { zh: string; en: string } {
  const usual = usualLevel(expected);
  return { zh: `${observed} 件，${usual.zh}`, en: `${observed} ${observed === 1 ? 'order' : 'orders'}, ${usual.en}` };
}
