import { readFileSync } from 'node:fs';
import { findHotspots } from '../server/modules/insight/hotspots.ts';
import { parseTime } from '../server/modules/insight/time.ts';
const R = readFileSync('/work/shared/data/messages-with-replies.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const orders = R.map((r) => ({ id: r.id, title: r.title, body: r.body, at: parseTime(r.time)!, citizen: r.user }));
const all = findHotspots(orders, { top: 1000 });
console.log('total', all.length, 'multi-citizen', all.filter((h) => h.citizens >= 2).length);
for (const h of all.filter((h) => h.citizens >= 2).slice(0, 25)) console.log(h.rank, h.heat, h.title, h.region, h.place, h.count, h.citizens, h.firstAt.slice(0, 10), h.lastAt.slice(0, 10));
