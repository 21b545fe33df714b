import { readFileSync } from 'node:fs';
import { crossValidate } from '../server/modules/insight/cross-validate.ts';
const rows = readFileSync('/work/shared/data/messages-labeled-dev.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const variants: Record<string, (r: any) => any> = {
  base: (r) => r,
  noCodes: (r) => ({ ...r, title: r.title.replace(/[A-Za-z]+\d*/g, ''), body: r.body.replace(/[A-Za-z]+\d*/g, '') }),
  bodyCut300: (r) => ({ ...r, body: r.body.slice(0, 300) }),
  bodyCut150: (r) => ({ ...r, body: r.body.slice(0, 150) }),
};
const which = process.argv.slice(2);
const labelPriors = [...new Set(rows.map((r) => r.category))].map((c) => ({ title: c, body: c, label: c }));
for (const [name, f] of Object.entries(variants)) {
  if (which.length && !which.includes(name)) continue;
  for (const priors of [false, true]) {
    const scores: number[] = [];
    for (const seed of [1, 2, 3, 4, 5, 6, 42]) {
      const cv = crossValidate(rows.map(f).map((r) => ({ title: r.title, body: r.body, label: r.category })), 5, {}, { seed, priors: priors ? labelPriors : undefined });
      scores.push(cv.meanMacroF1);
    }
    console.log(name, priors ? '+labelnames' : '', (scores.reduce((a, b) => a + b) / scores.length).toFixed(4), scores.map((s) => s.toFixed(3)).join(' '));
  }
}
