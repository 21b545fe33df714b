import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { setupApp } from '../../../test/app.ts';
import { randomMobile } from '../../../test/factories/citizens.ts';
import { uid } from '../../../test/factories/orgs.ts';

const { app } = await setupApp({ env: { PUBLIC_RATE_LIMIT: '1000' } });
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

function multipart(fields: Record<string, string>, photos: number) {
  const boundary = `----lianxin${uid()}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (let i = 0; i < photos; i++) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="p${i}.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      PNG,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const countTickets = async () =>
  Number(((await app.services.db.execute(sql`select count(*)::int as n from tickets`)) as any).rows?.[0]?.n ?? 0);
const submit = (fields: Record<string, string>, photos: number) =>
  app.inject({ method: 'POST', url: '/api/v1/public/requests', remoteAddress: '10.30.0.1', ...multipart(fields, photos) });

describe('citizen portal submissions with photos', () => {
  it('takes 9 photos, and answers 10 with a message that says the limit', async () => {
    expect((await submit({ content: '路灯不亮已经一周', phone: randomMobile() }, 9)).statusCode).toBe(201);
    const before = await countTickets();
    const res = await submit({ content: '路灯不亮已经一周', phone: randomMobile() }, 10);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'TOO_MANY_FILES', details: { limit: 9 } });
    expect(res.json().error.message).toContain('9');
    expect(res.json().error.message_en).toContain('At most 9');
    expect(await countTickets()).toBe(before);
  });

  it('applies the same input hygiene to multipart form fields', async () => {
    const res = await submit({ content: '路灯\u0000不亮', phone: randomMobile() }, 1);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ path: 'content', in: 'body' });
    expect(res.json().error.details[0].message).toMatch(/控制字符/);
  });
});
