import { readFileSync } from 'node:fs';
import { findPlaceMentions } from '../server/modules/insight/places.ts';
import { segmenter } from '../server/lib/text.ts';
const R = readFileSync('/work/shared/data/messages-with-replies.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
for (const name of process.argv.slice(2)) {
  for (const r of R) {
    const text = `${r.title} ${r.body}`;
    for (const m of findPlaceMentions(text)) if (m.name === name) {
      const ctx = text.slice(Math.max(0, m.start - 8), m.end + 4);
      console.log(name, '|', ctx, '|', segmenter().cut(ctx, false).join('/'));
    }
  }
}
