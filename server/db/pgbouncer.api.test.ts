/**
 * An app process behind pgbouncer in transaction mode (Debian package `pgbouncer`, template deploy/ha/pgbouncer.ini.tmpl),
 * with DATABASE_SESSION_URL on its session-mode pool: queries of one client land on different server connections,
 * so named prepared statements would fail, and LISTEN needs a session of its own. PostgreSQL only.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openPostgres, type Database } from './client.ts';
import { isPostgres, TEST_DATABASE_URL } from '../../test/app.ts';
import { buildSignedInUser, buildUnit } from '../../test/factories/orgs.ts';
import { findProgram, freePort, waitForPort } from '../lib/ports.ts';
import { render } from '../../scripts/cluster.ts';

const missing = !isPostgres || !findProgram('pgbouncer');

describe.skipIf(missing)(
  `behind pgbouncer in transaction mode${missing ? ' (skipped: runs in the PostgreSQL project with pgbouncer installed — apt-get install pgbouncer)' : ''}`,
  async () => {
    const dir = missing ? '' : mkdtempSync(path.join(os.tmpdir(), 'lianxin-pgbouncer-'));
    const target = new URL(TEST_DATABASE_URL);
    const database = target.pathname.slice(1);
    const port = await freePort();
    let bouncer: ChildProcess | undefined;
    let opened: Database | undefined;
    let app: App | undefined;
    afterAll(async () => {
      await app?.close();
      await opened?.close();
      if (bouncer?.pid) process.kill(bouncer.pid, 'SIGTERM');
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const url = (name: string) => `postgres://${target.username || 'postgres'}:${target.password}@127.0.0.1:${port}/${name}`;

    it('serves sign-in, prepared look-ups and LISTEN through the pools', async () => {
      writeFileSync(path.join(dir, 'users.txt'), `"${target.username || 'postgres'}" "${decodeURIComponent(target.password)}"\n`);
      writeFileSync(
        path.join(dir, 'pgbouncer.ini'),
        render('pgbouncer.ini.tmpl', {
          DATABASE: database,
          PG_HOST: target.hostname,
          PG_PORT: target.port || 5432,
          LISTEN_HOST: '127.0.0.1',
          PORT: port,
          AUTH_TYPE: target.password ? 'plain' : 'trust',
          AUTH_FILE: path.join(dir, 'users.txt'),
          POOL_SIZE: 4,
        }),
      );
      // pgbouncer refuses to run as root.
      if (process.getuid?.() === 0) spawnSync('chmod', ['-R', 'a+rX', dir]);
      const [command, args] =
        process.getuid?.() === 0
          ? ['runuser', ['-u', 'nobody', '--', 'pgbouncer', path.join(dir, 'pgbouncer.ini')]]
          : ['pgbouncer', [path.join(dir, 'pgbouncer.ini')]];
      bouncer = spawn(command, args, { stdio: 'ignore' });
      await waitForPort('127.0.0.1', port);

      opened = await openPostgres(url(database), 4, { sessionUrl: url(`${database}_session`) });
      const config = loadConfig({
        DATABASE_URL: url(database),
        DATABASE_SESSION_URL: url(`${database}_session`),
        SEED_DEMO: 'false',
        JOBS_ENABLED: 'false',
        DATA_DIR: dir,
      });
      app = await buildApp({ config, database: opened });
      const center = await buildUnit(app.services.db, { kind: 'center' });
      // Many requests over four pooled clients: each resolves its session with the prepared look-up, on whichever
      // server connection pgbouncer gives it.
      const agent = await buildSignedInUser(app, 'agent', { unitId: center.id });
      const answers = await Promise.all(Array.from({ length: 40 }, () => app!.inject({ url: '/api/v1/auth/me', headers: agent.headers })));
      expect(answers.map((r) => r.statusCode)).toEqual(answers.map(() => 200));

      // LISTEN on the session pool: a NOTIFY sent through the transaction pool reaches it.
      const received: string[] = [];
      await opened.listen!('lianxin_pgbouncer_test', (payload) => received.push(payload));
      await opened.db.execute(sql`select pg_notify('lianxin_pgbouncer_test', 'hello')`);
      await expect.poll(() => received, { timeout: 10_000 }).toEqual(['hello']);
    });
  },
);
