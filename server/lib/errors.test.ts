import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_STATUS } from './errors.ts';

describe('error codes', () => {
  it('are documented in docs/errors.md with their HTTP status, and only those', () => {
    const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
    const documented = [...doc.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1], Number(m[2])]);
    expect(Object.fromEntries(documented)).toEqual(ERROR_STATUS);
    expect(documented).toHaveLength(ERROR_CODES.length);
  });
});
