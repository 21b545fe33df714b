/**
 * Reply quality on real replies: runs the check (insight/reply-quality/reply-quality.ts) over public messages and the departments'
 * official answers, counts each warning, and prints a seeded sample of warned replies for a reviewer to judge.
 *   npx tsx scripts/evaluate-reply-quality.ts [--data ../shared/data] [--sample 5] [--seed 1] [--code place_missing]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findPlaceMentions, mostSpecificPlace } from '../server/modules/insight/places/places.ts';
import { seededRandom } from '../server/lib/random.ts';
import { checkReplyQuality } from '../server/modules/insight/reply-quality/reply-quality.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: process.env.LIANXIN_DATA ?? '../shared/data' },
    sample: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
    code: { type: 'string' },
  },
});
interface Message {
  id: number;
  title: string;
  body: string;
  reply: string;
}
const messages: Message[] = readFileSync(path.join(values.data!, 'messages-with-replies.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
const random = seededRandom(Number(values.seed));

const byCode = new Map<string, Message[]>();
const scores: number[] = [];
let acceptable = 0;
const started = performance.now();
for (const m of messages) {
  const q = checkReplyQuality({ title: m.title, content: m.body }, m.reply);
  scores.push(q.score);
  if (q.isAcceptable) acceptable++;
  for (const p of q.problems) byCode.set(p.code, [...(byCode.get(p.code) ?? []), m]);
}
const ms = (performance.now() - started) / messages.length;
const sorted = [...scores].sort((a, b) => a - b);
const pct = (n: number) => `${((100 * n) / messages.length).toFixed(1)} %`;
const percentiles = [0.1, 0.5, 0.9].map((p) => sorted[Math.floor(p * sorted.length)]).join('/');
const out: string[] = [
  `replies: ${messages.length}; acceptable: ${acceptable} (${pct(acceptable)}); score p10/p50/p90: ${percentiles}; ${ms.toFixed(2)} ms per reply`,
  'warnings on real replies:',
  ...[...byCode]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([code, ms]) => `  ${code.padEnd(22)} ${String(ms.length).padStart(5)}  ${pct(ms.length)}`),
];
for (const [code, warned] of [...byCode].filter(([c]) => !values.code || c === values.code)) {
  out.push('', `— sample of ${code}:`);
  const picked = [...warned].sort(() => random() - 0.5).slice(0, Number(values.sample));
  for (const m of picked) {
    const q = checkReplyQuality({ title: m.title, content: m.body }, m.reply);
    const place = mostSpecificPlace(findPlaceMentions(m.title));
    out.push(
      `  #${m.id} 【${m.title}】 place=${place?.name ?? '—'} relevance=${q.relevance} matched=${q.matchedTerms.join('、') || '—'}`,
      `     reply: ${m.reply.replace(/\s+/g, ' ').slice(0, 160)}…`,
    );
  }
}
process.stdout.write(`${out.join('\n')}\n`);
