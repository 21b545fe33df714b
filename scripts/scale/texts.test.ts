import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { segment } from '../../server/lib/text.ts';
import { createTextModel, tsvectorLiteral } from './texts.ts';

const db = await PGlite.create();
afterAll(() => db.close());

describe('scale loader texts', () => {
  it('writes the tsvector to_tsvector(simple) gives for the same segmented words', async () => {
    const model = createTextModel(7);
    const inputs = Array.from({ length: 40 }, (_, i) => {
      const t = model.next(i % 2 ? 'phone' : 'wechat');
      return segment([t.title, t.content, t.address].filter(Boolean).join(' ')).join(' ');
    });
    inputs.push("3号楼 1.2 元 o'neil 12345 路灯 路灯");
    for (const words of inputs) {
      const { rows } = await db.query<{ same: boolean }>(`select $1::tsvector = to_tsvector('simple', $2) as same`, [
        tsvectorLiteral(words),
        words,
      ]);
      expect(rows[0].same, words).toBe(true);
    }
  });

  it('varies titles and texts, and each is found by a word of its own title', async () => {
    const model = createTextModel(1);
    const samples = Array.from({ length: 2000 }, () => model.next('phone'));
    expect(new Set(samples.map((s) => s.title)).size).toBeGreaterThan(300);
    expect(new Set(samples.map((s) => s.content)).size).toBeGreaterThan(1500);
    for (const s of samples.slice(0, 20)) {
      const word = segment(s.title).find((w) => w.length >= 2)!;
      const { rows } = await db.query<{ hit: boolean }>(`select $1::tsvector @@ to_tsquery('simple', $2) as hit`, [s.search, `'${word}'`]);
      expect(rows[0].hit, `${s.title} / ${word}`).toBe(true);
    }
  });
});
