/**
 * /api/v1/telephony: the agent desk (session) and Kamailio (shared secret, /sip/*). See docs/telephony.md.
 */
import fs from 'node:fs';
import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/errors.ts';
import {
  agentListOut,
  agentOut,
  callIdParams,
  callPop,
  callbackOut,
  callbackParams,
  callbackResultBody,
  callbacksOut,
  callbacksQuery,
  dialOut,
  linkTicketBody,
  linkTicketOut,
  orderCallsOut,
  callsQuery,
  phoneOut,
  sipDecisionOut,
  sipEventBody,
  sipOutboundBody,
  sipOutboundOut,
  sipRatingBody,
  sipRouteBody,
  sipWaitBody,
  skillsBody,
  skillsOut,
  staffingBody,
  staffingOut,
  stateBody,
  userIdParams,
  wallboardOut,
  sipTickBody,
  sipTickOut,
} from './telephony.schemas.ts';

const P = '/api/v1/telephony';

/** Kamailio's requests carry the shared secret (basic auth user "kamailio", or X-Telephony-Secret); sessions count for nothing here. */
export function isKamailio(request: FastifyRequest, secret: string | undefined): boolean {
  if (!secret) return false;
  const header = request.headers.authorization ?? '';
  let given = (request.headers['x-telephony-secret'] as string | undefined) ?? '';
  if (!given && header.startsWith('Basic ')) {
    const [user, ...rest] = Buffer.from(header.slice(6), 'base64').toString().split(':');
    if (user === 'kamailio') given = decodeURIComponent(rest.join(':'));
  }
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export const telephonyRoutes: FastifyPluginAsyncZod = async (r) => {
  const tel = r.services.telephony;
  const tags = ['telephony'];
  // rtpengine's DTMF reports (一次一评) arrive on a UDP socket of their own while the app runs.
  r.addHook('onReady', async () => tel.startMedia((msg) => r.log.warn(msg)));
  r.addHook('onClose', async () => tel.stopMedia());

  r.get(
    `${P}/phone`,
    { schema: { tags, summary: '浏览器话机凭据 Browser phone settings and time-limited SIP credentials', response: { 200: phoneOut } } },
    async (req) => tel.phone(req.actor),
  );
  r.get(
    `${P}/agents/me`,
    { schema: { tags, summary: '我的坐席状态 My agent state and current call', response: { 200: agentOut } } },
    async (req) => tel.me(req.actor),
  );
  r.post(
    `${P}/agents/me/state`,
    {
      schema: {
        tags,
        summary: '示闲/小休/签出 Set my state: ready, break (with reason), signed out',
        body: stateBody,
        response: { 200: agentOut },
      },
    },
    async (req) => tel.setState(req.actor, req.body),
  );
  r.get(
    `${P}/agents`,
    { schema: { tags, summary: '坐席一览 Every agent and their state', response: { 200: agentListOut } } },
    async (req) => tel.agents(req.actor),
  );
  r.put(
    `${P}/agents/:userId/skills`,
    {
      schema: {
        tags,
        summary: "坐席技能 Set an agent's skills and levels",
        params: userIdParams,
        body: skillsBody,
        response: { 200: skillsOut },
      },
    },
    async (req) => tel.setSkills(req.actor, { userId: req.params.userId, skills: req.body.skills }),
  );
  r.get(
    `${P}/calls/:callId/pop`,
    { schema: { tags, summary: '来电弹屏 Screen pop of a call', params: callIdParams, response: { 200: callPop } } },
    async (req) => tel.pop(req.actor, req.params.callId),
  );
  r.post(
    `${P}/calls/:callId/ticket`,
    {
      schema: {
        tags,
        summary: '关联工单 Link the order created during the call',
        params: callIdParams,
        body: linkTicketBody,
        response: { 200: linkTicketOut },
      },
    },
    async (req) => tel.linkTicket(req.actor, { callId: req.params.callId, ticketId: req.body.ticketId }),
  );
  r.get(
    `${P}/calls`,
    {
      schema: {
        tags,
        summary: '工单的通话 Calls linked to an order (recordings, ratings)',
        querystring: callsQuery,
        response: { 200: orderCallsOut },
      },
    },
    async (req) => tel.callsOfTicket(req.actor, req.query.ticketId),
  );
  r.get(
    `${P}/calls/:callId/recording`,
    { schema: { tags, summary: '录音回放 Play the call recording (audited)', params: callIdParams } },
    async (req, reply) => {
      const rec = await tel.recording(req.actor, req.params.callId);
      // Byte ranges: the <audio> element seeks with them.
      const size = fs.statSync(rec.file).size;
      reply.type(rec.contentType).header('accept-ranges', 'bytes');
      const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
      if (range && (range[1] || range[2])) {
        const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
        const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
        if (start > end || start >= size) return reply.status(416).header('content-range', `bytes */${size}`).send();
        return reply
          .status(206)
          .header('content-range', `bytes ${start}-${end}/${size}`)
          .header('content-length', String(end - start + 1))
          .send(fs.createReadStream(rec.file, { start, end }));
      }
      return reply.header('content-length', String(size)).send(fs.createReadStream(rec.file));
    },
  );
  r.get(
    `${P}/wallboard`,
    { schema: { tags, summary: "大屏 Wallboard: waiting calls, agents by state, today's figures", response: { 200: wallboardOut } } },
    async (req) => tel.wallboard(req.actor),
  );
  r.get(
    `${P}/staffing`,
    { schema: { tags, summary: "排班计划 Planned agents per half hour (the wallboard's staffing line)", response: { 200: staffingOut } } },
    async (req) => tel.staffingPlan(req.actor),
  );
  r.put(
    `${P}/staffing`,
    {
      schema: {
        tags,
        summary: '设置排班计划 Set planned agents of half hours (null clears)',
        body: staffingBody,
        response: { 200: staffingOut },
      },
    },
    async (req) => tel.setStaffingPlan(req.actor, req.body),
  );
  r.get(
    `${P}/callbacks`,
    { schema: { tags, summary: '漏接回拨 Missed-call callback worklist', querystring: callbacksQuery, response: { 200: callbacksOut } } },
    async (req) => tel.callbacks(req.actor, req.query),
  );
  r.post(
    `${P}/callbacks/:id/claim`,
    { schema: { tags, summary: '领取回拨任务 Claim a callback task', params: callbackParams, response: { 200: callbackOut } } },
    async (req) => tel.claimCallback(req.actor, req.params.id),
  );
  r.post(
    `${P}/callbacks/:id/dial`,
    {
      schema: { tags, summary: '回拨号码 The number to dial (claimer only, audited)', params: callbackParams, response: { 200: dialOut } },
    },
    async (req) => tel.dialCallback(req.actor, req.params.id),
  );
  r.post(
    `${P}/callbacks/:id/result`,
    {
      schema: {
        tags,
        summary: "回拨结果 Record the callback's outcome",
        params: callbackParams,
        body: callbackResultBody,
        response: { 200: callbackOut },
      },
    },
    async (req) => tel.finishCallback(req.actor, { id: req.params.id, ...req.body }),
  );

  // On start: calls that ended while this process was down are closed from Kamailio's list of live dialogs.
  r.addHook('onReady', async () => {
    void tel.reconcileWithProxy().catch((err: unknown) => r.log.warn({ err }, 'telephony: reconciling with Kamailio failed'));
  });

  // Kamailio only: no session, the shared secret.
  const sip = { isPublic: true };
  const guard = async (req: FastifyRequest) => {
    if (!isKamailio(req, r.services.config.TELEPHONY_SECRET)) {
      throw new AppError('UNAUTHENTICATED', {
        message: '仅供交换机调用',
        messageEn: 'Only the SIP proxy may call this',
        details: { reason: 'telephony_secret' },
      });
    }
  };
  const hide = true;
  r.post(
    `${P}/sip/route`,
    { config: sip, preHandler: guard, schema: { hide, tags, body: sipRouteBody, response: { 200: sipDecisionOut } } },
    async (req) => tel.sip.route(req.body),
  );
  r.post(
    `${P}/sip/wait`,
    { config: sip, preHandler: guard, schema: { hide, tags, body: sipWaitBody, response: { 200: sipDecisionOut } } },
    async (req) => tel.sip.wait(req.body),
  );
  r.post(
    `${P}/sip/tick`,
    { config: sip, preHandler: guard, schema: { hide, tags, body: sipTickBody, response: { 200: sipTickOut } } },
    async (req) => tel.sip.tick(req.body),
  );
  r.post(
    `${P}/sip/event`,
    {
      config: sip,
      preHandler: guard,
      schema: {
        hide,
        tags,
        body: sipEventBody,
        response: { 200: z.object({ ok: z.boolean(), known: z.boolean(), rate: z.number().optional() }) },
      },
    },
    async (req) => tel.sip.event(req.body),
  );
  r.post(
    `${P}/sip/rating-wait`,
    { config: sip, preHandler: guard, schema: { hide, tags, body: sipWaitBody, response: { 200: z.object({ done: z.number() }) } } },
    // a number: Kamailio's jansson_get compares it as an integer
    async (req) => ({ done: (await tel.sip.ratingWait(req.body)).done ? 1 : 0 }),
  );
  r.post(
    `${P}/sip/outbound`,
    { config: sip, preHandler: guard, schema: { hide, tags, body: sipOutboundBody, response: { 200: sipOutboundOut } } },
    async (req) => tel.sip.outbound(req.body),
  );
  r.post(
    `${P}/calls/:callId/rating`,
    {
      config: sip,
      preHandler: guard,
      schema: { hide, tags, params: callIdParams, body: sipRatingBody, response: { 200: z.object({ ok: z.boolean() }).passthrough() } },
    },
    async (req) => tel.sip.rate({ callId: req.params.callId, digit: req.body.digit }),
  );
  r.get(`${P}/sip/metrics`, { config: sip, preHandler: guard, schema: { hide, tags } }, async () => {
    const l = [...tel.sip.latencies()].sort((a, b) => a - b);
    const q = (p: number) => (l.length ? l[Math.min(l.length - 1, Math.floor(p * l.length))]! : null);
    return { routed: l.length, p50: q(0.5), p99: q(0.99), max: l.length ? l[l.length - 1] : null };
  });
};
