import { readFileSync, writeFileSync } from 'node:fs';
import { findPlaceMentions } from '../server/modules/insight/places.ts';
const R = readFileSync('/work/shared/data/messages-with-replies.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const out: string[] = [];
for (const r of R) out.push(`${r.id}\t${findPlaceMentions(`${r.title} ${r.body}`).filter((m) => m.kind !== 'district').map((m) => m.name).join(' ')}`);
writeFileSync(process.argv[2], out.join('\n') + '\n');
