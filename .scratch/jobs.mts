import { openPglite } from '../server/db/client.ts';
import { sql } from 'drizzle-orm';
const db = await openPglite('/tmp/lx-demo/pg');
const res: any = await db.db.execute(sql.raw(`select id, name, status, attempts, run_at, locked_at, finished_at, left(coalesce(last_error,''), 300) as err from jobs order by id`));
for (const r of res.rows) console.log(JSON.stringify(r));
process.exit(0);
