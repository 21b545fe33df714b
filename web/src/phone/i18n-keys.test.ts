import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import { zh } from '../i18n/zh.ts';
import { AGENT_STATES, QUEUES } from '../api/telephony.ts';

const dir = path.dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(dir)
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))
  .map((f) => readFileSync(path.join(dir, f), 'utf8'));
const lookup = (messages: unknown, key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);

describe('phone text', () => {
  const literalKeys = [...new Set(sources.flatMap((s) => [...s.matchAll(/t\(\s*'((?:phone|common|menu)\.[\w.]+)'/g)].map((m) => m[1])))];

  it('finds the keys it checks', () => {
    expect(literalKeys.length).toBeGreaterThan(90);
  });

  it.each([
    ['zh', zh],
    ['en', en],
  ] as const)('has every literal key in %s', (_, messages) => {
    expect(literalKeys.filter((k) => typeof lookup(messages, k) !== 'string')).toEqual([]);
  });

  it('names every agent state, queue, line status, break reason and callback outcome in both languages', () => {
    const built = [
      ...AGENT_STATES.map((s) => `phone.state.${s}`),
      ...QUEUES.map((q) => `phone.queue.${q}`),
      ...['ringing', 'dialing', 'talking', 'ended'].map((s) => `phone.line.${s}`),
      ...['off', 'connecting', 'registered', 'failed'].map((s) => `phone.registration.${s}`),
      ...['meal', 'rest', 'training', 'meeting', 'other'].map((s) => `phone.breakReasons.${s}`),
      ...['open', 'claimed', 'done', 'reached', 'no_answer', 'answered_later'].map((s) => `phone.missed.${s}`),
      'menu.missedCalls',
      'menu.wallboard',
    ];
    for (const messages of [zh, en]) expect(built.filter((k) => typeof lookup(messages, k) !== 'string')).toEqual([]);
  });
});
