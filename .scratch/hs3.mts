import { readFileSync } from 'node:fs';
import { findHotspots } from '../server/modules/insight/hotspots.ts';
const rows = readFileSync('/tmp/demo-week.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const byId = new Map(rows.map((r) => [r.id, r]));
const t0 = Date.now();
const hs = findHotspots(rows.map((r) => ({ id: r.id, title: r.title, body: r.content, at: new Date(r.created_at), citizen: String(r.citizen_id), region: r.region, isUrgent: r.urgency === 'urgent', category: r.category_id })), { top: 12 });
console.log('ms', Date.now() - t0);
for (const h of hs) {
  const titles = new Map<string, number>();
  for (const id of h.ids) { const t = byId.get(id).title; titles.set(t, (titles.get(t) ?? 0) + 1); }
  const cats = new Set(h.ids.map((id) => byId.get(id).category_id));
  console.log(h.rank, h.heat, h.title, h.count, 'cats', cats.size, h.terms.join(','), '|', [...titles].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([t, n]) => `${t}×${n}`).join(' '));
}
