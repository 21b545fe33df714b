/**
 * Order texts for the scale loader: the demo city's scenarios and phrase book (server/db/seed), so a loaded order reads
 * like a real one (varied titles, contents and addresses) and is found by search like one taken through the API.
 * The search vector is written directly in tsvector syntax for COPY, from the same jieba segmentation as the app's
 * toSearchVector(), with the positions to_tsvector('simple', …) would give.
 */
import { buildCategories } from '../../server/db/seed/categories.ts';
import { buildCity } from '../../server/db/seed/city.ts';
import { composeTicket } from '../../server/db/seed/compose.ts';
import { choosePlace, withGenericScenarios } from '../../server/db/seed/generate.ts';
import { Rng, WeightedTable } from '../../server/db/seed/prng.ts';
import type { Channel, TicketType } from '../../common/enums.ts';

export interface ScaleText {
  type: TicketType;
  title: string;
  content: string;
  address: string | null;
  /** tsvector input syntax ('word':1,5 'other':2 …). */
  search: string;
}

const counter = () => {
  let n = 0;
  return () => ++n;
};
/** PostgreSQL keeps at most 256 positions per lexeme, and positions up to 16383. */
const MAX_POSITIONS = 256;
const MAX_POSITION = 16_383;
const TOKEN = /\p{N}+(?:\.\p{N}+)+|[\p{L}\p{N}]+/gu;

/** The tsvector to_tsvector('simple', words) gives for space-separated, already segmented words. */
export function tsvectorLiteral(words: string): string {
  const positions = new Map<string, number[]>();
  let position = 0;
  for (const word of words.split(' ')) {
    // The text search parser splits a token at characters that are neither letters nor digits, but keeps decimals.
    for (const part of word.toLowerCase().match(TOKEN) ?? []) {
      position = Math.min(position + 1, MAX_POSITION);
      const list = positions.get(part) ?? positions.set(part, []).get(part)!;
      if (list.length < MAX_POSITIONS) list.push(position);
    }
  }
  return [...positions].map(([lexeme, at]) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}':${at.join(',')}`).join(' ');
}

export function createTextModel(seed: number) {
  const city = buildCity(counter());
  const categories = buildCategories(counter());
  const scenarios = withGenericScenarios(categories).filter((s) => !s.isInvalid && !s.line);
  const table = new WeightedTable(
    scenarios,
    scenarios.map((s) => s.weight),
  );
  const districts = new WeightedTable(
    city.districts,
    city.districts.map((d) => d.spec.weight),
  );
  const countyStreets = city.streets.filter((s) => s.isTown);
  const rng = new Rng(seed);
  return {
    scenarios: scenarios.length,
    next(channel: Channel): ScaleText {
      const scenario = table.draw(rng);
      const place = choosePlace(rng, scenario, districts.draw(rng), countyStreets);
      const composed = composeTicket(rng, scenario, place, channel, scenario.type);
      return {
        type: scenario.type,
        title: composed.title,
        content: composed.content,
        address: composed.address,
        search: tsvectorLiteral(composed.words),
      };
    },
  };
}
