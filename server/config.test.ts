import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envSchema } from './config.ts';

describe('settings', () => {
  it('are each documented in the README table', () => {
    const tableRows = fs
      .readFileSync(new URL('../README.md', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('| `'));
    const undocumented = Object.keys(envSchema.shape).filter((name) => !tableRows.some((row) => row.split('|')[1].includes(`\`${name}\``)));
    expect(undocumented).toEqual([]);
  });
});
