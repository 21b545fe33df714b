/** Kannel calls these: every incoming SMS (its sms-service get-url) and delivery reports (the dlr-url of what we sent). */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { normalizePhone, PHONE_PATTERN } from '../../../../common/limits.ts';
import { AppError } from '../../../lib/errors.ts';
import { concatPartOf, decodeSmsText, deliveryStatusOf, rawQueryBytes, type SmsCoding } from './sms.decode.ts';

const inboundQuery = z
  .object({
    secret: z.string(),
    id: z.string().min(1).max(100),
    from: z.string().min(1).max(40),
    to: z.string().max(40).default(''),
    coding: z.coerce.number().int().min(0).max(2).default(0),
    charset: z.string().max(40).default(''),
    time: z.coerce.number().int().optional(),
    smsc: z.string().max(60).optional(),
  })
  .passthrough();

const dlrQuery = z
  .object({
    secret: z.string(),
    message: z.coerce.number().int().positive(),
    type: z.coerce.number().int(),
    answer: z.string().max(500).default(''),
    /** Which part of a long message this report is about (1-based) and how many there are. */
    part: z.coerce.number().int().min(1).default(1),
    parts: z.coerce.number().int().min(1).default(1),
  })
  .passthrough();

const ok = z.object({ ok: z.boolean(), contactId: z.number().optional(), isDuplicate: z.boolean().optional() });

/** A day: SMSC timestamps further off than this are not trusted for the response clock. */
const MAX_SMSC_SKEW_MS = 86_400_000;

export const smsRoutes: FastifyPluginAsyncZod = async (r) => {
  const { contacts, config, clock } = r.services;
  const tags = ['channels'];

  function checkSecret(given: string) {
    const expected = config.SMS_INBOUND_SECRET;
    const a = Buffer.from(given);
    const b = Buffer.from(expected ?? '');
    if (!expected || a.length !== b.length || !timingSafeEqual(a, b)) {
      throw new AppError('UNAUTHENTICATED', {
        message: '短信网关密钥不正确',
        messageEn: 'The SMS gateway secret is wrong or not configured',
      });
    }
  }

  r.get(
    '/api/v1/channels/sms/kannel/inbound',
    {
      config: { isPublic: true },
      schema: {
        tags,
        summary: '短信上行 An incoming SMS from Kannel (answered after the contact is committed; repeated deliveries are one contact)',
        querystring: inboundQuery,
        response: { 200: ok },
      },
    },
    async (request) => {
      const q = request.query;
      checkSecret(q.secret);
      const raw = rawQueryBytes(request.raw.url ?? '');
      const decoded = decodeSmsText(raw.get('text') ?? Buffer.alloc(0), q.coding as SmsCoding, q.charset);
      const udh = raw.get('udh') ?? Buffer.alloc(0);
      const part = concatPartOf(udh);
      if (decoded.problem) request.log.warn({ kannelId: q.id, problem: decoded.problem }, 'SMS text not cleanly decoded');
      if (part) request.log.warn({ kannelId: q.id, part }, 'SMS part arrived uncombined (Kannel gave up waiting for the rest)');
      const phone = normalizePhone(q.from);
      const isPhone = PHONE_PATTERN.test(phone);
      const now = clock.now();
      const smscTime = q.time ? new Date(q.time * 1000) : null;
      const receivedAt = smscTime && Math.abs(now.getTime() - smscTime.getTime()) < MAX_SMSC_SKEW_MS && smscTime < now ? smscTime : now;
      const text = decoded.text.trim();
      const result = await contacts.receive({
        channel: 'sms',
        sourceId: q.id,
        address: isPhone ? phone : q.from,
        phone: isPhone ? phone : null,
        content: text || '（空短信）',
        receivedAt,
        meta: {
          to: q.to,
          coding: q.coding,
          charset: q.charset,
          smsc: q.smsc ?? null,
          ...(decoded.problem ? { encodingProblem: decoded.problem } : {}),
          ...(part ? { part } : {}),
        },
      });
      if (result.isDuplicate) request.log.info({ kannelId: q.id, contactId: result.contactId }, 'duplicate SMS delivery ignored');
      return { ok: true, contactId: result.contactId, isDuplicate: result.isDuplicate };
    },
  );

  r.get(
    '/api/v1/channels/sms/kannel/dlr',
    {
      config: { isPublic: true },
      schema: {
        tags,
        summary: '短信状态报告 A delivery report from Kannel for a message we sent',
        querystring: dlrQuery,
        response: { 200: ok },
      },
    },
    async (request) => {
      const q = request.query;
      checkSecret(q.secret);
      // a long message counts as delivered when its last part is; any failed part fails it
      const status = deliveryStatusOf(q.type);
      const overall = status === 'delivered' && q.part < q.parts ? 'pending' : status;
      const row = await contacts.recordDelivery(q.message, {
        status: overall,
        detail: `kannel dlr ${q.type}${q.parts > 1 ? ` part ${q.part}/${q.parts}` : ''}${q.answer ? `: ${q.answer}` : ''}`,
      });
      if (!row) request.log.warn({ messageId: q.message }, 'delivery report for an unknown message');
      return { ok: Boolean(row) };
    },
  );
};
