import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateApiTypes, schemaFile } from './api-types.ts';

describe('web/src/api/schema.d.ts', () => {
  it('matches the OpenAPI document the route schemas give', async () => {
    const committed = fs.readFileSync(schemaFile, 'utf8');
    const fresh = await generateApiTypes();
    expect(fresh.length).toBeGreaterThan(10_000);
    if (committed !== fresh) expect.fail('web/src/api/schema.d.ts is stale: run `npm run api:types` and commit it');
  });
});
