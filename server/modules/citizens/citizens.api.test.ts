import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupApp } from '../../../test/app.ts';
import { buildCitizen, insertTicketRow, randomMobile } from '../../../test/factories/citizens.ts';
import { buildSignedInUser, buildUnit, type Session } from '../../../test/factories/orgs.ts';
import { auditLog, citizens } from '../../db/schema.ts';

const { app } = await setupApp();
const db = app.services.db;
const agent = await buildSignedInUser(app, 'agent');

const lookup = (s: Session | { headers: Record<string, string> }, phone: string) =>
  app.inject({ method: 'GET', url: `/api/v1/citizens/lookup?phone=${encodeURIComponent(phone)}`, headers: s.headers });
const patch = (s: Session, id: number, payload: unknown) =>
  app.inject({ method: 'PATCH', url: `/api/v1/citizens/${id}`, headers: s.headers, payload: payload as any });
const auditOf = (userId: number) => db.select().from(auditLog).where(eq(auditLog.actorUserId, userId));

describe('citizens API', () => {
  describe('lookup (screen pop)', () => {
    it('returns the caller and their tickets newest first, open ones flagged, and audits the unmasked phone', async () => {
      const citizen = await buildCitizen(db, { name: '王女士' });
      const unit = await buildUnit(db, { name: '市住建局' });
      const old = await insertTicketRow(db, {
        citizenId: citizen.id,
        status: 'closed',
        createdAt: new Date('2026-01-05T02:00:00Z'),
        title: '楼道灯不亮',
      });
      const recent = await insertTicketRow(db, {
        citizenId: citizen.id,
        status: 'handling',
        leadUnitId: unit.id,
        createdAt: new Date('2026-02-20T02:00:00Z'),
        title: '物业不作为',
      });
      await insertTicketRow(db, { status: 'handling' }); // someone else's

      const spaced = `${citizen.phone.slice(0, 3)} ${citizen.phone.slice(3, 7)}-${citizen.phone.slice(7)}`;
      const res = await lookup(agent, spaced);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.phone).toBe(citizen.phone);
      expect(body.citizen).toMatchObject({ id: citizen.id, phone: citizen.phone, name: '王女士', isConfidential: false, language: 'zh' });
      expect(body.tickets.map((t: any) => t.id)).toEqual([recent.id, old.id]);
      expect(body.tickets[0]).toMatchObject({
        number: recent.number,
        title: '物业不作为',
        status: 'handling',
        isOpen: true,
        leadUnitId: unit.id,
        leadUnitName: '市住建局',
        createdAt: '2026-02-20T02:00:00.000Z',
      });
      expect(body.tickets[1]).toMatchObject({ status: 'closed', isOpen: false, leadUnitName: null });
      expect(body).toMatchObject({ ticketCount: 2, openTicketCount: 1 });

      const trail = await app.services.audit.findBySubject('citizen', citizen.id);
      expect(trail).toEqual([
        expect.objectContaining({ action: 'read_unmasked_phone', actorUserId: agent.userId, details: { via: 'citizen_lookup' } }),
      ]);
    });

    it('answers a first-time caller with no citizen, and audits nothing', async () => {
      const caller = await buildSignedInUser(app, 'agent');
      const phone = randomMobile();
      const res = await lookup(caller, `+86 ${phone}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ phone, citizen: null, tickets: [], ticketCount: 0, openTicketCount: 0 });
      expect(await auditOf(caller.userId)).toEqual([]);
    });

    it('rejects a malformed phone number', async () => {
      const res = await lookup(agent, '12345');
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: '电话号码格式不正确',
        message_en: 'The phone number is not valid',
      });
      expect((await app.inject({ method: 'GET', url: '/api/v1/citizens/lookup', headers: agent.headers })).statusCode).toBe(400);
    });

    it('is for center roles only', async () => {
      const citizen = await buildCitizen(db);
      const unit = await buildUnit(db);
      for (const role of ['dispatcher', 'supervisor', 'callback_agent', 'admin'] as const) {
        expect((await lookup(await buildSignedInUser(app, role), citizen.phone)).statusCode).toBe(200);
      }
      for (const role of ['handler', 'unit_admin'] as const) {
        const res = await lookup(await buildSignedInUser(app, role, { unitId: unit.id }), citizen.phone);
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
      }
      expect((await lookup(await buildSignedInUser(app, 'leader'), citizen.phone)).statusCode).toBe(403);
      expect((await app.inject({ method: 'GET', url: `/api/v1/citizens/lookup?phone=${citizen.phone}` })).statusCode).toBe(401);
    });

    it('serves a CTI integration by API key and audits the key', async () => {
      const citizen = await buildCitizen(db);
      const key = await app.services.auth.createApiKey({ name: 'CTI', role: 'agent' });
      const res = await lookup({ headers: { authorization: `Bearer ${key.plainKey}` } }, citizen.phone);
      expect(res.statusCode).toBe(200);
      const trail = await app.services.audit.findBySubject('citizen', citizen.id);
      expect(trail[0]).toMatchObject({ action: 'read_unmasked_phone', actorApiKeyId: key.id, actorUserId: null });
    });
  });

  describe('update', () => {
    it('corrects name and language and sets confidentiality, with an audit trail', async () => {
      const citizen = await buildCitizen(db);
      const res = await patch(agent, citizen.id, { name: '李先生', language: 'yue', isConfidential: true });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: citizen.id, name: '李先生', language: 'yue', isConfidential: true, phone: citizen.phone });
      const trail = await app.services.audit.findBySubject('citizen', citizen.id);
      expect(trail.map((t) => t.action).sort()).toEqual(['read_unmasked_phone', 'update_citizen']);
      expect(trail.find((t) => t.action === 'update_citizen')!.details).toEqual({
        changes: { name: '李先生', language: 'yue', isConfidential: true },
      });
    });

    it('lets only a supervisor or admin lift confidentiality', async () => {
      const citizen = await buildCitizen(db, { isConfidential: true });
      const denied = await patch(agent, citizen.id, { isConfidential: false });
      expect(denied.statusCode).toBe(403);
      const [row] = await db.select().from(citizens).where(eq(citizens.id, citizen.id));
      expect(row.isConfidential).toBe(true);
      const supervisor = await buildSignedInUser(app, 'supervisor');
      expect((await patch(supervisor, citizen.id, { isConfidential: false })).json().isConfidential).toBe(false);
    });

    it('rejects bad input and unknown citizens', async () => {
      const citizen = await buildCitizen(db);
      expect((await patch(agent, citizen.id, {})).statusCode).toBe(400);
      expect((await patch(agent, citizen.id, { language: 'Chinese!' })).statusCode).toBe(400);
      expect((await patch(agent, 999_999_999, { name: '无此人' })).statusCode).toBe(404);
      const handler = await buildSignedInUser(app, 'handler', { unitId: (await buildUnit(db)).id });
      expect((await patch(handler, citizen.id, { name: '越权' })).statusCode).toBe(403);
      const [row] = await db
        .select()
        .from(citizens)
        .where(and(eq(citizens.id, citizen.id)));
      expect(row.name).toBe(citizen.name);
    });
  });

  describe('findOrCreateByPhones (for intake)', () => {
    type Input = { phone: string; name?: string | null; isConfidential?: boolean };
    const findOrCreate = async (input: Input) => (await db.transaction((tx) => app.services.citizens.findOrCreateByPhones(tx, [input])))[0];

    it('creates once per normalised phone, keeps confidentiality and takes a newly given name', async () => {
      const phone = randomMobile();
      const created = await findOrCreate({ phone: `+86 ${phone}`, name: '赵女士', isConfidential: true });
      expect(created).toMatchObject({ phone, name: '赵女士', isConfidential: true });
      const again = await findOrCreate({ phone: `${phone.slice(0, 3)}-${phone.slice(3)}` });
      expect(again).toMatchObject({ id: created.id, name: '赵女士', isConfidential: true });
      const renamed = await findOrCreate({ phone, name: '赵红', isConfidential: false });
      expect(renamed).toMatchObject({ id: created.id, name: '赵红', isConfidential: true });
    });

    it('keeps one row when the same new caller arrives concurrently', async () => {
      const phone = randomMobile();
      const rows = await Promise.all(Array.from({ length: 5 }, () => findOrCreate({ phone })));
      expect(new Set(rows.map((r) => r.id)).size).toBe(1);
      expect(await db.select().from(citizens).where(eq(citizens.phone, phone))).toHaveLength(1);
    });

    it('answers a batch in input order, one row per caller however often a batch names them', async () => {
      const [first, second] = [randomMobile(), randomMobile()];
      const rows = await db.transaction((tx) =>
        app.services.citizens.findOrCreateByPhones(tx, [
          { phone: second, name: '钱先生' },
          { phone: `+86${first}` },
          { phone: second, name: '钱二', isConfidential: true },
          { phone: first, name: null },
        ]),
      );
      expect(rows.map((r) => r.phone)).toEqual([second, first, second, first]);
      expect(rows[0].id).toBe(rows[2].id);
      expect(rows[0]).toMatchObject({ name: '钱二', isConfidential: true });
      expect(await db.select().from(citizens).where(eq(citizens.phone, second))).toHaveLength(1);
    });

    it('refuses a malformed phone', async () => {
      await expect(findOrCreate({ phone: '110' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    });
  });
});
