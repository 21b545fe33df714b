import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { ja } from '../../i18n/portal.ja.ts';
import { ko } from '../../i18n/portal.ko.ts';
import { zh } from '../../i18n/zh.ts';

const dir = path.dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(dir)
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))
  .map((f) => readFileSync(path.join(dir, f), 'utf8'));
const lookup = (messages: unknown, key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);

describe('portal text', () => {
  const literalKeys = [...new Set(sources.flatMap((s) => [...s.matchAll(/t\(\s*'([\w]+\.[\w.]+)'/g)].map((m) => m[1])))];
  // keys chosen at run time: the ticket types and the distance words
  const builtKeys = ['inquiry', 'help', 'complaint', 'report', 'suggestion', 'praise']
    .map((k) => `enums.type.${k}`)
    .concat('portal.metres', 'portal.km');

  it('finds the keys it checks', () => {
    expect(literalKeys.length).toBeGreaterThan(40);
  });

  it.each([
    ['zh', zh],
    ['en', en],
    ['ko', ko],
    ['ja', ja],
  ] as const)('has every key the portal uses in %s', (_, messages) => {
    expect([...literalKeys, ...builtKeys].filter((k) => typeof lookup(messages, k) !== 'string')).toEqual([]);
  });

  it('gives Korean and Japanese every portal string English has', () => {
    for (const messages of [ko, ja]) expect(Object.keys(messages.portal).sort()).toEqual(Object.keys(en.portal).sort());
  });
});
