/**
 * 排班表: a planned roster written as shifts, e.g. "08:00-17:00*20, 12:00-21:00*15, 21:00-08:00*4",
 * turned into the agents on duty in each half hour of the day. A shift ending before it starts runs past midnight.
 */
import { SLOTS_PER_DAY } from './forecast.ts';

export interface Shift {
  startSlot: number;
  endSlot: number;
  agents: number;
}
export type RosterParse = { shifts: Shift[] } | { problem: { zh: string; en: string; part: string } };

const SHIFT = /^(\d{1,2}):([03]0)\s*[-–~至到]\s*(\d{1,2}):([03]0)\s*[*x×]\s*(\d{1,5})$/i;
const MAX_AGENTS = 10_000;

export function parseRoster(text: string): RosterParse {
  const parts = text
    .split(/[,;，；、\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return { problem: { zh: '排班表为空', en: 'The roster is empty', part: '' } };
  const shifts: Shift[] = [];
  for (const part of parts) {
    const m = SHIFT.exec(part);
    const slot = (h: string, mm: string) => Number(h) * 2 + (mm === '30' ? 1 : 0);
    if (!m || Number(m[1]) > 24 || Number(m[3]) > 24 || (m[1] === '24' && m[2] !== '00') || (m[3] === '24' && m[4] !== '00')) {
      return {
        problem: {
          zh: `无法识别的班次“${part}”，应写作 08:00-17:00*20（整点或半点）`,
          en: `Cannot read the shift "${part}"; write it as 08:00-17:00*20 (on the hour or half hour)`,
          part,
        },
      };
    }
    const startSlot = slot(m[1], m[2]) % SLOTS_PER_DAY;
    const endSlot = slot(m[3], m[4]) % SLOTS_PER_DAY;
    const agents = Number(m[5]);
    if (startSlot === endSlot) return { problem: { zh: `班次“${part}”没有时长`, en: `The shift "${part}" has no length`, part } };
    if (agents > MAX_AGENTS) return { problem: { zh: `班次“${part}”人数过多`, en: `Too many agents in the shift "${part}"`, part } };
    shifts.push({ startSlot, endSlot, agents });
  }
  return { shifts };
}

/** Agents on duty in each of the day's 48 half hours. */
export function agentsPerSlot(shifts: readonly Shift[]): number[] {
  const onDuty = new Array<number>(SLOTS_PER_DAY).fill(0);
  for (const s of shifts) {
    for (let slot = s.startSlot; slot !== s.endSlot; slot = (slot + 1) % SLOTS_PER_DAY) onDuty[slot] += s.agents;
  }
  return onDuty;
}
