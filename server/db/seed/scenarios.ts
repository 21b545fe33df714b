/**
 * Scenarios: the recurring kinds of request a city hotline hears, each tied to a third-level
 * category, with the phrases its orders and official replies are written from.
 * Placeholders: {p} the place (estate, road, landmark or village), {b} a building number,
 * {n} a small count, {t} a time of day.
 */
import type { EmergencyLine, TicketType } from '../../../common/enums.ts';

/** Where the matter is: an estate (community level), a road or landmark (street level), a village, or nowhere in particular. */
export type PlaceKind = 'estate' | 'road' | 'landmark' | 'village' | 'none';
/** Months in which a scenario is more frequent. */
export type Season = 'winter' | 'summer' | 'school' | 'spring' | 'yearEnd';

export interface Scenario {
  leaf: string;
  type: TicketType;
  weight: number;
  place: PlaceKind;
  titles: string[];
  problems: string[];
  findings: string[];
  actions: string[];
  /** Knowledge item an agent can answer from on the spot (直接办结). */
  knowledge?: string;
  urgentRate?: number;
  season?: Season;
  /** Belongs to an emergency line: transferred out (12345–110 linkage). */
  line?: EmergencyLine;
  /** Nuisance or empty contacts, closed as invalid. */
  isInvalid?: boolean;
  /** For landmark places: the kind of landmark the matter happens at. */
  near?: 'hospital' | 'school' | 'shop' | 'square' | 'station';
}

type Extra = Pick<Scenario, 'knowledge' | 'urgentRate' | 'season' | 'line' | 'isInvalid' | 'near'>;

/** Compact constructor: phrase lists are written as '|'-separated strings. */
export function sc(
  leaf: string,
  type: TicketType,
  weight: number,
  place: PlaceKind,
  titles: string,
  problems: string,
  findings: string,
  actions: string,
  extra: Extra = {},
): Scenario {
  const split = (s: string) =>
    s
      .split('|')
      .map((x) => x.trim())
      .filter(Boolean);
  return {
    leaf,
    type,
    weight,
    place,
    titles: split(titles),
    problems: split(problems),
    findings: split(findings),
    actions: split(actions),
    ...extra,
  };
}

/** Multiplier of a season in a month (0 = January). */
export function seasonFactor(season: Season | undefined, month: number): number {
  switch (season) {
    case 'winter':
      return [3, 2.2, 1.2, 0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 1.2, 3.2, 3.5][month];
    case 'summer':
      return [0.6, 0.6, 0.8, 1, 1.3, 1.7, 2, 1.9, 1.3, 0.9, 0.7, 0.6][month];
    case 'school':
      return [0.6, 0.8, 1, 1.2, 1.8, 2.2, 1.6, 2.2, 2.4, 0.8, 0.6, 0.6][month];
    case 'spring':
      return [0.7, 1, 1.6, 1.6, 1.3, 1, 0.9, 0.9, 0.9, 0.9, 0.8, 0.7][month];
    case 'yearEnd':
      return [2.2, 1.8, 0.8, 0.7, 0.7, 0.7, 0.8, 0.8, 0.8, 0.9, 1.3, 2.4][month];
    default:
      return 1;
  }
}
