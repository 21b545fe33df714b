import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../cli.ts';
import { openPglite } from '../db/client.ts';
import { buildUnit, buildUser } from '../../test/factories/orgs.ts';
import { insertTicketRow } from '../../test/factories/citizens.ts';
import { tableChecksums } from './backup.command.ts';
import type { CliIo } from './io.ts';

function captureIo() {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, showProgress: false };
  return { io, out: () => out, err: () => err };
}

const dir = await mkdtemp(join(tmpdir(), 'lianxin-backup-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('lianxin backup / restore (embedded mode)', () => {
  it('restores a data directory identical to the one backed up, uploads included', { timeout: 180_000 }, async () => {
    const source = join(dir, 'data');
    const database = await openPglite(join(source, 'pg'));
    const unit = await buildUnit(database.db);
    await buildUser(database.db, 'handler', { unitId: unit.id });
    for (let i = 0; i < 5; i++) await insertTicketRow(database.db, { title: `备份测试 ${i}` });
    await database.close();
    await mkdir(join(source, 'files', '2026'), { recursive: true });
    await writeFile(join(source, 'files', '2026', 'photo.jpg'), 'not really a photo');

    const backup = captureIo();
    expect(await main(['backup', '--data-dir', source, '--out', join(dir, 'backup')], backup.io), backup.err()).toBe(0);
    const manifest = JSON.parse(await readFile(join(dir, 'backup', 'manifest.json'), 'utf8'));
    expect(manifest.tables.tickets.rows).toBeGreaterThanOrEqual(5);
    expect(manifest.files).toBe(1);

    const target = join(dir, 'restored');
    const restore = captureIo();
    expect(await main(['restore', '--from', join(dir, 'backup'), '--data-dir', target], restore.io), restore.err()).toBe(0);
    expect(JSON.parse(restore.out()).verified).toBe(true);
    expect(await readFile(join(target, 'files', '2026', 'photo.jpg'), 'utf8')).toBe('not really a photo');
    // Independently of the command's own check: the restored database answers with the source's rows.
    const [a, b] = [await PGlite.create({ dataDir: join(source, 'pg') }), await PGlite.create({ dataDir: join(target, 'pg') })];
    try {
      expect(await tableChecksums(b)).toEqual(await tableChecksums(a));
      expect((await b.query<{ n: number }>("select count(*)::int as n from tickets where title like '备份测试%'")).rows[0].n).toBe(5);
    } finally {
      await a.close();
      await b.close();
    }

    const again = captureIo();
    expect(await main(['restore', '--from', join(dir, 'backup'), '--data-dir', target], again.io)).toBe(2);
    expect(again.err()).toMatch(/not empty/);
  });
});
