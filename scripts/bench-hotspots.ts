/**
 * Hotspots at scale: the time to group and rank a 30-day window of N orders (default 100,000), as the compute-hotspots
 * job does it (findHotspots, the function its worker thread runs), and the heap it needs. Texts are recombined from
 * real public messages when --data is given (each order: one message's title, sentences of two to three others, so
 * the vocabulary, lengths and place names are real but no two orders are copies), or with --scale written by the scale
 * loader's text model (scripts/scale/texts.ts: the demo city's scenarios, many orders alike as real ones are), else built
 * by the synthetic city.
 *   npx tsx scripts/bench-hotspots.ts [--orders 100000] [--data ../shared/data | --scale] [--seed 1]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findHotspots, type HotspotOrder } from '../server/modules/insight/hotspots/hotspots.ts';
import { buildCityOrders } from '../server/modules/insight/insight.fixtures.ts';
import { seededRandom } from '../server/lib/random.ts';
import { createTextModel } from './scale/texts.ts';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '100000' },
    data: { type: 'string' },
    scale: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
  },
});
const count = Number(values.orders);
const seed = Number(values.seed);
const from = new Date('2026-11-01T00:00:00+08:00');
const DAYS = 30;

function recombined(dir: string): HotspotOrder[] {
  const messages = ['messages-hotspots-dev.jsonl', 'messages-with-replies.jsonl', 'messages-labeled-dev.jsonl'].flatMap((f) =>
    readFileSync(path.join(dir, f), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { title: string; body: string }),
  );
  const sentences = messages.flatMap((m) =>
    m.body
      .split(/(?<=[。！？!?])/)
      .map((s) => s.trim())
      .filter((s) => s.length >= 6),
  );
  const random = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  return Array.from({ length: count }, (_, i) => {
    const own = pick(messages);
    const body = [
      own.body.split(/(?<=[。！？!?])/)[0],
      ...Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(sentences)),
    ].join('');
    return {
      id: i,
      title: own.title,
      body,
      at: new Date(from.getTime() + random() * DAYS * 86_400_000),
      citizen: `c${Math.floor(random() * count)}`,
      likes: random() < 0.05 ? Math.floor(random() * 20) : 0,
    };
  });
}

function scaleLoaderOrders(): HotspotOrder[] {
  const texts = createTextModel(seed);
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const text = texts.next('phone');
    return {
      id: i,
      title: text.title,
      body: text.content,
      at: new Date(from.getTime() + random() * DAYS * 86_400_000),
      citizen: `c${Math.floor(random() * count)}`,
    };
  });
}

const source = values.data ? 'recombined real messages' : values.scale ? 'scale loader texts' : 'synthetic city';
const orders: HotspotOrder[] = values.data
  ? recombined(values.data)
  : values.scale
    ? scaleLoaderOrders()
    : buildCityOrders(count, from, DAYS, seed).map((o, i) => ({ id: i, title: o.title, body: o.body, at: o.at, citizen: o.citizen }));
const started = performance.now();
const cpuStarted = process.cpuUsage();
const hotspots = findHotspots(orders, { from, to: new Date(from.getTime() + DAYS * 86_400_000), top: 100 });
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStarted);
// the machine is shared: CPU time says what the computation costs, wall time what it took here and now
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const heapMb = process.memoryUsage().heapUsed / 1e6;
process.stdout.write(
  `${JSON.stringify(
    {
      orders: orders.length,
      source,
      seconds: Math.round(seconds * 10) / 10,
      cpuSeconds: Math.round(cpuSeconds * 10) / 10,
      heapMb: Math.round(heapMb),
      hotspots: hotspots.length,
      top: hotspots.slice(0, 5).map((h) => ({ rank: h.rank, title: h.title, place: h.place, count: h.count, citizens: h.citizens })),
    },
    null,
    2,
  )}\n`,
);
