/**
 * Writes web/src/api/schema.d.ts, the web client's types, from the API's own OpenAPI document (what
 * /api/v1/openapi.json serves). The app is built from its route schemas with a database that refuses every
 * query, so no server or database is needed. Run: npm run api:types
 * api-types.test.ts fails when the committed file is stale.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import type { Database } from '../server/db/client.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const schemaFile = path.join(root, 'web/src/api/schema.d.ts');

const HEADER = "/**\n * Generated from the API's OpenAPI document by `npm run api:types` (scripts/api-types.ts). Do not edit.\n */\n";

/** Building the document must not touch data: any use of the database is a mistake worth a loud error. */
const noDatabase: Database = {
  db: new Proxy(
    {},
    {
      get: (_target, key) => {
        throw new Error(`the database was used while building the OpenAPI document (${String(key)})`);
      },
    },
  ) as Database['db'],
  mode: 'embedded',
  close: async () => {},
};

/** The OpenAPI document, as the server would serve it with its default settings. */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const config = loadConfig({ SEED_DEMO: 'false', JOBS_ENABLED: 'false', DATA_DIR: path.join(os.tmpdir(), 'lianxin-openapi') });
  const app = await buildApp({ config, database: noDatabase });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
  }
}

/** The text of web/src/api/schema.d.ts. */
export async function generateApiTypes(): Promise<string> {
  const ast = await openapiTS((await buildOpenApiDocument()) as never, { alphabetize: true });
  return HEADER + astToString(ast);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(schemaFile, await generateApiTypes());
  console.log(`wrote ${path.relative(root, schemaFile)}`);
}
