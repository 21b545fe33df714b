/** `lianxin hotspots`: the period's problems ranked by heat, one JSON line each. */
import { findHotspots, type HotspotOrder } from '../modules/insight/hotspots/hotspots.ts';
import { parseBound, parseTime } from '../lib/parse-time.ts';
import { parseInteger, parseOptions, readJsonl, requireString, textField, UsageError, writeJsonLine, type CliCommand } from './io.ts';

const USAGE = `Usage:
  lianxin hotspots --input FILE.jsonl [--from DATE] [--to DATE] [--top 10] [--min-size 2] [--min-citizens 2]

Records are JSON objects with "id", "title", "body" (or "content"), "time" (e.g. 2019/4/25 9:32:09 or ISO 8601,
China time unless a zone is given), and optionally "user" (or "citizen"), "region", "category", "likes", "urgent".
--to DATE includes that whole day. A hotspot needs --min-citizens distinct people (one person writing again is a
repeat, not a hotspot). Writes one JSON line per hotspot:
{"rank","title","heat","region","ids",…} with place, count, citizens, heat components, terms and trend.`;

export const hotspotsCommand: CliCommand = {
  summary: "group a period's orders into problems and rank them by heat",
  usage: USAGE,
  async run(args, io) {
    const values = parseOptions(
      args,
      {
        input: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        top: { type: 'string' },
        'min-size': { type: 'string' },
        'min-citizens': { type: 'string' },
      },
      USAGE,
    );
    if (values.help) return (io.stdout.write(`${USAGE}\n`), 0);
    const input = requireString(values, 'input', USAGE);
    const from = values.from === undefined ? undefined : parseBound(values.from as string);
    const to = values.to === undefined ? undefined : parseBound(values.to as string, true);
    if (from === null) throw new UsageError(`--from: cannot read the date '${values.from}'`);
    if (to === null) throw new UsageError(`--to: cannot read the date '${values.to}'`);
    if (from && to && from >= to) throw new UsageError('--from must be before --to');
    const top = parseInteger(values.top, 'top', USAGE, 1, 10);
    const minSize = parseInteger(values['min-size'], 'min-size', USAGE, 2, 2);
    const minCitizens = parseInteger(values['min-citizens'], 'min-citizens', USAGE, 1, 2);

    const records = await readJsonl(input, io);
    const orders: HotspotOrder[] = [];
    let undated = 0;
    for (const { line, value } of records) {
      const at = parseTime(value.time ?? value.created_at ?? value.createdAt);
      if (!at) {
        undated++;
        continue;
      }
      const likes = Number(value.likes ?? value.support ?? 0);
      orders.push({
        id: (value.id as string | number | undefined) ?? line,
        title: textField(value, 'title'),
        body: textField(value, 'body', 'content'),
        at,
        citizen: textField(value, 'user', 'citizen') || null,
        region: textField(value, 'region') || null,
        likes: Number.isFinite(likes) && likes > 0 ? likes : 0,
        isUrgent: value.urgent === true || value.urgency === 'urgent',
        category: textField(value, 'category') || null,
      });
    }
    if (undated) io.stderr.write(`warning: ${undated} records have no readable time and were left out\n`);
    const inPeriod = orders.filter((o) => (!from || o.at >= from) && (!to || o.at < to)).length;
    io.stderr.write(`${inPeriod} orders in the period\n`);
    const hotspots = findHotspots(orders, { top, minSize, minCitizens, from, to });
    for (const h of hotspots) {
      writeJsonLine(io, {
        rank: h.rank,
        title: h.title,
        heat: h.heat,
        region: h.region,
        ids: h.ids,
        place: h.place,
        count: h.count,
        citizens: h.citizens,
        components: h.components,
        terms: h.terms,
        firstAt: h.firstAt,
        lastAt: h.lastAt,
        trend: h.trend,
      });
    }
    if (hotspots.length === 0) io.stderr.write('no problem was raised by two or more orders in the period\n');
    return 0;
  },
};
