import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { zh } from '../../i18n/zh.ts';

const dir = path.dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(dir)
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))
  .map((f) => readFileSync(path.join(dir, f), 'utf8'));
const lookup = (messages: unknown, key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);

describe('analytics workbench text', () => {
  // keys written out in full: t('analytics.x.y'); keys built at run time end in a template and are checked below
  const literalKeys = [
    ...new Set(sources.flatMap((s) => [...s.matchAll(/t\(\s*'((?:analytics|common|errors|enums)\.[\w.]+)'/g)].map((m) => m[1]))),
  ];

  it('finds the keys it checks', () => {
    expect(literalKeys.length).toBeGreaterThan(100);
  });

  it.each([
    ['zh', zh],
    ['en', en],
  ] as const)('has every literal key in %s', (_, messages) => {
    expect(literalKeys.filter((k) => typeof lookup(messages, k) !== 'string')).toEqual([]);
  });

  it('names every tab, deduction, report kind, peer group and scheme problem in both languages', () => {
    const built = [
      ...['indicators', 'assessment', 'reports', 'staffing'].map((k) => `analytics.tabs.${k}`),
      ...['overdue', 'improper_return', 'supervision', 'upheld_dissatisfaction'].map((k) => `analytics.deduction.${k}`),
      ...['daily', 'weekly', 'monthly', 'special'].flatMap((k) => [`analytics.reports.kinds.${k}`, `analytics.reports.dateOf.${k}`]),
      ...['department', 'district', 'street', 'utility'].map((k) => `analytics.peerGroup.${k}`),
      ...['indicators_empty', 'indicators_duplicate', 'indicators_weights', 'deductions_duplicate', 'deductions_negative'].map(
        (k) => `analytics.scheme.${k}`,
      ),
      ...['missing', 'reversed', 'future', 'tooLong'].map((k) => `analytics.period.${k}`),
      ...['unit', 'region', 'category', 'channel', 'type'].map((k) => `analytics.dimension.${k}`),
      ...['pending', 'approved', 'denied'].map((k) => `analytics.appeal.statuses.${k}`),
      ...['erlang_c', 'erlang_a'].map((k) => `analytics.staffing.model.${k}`),
      ...['count', 'rate', 'duration', 'score'].map((k) => `analytics.kind.${k}`),
      'menu.analytics',
      'menu.myAssessment',
    ];
    for (const messages of [zh, en]) expect(built.filter((k) => typeof lookup(messages, k) !== 'string')).toEqual([]);
  });
});
