import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_STATUS, isDatabaseUnavailable } from './errors.ts';

describe('error codes', () => {
  it('are documented in docs/errors.md with their HTTP status, and only those', () => {
    const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
    const documented = [...doc.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1], Number(m[2])]);
    expect(Object.fromEntries(documented)).toEqual(ERROR_STATUS);
    expect(documented).toHaveLength(ERROR_CODES.length);
  });
});

describe('isDatabaseUnavailable', () => {
  const wrapped = (cause: object) => Object.assign(new Error('Failed query: select 1'), { cause });
  it('recognises a lost or refused connection, a shutting-down server and a read-only node, however wrapped', () => {
    expect(isDatabaseUnavailable(wrapped(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(wrapped(new Error('Connection terminated unexpectedly')))).toBe(true);
    expect(isDatabaseUnavailable(wrapped({ message: 'terminating connection due to administrator command', code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(wrapped({ message: 'cannot execute INSERT in a read-only transaction', code: '25006' }))).toBe(true);
    expect(isDatabaseUnavailable({ message: 'connection failure', code: '08006' })).toBe(true);
  });
  it('leaves real faults alone', () => {
    expect(isDatabaseUnavailable(wrapped({ message: 'duplicate key value violates unique constraint', code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(wrapped({ message: 'deadlock detected', code: '40P01' }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
