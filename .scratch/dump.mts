import { writeFileSync } from 'node:fs';
import { openPglite } from '../server/db/client.ts';
const db = await openPglite('/tmp/lx-demo/pg');
const since = new Date(Date.now() - 7 * 86400_000);
const { sql } = await import('drizzle-orm');
const res: any = await db.db.execute(sql.raw(`select t.id, t.title, t.content, t.created_at, t.citizen_id, t.category_id, t.urgency, r.name as region from tickets t left join regions r on r.id = t.region_id where t.created_at >= '${since.toISOString()}'`));
writeFileSync('/tmp/demo-week.jsonl', res.rows.map((r: any) => JSON.stringify(r)).join('\n') + '\n');
console.log(res.rows.length);
process.exit(0);
