import { findPlaceMentions } from '../server/modules/insight/places.ts';
import { segmenter } from '../server/lib/text.ts';
for (const t of process.argv.slice(2)) console.log(t, JSON.stringify(findPlaceMentions(t).map((m) => m.name)), segmenter().tag(t, false).map((w) => w.word + '/' + w.tag).join(' '));
