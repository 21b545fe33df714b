/**
 * Bulk writes for the demo seed. Each batch is one INSERT … SELECT FROM json_to_recordset($1):
 * a single text parameter per ~1,000–2,000 rows, which PGlite (one in-process connection) and
 * PostgreSQL both parse quickly, with no limit on bound parameters.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';

/** [column, SQL type of the JSON field, optional select expression using {} for the field]. */
export type BulkColumn = [name: string, type: string, expression?: string];

/** Milliseconds spent writing each table in this process (reported by the seed script). */
export const writeTimings = new Map<string, number>();

export async function bulkInsert(
  db: Executor,
  table: string,
  columns: BulkColumn[],
  rows: unknown[][],
  options: { batchSize?: number; onConflict?: string } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const started = performance.now();
  const batchSize = options.batchSize ?? 2000;
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const select = columns.map(([, , expression], i) => (expression ? expression.replace('{}', `r.c${i}`) : `r.c${i}`)).join(', ');
  const defs = columns.map(([, type], i) => `c${i} ${type}`).join(', ');
  const head = `insert into "${table}" (${names}) select ${select} from json_to_recordset(`;
  const tail = `::json) as r(${defs})${options.onConflict ? ` ${options.onConflict}` : ''}`;
  for (let start = 0; start < rows.length; start += batchSize) {
    const chunk = rows.slice(start, start + batchSize);
    const json = JSON.stringify(
      chunk.map((row) => {
        const object: Record<string, unknown> = {};
        for (let i = 0; i < row.length; i++) object[`c${i}`] = row[i];
        return object;
      }),
    );
    await db.execute(sql`${sql.raw(head)}${json}${sql.raw(tail)}`);
  }
  writeTimings.set(table, (writeTimings.get(table) ?? 0) + performance.now() - started);
}

/** Reserves `count` ids from a table's serial sequence, in ascending order. */
export async function allocateIds(db: Executor, table: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  const result = await db.execute(
    sql`select nextval(pg_get_serial_sequence(${table}, 'id'))::int as id from generate_series(1, ${count}::int)`,
  );
  return rowsOf<{ id: number }>(result)
    .map((r) => Number(r.id))
    .sort((a, b) => a - b);
}

/** Rows of a raw `execute` result (node-postgres and PGlite both return `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

export const iso = (t: number | null | undefined) => (t === null || t === undefined ? null : new Date(t).toISOString());

/**
 * Runs `load` with the secondary indexes of `tables` dropped, then recreates them from their saved
 * definitions (pg_indexes), which is much faster than maintaining them row by row. Only for a database
 * nobody else is using yet (first start): DROP INDEX locks the table until the transaction ends.
 */
export async function withIndexesDeferred(db: Executor, tables: string[], load: () => Promise<void>): Promise<void> {
  // Foreign keys are not checked row by row either (the generator builds consistent rows, and the namespaced
  // test seed, which never takes this path, runs with every check on); only a superuser may switch that off.
  const [role] = rowsOf<{ is_superuser: string }>(await db.execute(sql`select current_setting('is_superuser') as is_superuser`));
  if (role?.is_superuser === 'on') await db.execute(sql`set local session_replication_role = replica`);
  const indexes = rowsOf<{ indexname: string; indexdef: string }>(
    await db.execute(sql`
    select i.indexname, i.indexdef from pg_indexes i
    where i.schemaname = current_schema() and i.tablename in (${sql.join(
      tables.map((t) => sql`${t}`),
      sql`, `,
    )})
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`),
  );
  for (const index of indexes) await db.execute(sql.raw(`drop index "${index.indexname.replace(/"/g, '""')}"`));
  await load();
  const started = performance.now();
  for (const index of indexes) await db.execute(sql.raw(index.indexdef));
  if (role?.is_superuser === 'on') await db.execute(sql`set local session_replication_role = origin`);
  writeTimings.set('(indexes)', (writeTimings.get('(indexes)') ?? 0) + performance.now() - started);
}
