import { beforeAll, describe, expect, it } from 'vitest';
import { setupApp } from '../../test/app.ts';
import { buildSignedInUser, buildUnit, type Session } from '../../test/factories/orgs.ts';

const { app } = await setupApp({ env: { PUBLIC_RATE_LIMIT: '10000' } });
const db = app.services.db;
let agent: Session;

beforeAll(async () => {
  const center = await buildUnit(db, { kind: 'center' });
  agent = await buildSignedInUser(app, 'agent', { unitId: center.id });
});

async function call(session: Session | null, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const res = await app.inject({ method, url, payload: payload as any, headers: session?.headers ?? {} });
  return { status: res.statusCode, body: res.body && String(res.headers['content-type']).includes('json') ? res.json() : res.body };
}

/** Every refusal names the field in both languages. */
function expectFieldRefusal(res: { status: number; body: any }, path: string, zh: RegExp) {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body.error.code).toBe('VALIDATION_FAILED');
  expect(res.body.error.message).toContain(path);
  expect(res.body.error.message_en).toContain(path);
  const detail = res.body.error.details.find((d: any) => d.path === path);
  expect(detail, JSON.stringify(res.body.error.details)).toBeTruthy();
  expect(detail.message).toMatch(zh);
  expect(detail.message_en).toMatch(/[A-Za-z]/);
}

describe('input hygiene', () => {
  describe('text', () => {
    it('refuses a NUL byte in the sign-in username before any database work', async () => {
      expectFieldRefusal(
        await call(null, 'POST', '/api/v1/auth/sign-in', { username: 'ad\u0000min', password: 'x' }),
        'username',
        /控制字符/,
      );
    });

    it('refuses NUL in a query parameter and a path parameter', async () => {
      expectFieldRefusal(await call(agent, 'GET', '/api/v1/tickets?q=%00'), 'q', /控制字符/);
      expectFieldRefusal(await call(agent, 'GET', '/api/v1/tickets/by-number/2026%00'), 'number', /控制字符/);
    });

    it('refuses NUL and other control characters in portal fields, and lone surrogates', async () => {
      const base = { type: 'complaint', content: '路灯不亮', phone: '13900001111' };
      expectFieldRefusal(
        await call(null, 'POST', '/api/v1/public/requests', { ...base, content: '路灯\u0000不亮' }),
        'content',
        /控制字符/,
      );
      expectFieldRefusal(
        await call(null, 'POST', '/api/v1/public/requests', { ...base, content: '路灯\u001b[31m不亮' }),
        'content',
        /控制字符/,
      );
      expectFieldRefusal(
        await call(null, 'POST', '/api/v1/public/requests', { ...base, content: '路灯\ud800不亮' }),
        'content',
        /控制字符/,
      );
    });

    it('keeps tabs and line breaks in ordinary text', async () => {
      const res = await call(agent, 'POST', '/api/v1/tickets', { channel: 'phone', type: 'inquiry', content: '第一行\n第二行\r\n\t缩进' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    });
  });

  describe('integers', () => {
    it('refuses an id above the integer column range instead of failing in PostgreSQL', async () => {
      expectFieldRefusal(await call(agent, 'GET', '/api/v1/tickets/2147483648'), 'id', /超出范围/);
      expectFieldRefusal(await call(agent, 'GET', '/api/v1/tickets?categoryId=99999999999'), 'categoryId', /超出范围/);
      expectFieldRefusal(
        await call(agent, 'POST', '/api/v1/tickets', { channel: 'phone', type: 'inquiry', content: '咨询', regionId: 2 ** 40 }),
        'regionId',
        /超出范围/,
      );
    });

    it('still answers 404 for the largest id that fits', async () => {
      expect((await call(agent, 'GET', '/api/v1/tickets/2147483647')).status).toBe(404);
    });
  });

  describe('OpenAPI document', () => {
    type Found = { where: string; schema: Record<string, any> };
    /** Every integer and number schema in the document's inputs (parameters and request bodies). */
    function inputNumbers(doc: any): Found[] {
      const found: Found[] = [];
      const walk = (node: any, where: string) => {
        if (Array.isArray(node)) return node.forEach((item) => walk(item, where));
        if (!node || typeof node !== 'object') return;
        if (node.type === 'integer' || node.type === 'number') found.push({ where, schema: node });
        for (const [key, child] of Object.entries(node)) walk(child, key === 'name' ? where : `${where}/${key}`);
      };
      for (const [path, operations] of Object.entries<any>(doc.paths)) {
        for (const [method, op] of Object.entries<any>(operations)) {
          for (const parameter of op.parameters ?? [])
            walk(parameter.schema, `${method.toUpperCase()} ${path} ${parameter.in}:${parameter.name}`);
          walk(op.requestBody, `${method.toUpperCase()} ${path} body`);
        }
      }
      return found;
    }

    it('declares every input integer within what the validator takes: int4, or its own maximum', async () => {
      const doc = (await app.inject({ url: '/api/v1/openapi.json' })).json();
      const numbers = inputNumbers(doc);
      expect(numbers.length).toBeGreaterThan(100);
      const unbounded = numbers.filter(
        ({ schema }) => schema.maximum === undefined || (schema.minimum === undefined && schema.exclusiveMinimum === undefined),
      );
      expect(unbounded.map((f) => f.where)).toEqual([]);
      const beyondInt4 = numbers.filter(({ schema }) => schema.maximum > 2_147_483_647 || schema.minimum < -2_147_483_648);
      // Only the outbox cursor (a bigint column) goes past int4, to what a JSON number holds exactly.
      expect(beyondInt4.map((f) => `${f.where} ≤ ${f.schema.maximum}`)).toEqual([
        `GET /api/v1/events query:after ≤ ${Number.MAX_SAFE_INTEGER}`,
      ]);

      const ticketId = doc.paths['/api/v1/tickets/{id}'].get.parameters.find((p: any) => p.name === 'id').schema;
      expect(ticketId).toMatchObject({ type: 'integer', maximum: 2_147_483_647 });
      // What the document declares is what the API takes: its maximum answers 404, one more 400.
      expect((await call(agent, 'GET', `/api/v1/tickets/${ticketId.maximum}`)).status).toBe(404);
      expect((await call(agent, 'GET', `/api/v1/tickets/${ticketId.maximum + 1}`)).status).toBe(400);
      expect((await call(null, 'GET', `/api/v1/events?after=${Number.MAX_SAFE_INTEGER + 1}`)).status).not.toBe(500);
    });
  });

  describe('dates', () => {
    it('refuses dates PostgreSQL cannot take', async () => {
      expectFieldRefusal(await call(agent, 'GET', '/api/v1/tickets?from=275760-09-13'), 'from', /日期超出范围/);
      expectFieldRefusal(await call(agent, 'GET', '/api/v1/tickets?to=0001-01-01'), 'to', /日期超出范围/);
      expect((await call(agent, 'GET', '/api/v1/tickets?from=2026-01-01&to=2026-02-01')).status).toBe(200);
    });
  });

  describe('Open311', () => {
    it('answers NUL and year-0 dates with its own 400 error list, in Chinese and English', async () => {
      const nul = await call(null, 'GET', '/open311/v2/requests.json?service_request_id=%00');
      expect(nul.status).toBe(400);
      expect(nul.body).toEqual([
        { code: 400, description: expect.stringMatching(/service_request_id.*控制字符.*Invalid request: service_request_id/) },
      ]);
      const year0 = await call(null, 'GET', '/open311/v2/requests.json?start_date=0000-01-01');
      expect(year0.status).toBe(400);
      expect(year0.body[0].description).toContain('start_date');
      const token = await call(null, 'GET', '/open311/v2/tokens/ab%00cd.json');
      expect(token.status).toBe(400);
    });

    it('answers an unknown request id longer than 40 characters with 404, as the spec asks', async () => {
      const res = await call(null, 'GET', `/open311/v2/requests/${'9'.repeat(60)}.json`);
      expect(res.status).toBe(404);
      expect(res.body[0].code).toBe(404);
    });
  });

  describe('schema errors', () => {
    it('gives field-level details in Chinese beside the English', async () => {
      const res = await call(agent, 'POST', '/api/v1/tickets', { channel: 'fax', type: 'inquiry', content: '咨询' });
      expect(res.status).toBe(400);
      const detail = res.body.error.details.find((d: any) => d.path === 'channel');
      expect(detail.message).toMatch(/[\u4e00-\u9fff]/);
      expect(detail.message_en).toMatch(/expected one of/);
      expect(detail.in).toBe('body');
      expect(res.body.error.message).toMatch(/^请求参数不正确：channel/);
    });
  });
});
