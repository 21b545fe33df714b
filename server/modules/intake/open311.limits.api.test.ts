import { beforeAll, describe, expect, it } from 'vitest';
import { setupApp } from '../../../test/app.ts';

const { app } = await setupApp({ env: { PUBLIC_RATE_LIMIT: '5', OPEN311_KEY_RATE_LIMIT: '40' } });
let apiKey: string;

beforeAll(async () => {
  apiKey = (await app.services.auth.createApiKey({ name: 'open311 client', role: 'agent' })).plainKey;
});

const get = (url: string, remoteAddress: string, headers: Record<string, string> = {}) => app.inject({ url, remoteAddress, headers });

describe('Open311 rate limits', () => {
  it('keeps callers without a key to the tight per-address limit, in the spec error format', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await get('/open311/v2/services.json', '10.50.0.1')).statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(5);
    const limited = await get('/open311/v2/services.json', '10.50.0.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()[0].code).toBe(429);
  });

  it('counts a machine client per API key at its own, larger limit, whichever way it sends the key', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 30; i++) codes.push((await get(`/open311/v2/services.json?api_key=${apiKey}`, '10.50.0.2')).statusCode);
    for (let i = 0; i < 10; i++)
      codes.push((await get('/open311/v2/services.json', `10.50.1.${i + 1}`, { authorization: `Bearer ${apiKey}` })).statusCode);
    expect(codes.every((c) => c === 200)).toBe(true);
    expect((await get(`/open311/v2/services.json?api_key=${apiKey}`, '10.50.0.3')).statusCode).toBe(429);
    // A wrong key is no key: the address's own tight limit applies.
    const wrong: number[] = [];
    for (let i = 0; i < 6; i++) wrong.push((await get('/open311/v2/services.json?api_key=lx_wrong', '10.50.0.4')).statusCode);
    expect(wrong.at(-1)).toBe(429);
  });
});
