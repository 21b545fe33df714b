/**
 * Do the problems many people raise come out as one hotspot each, and near the top? Runs findHotspots (the function
 * the compute-hotspots job runs) over a file of real messages and, for each known problem, reports how many of its
 * messages land in one hotspot and that hotspot's rank; then the top of the ranking.
 *   npx tsx scripts/evaluate-hotspots.ts --input ../shared/data/messages-hotspots-dev.jsonl [--top 10]
 * The problems are recognised by the rules below (what and where, in the messages' own words), written by reading the
 * public 2020 TipDM hotspot set; a message matching a rule belongs to that problem.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findHotspots, type HotspotOrder } from '../server/modules/insight/hotspots/hotspots.ts';
import { parseTime } from '../server/lib/parse-time.ts';

const PROBLEMS: { name: string; matches: (text: string) => boolean }[] = [
  {
    name: '丽发新城旁搅拌站 (噪音、扬尘、违建) mixing plant',
    matches: (t) =>
      (/丽发/.test(t) && /搅拌|噪|吵|粉尘|灰尘|污染|烟尘|扰民|拯救/.test(t)) || (/搅拌(站|厂)/.test(t) && /小区|居民/.test(t)),
  },
  {
    name: '伊景园滨河苑捆绑销售车位 parking-space bundling',
    matches: (t) => /伊景园|滨河苑|广铁|铁路职工/.test(t) || (/捆绑/.test(t) && /车位/.test(t) && !/富基/.test(t)),
  },
  {
    name: '魅力之城底层商铺油烟噪音 shops under 魅力之城',
    matches: (t) => /魅力之?城/.test(t) && /油烟|噪音|夜宵|烧烤|门面|商铺|门店|扰民/.test(t),
  },
  { name: 'A市经济学院强制实习 forced internships', matches: (t) => /经济学院/.test(t) && /实习|工厂/.test(t) },
];

const { values } = parseArgs({ options: { input: { type: 'string' }, top: { type: 'string', default: '10' } } });
if (!values.input) {
  process.stderr.write('usage: npx tsx scripts/evaluate-hotspots.ts --input FILE.jsonl [--top 10]\n');
  process.exit(2);
}
const records = readFileSync(values.input, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Record<string, unknown>);
const orders: HotspotOrder[] = [];
let unparsed = 0;
for (const r of records) {
  const at = parseTime(r.time);
  if (!at) {
    unparsed++;
    continue;
  }
  orders.push({
    id: String(r.id),
    title: String(r.title ?? ''),
    body: String(r.body ?? ''),
    at,
    citizen: r.user ? String(r.user) : null,
    likes: Number(r.likes) || 0,
  });
}
const started = performance.now();
const hotspots = findHotspots(orders, { top: 1_000 });
const seconds = (performance.now() - started) / 1000;
const rankOf = new Map<string, number>();
hotspots.forEach((h) => h.ids.forEach((id) => rankOf.set(String(id), h.rank)));

const problems = PROBLEMS.map((p) => {
  const members = orders.filter((o) => p.matches(`${o.title} ${o.body}`));
  const byRank = new Map<number, number>();
  for (const m of members) {
    const rank = rankOf.get(String(m.id));
    if (rank !== undefined) byRank.set(rank, (byRank.get(rank) ?? 0) + 1);
  }
  const [rank, held] = [...byRank].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [null, 0];
  const hotspot = rank === null ? null : hotspots[rank - 1];
  return {
    problem: p.name,
    messages: members.length,
    people: new Set(members.map((m) => m.citizen)).size,
    inOneHotspot: held,
    share: members.length ? Math.round((held / members.length) * 100) / 100 : null,
    rank,
    hotspotSize: hotspot?.count ?? null,
    purity: hotspot ? Math.round((held / hotspot.count) * 100) / 100 : null,
    otherHotspots: [...byRank.keys()].filter((r) => r !== rank).length,
    title: hotspot?.title ?? null,
  };
});
process.stdout.write(
  `${JSON.stringify(
    {
      input: values.input,
      orders: orders.length,
      unparsedTimes: unparsed,
      seconds: Math.round(seconds * 10) / 10,
      hotspots: hotspots.length,
      problems,
      top: hotspots.slice(0, Number(values.top)).map((h) => ({
        rank: h.rank,
        heat: h.heat,
        count: h.count,
        citizens: h.citizens,
        likes: h.components.likes,
        place: h.place,
        title: h.title,
      })),
    },
    null,
    2,
  )}\n`,
);
