/** The agents' written-contact queue, the citizen's history across channels, and an order's notices. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  attachBody,
  detailOut,
  historyOut,
  idParams,
  listOut,
  listQuery,
  messageOut,
  noticeSettingsBody,
  noticeSettingsOut,
  orderRef,
  replyBody,
  ticketChannelsOut,
  toTicketBody,
  contactOut,
  attachmentParams,
} from './contacts.schemas.ts';

export const contactsRoutes: FastifyPluginAsyncZod = async (r) => {
  const contacts = r.services.contacts;
  const tags = ['contacts'];

  r.get(
    '/api/v1/contacts',
    {
      schema: {
        tags,
        summary: '书面诉求队列 Written contacts of every channel, nearest response deadline first',
        querystring: listQuery,
        response: { 200: listOut },
      },
    },
    async (request) => contacts.list(request.actor, request.query),
  );

  r.get(
    '/api/v1/contacts/:id',
    {
      schema: { tags, summary: '书面诉求详情 A contact with the messages sent about it', params: idParams, response: { 200: detailOut } },
    },
    async (request) => contacts.get(request.actor, request.params.id),
  );

  r.post(
    '/api/v1/contacts/:id/claim',
    {
      schema: { tags, summary: '领取 Claim a contact', params: idParams, response: { 200: contactOut } },
    },
    async (request) => contacts.claim(request.actor, request.params.id),
  );

  r.post(
    '/api/v1/contacts/:id/release',
    {
      schema: { tags, summary: '释放 Put a claimed contact back in the queue', params: idParams, response: { 200: contactOut } },
    },
    async (request) => contacts.release(request.actor, request.params.id),
  );

  r.post(
    '/api/v1/contacts/:id/confirm-citizen',
    {
      schema: {
        tags,
        summary: "确认为该市民 Confirm that the sender is the citizen whose number the message gives; links the sender's address (audited)",
        params: idParams,
        response: { 200: contactOut },
      },
    },
    async (request) => contacts.confirmCitizen(request.actor, request.params.id),
  );

  r.post(
    '/api/v1/contacts/:id/reply',
    {
      schema: {
        tags,
        summary: '答复 Reply in the channel the contact came from (Idempotency-Key honoured)',
        params: idParams,
        body: replyBody,
        response: { 200: messageOut },
      },
    },
    async (request) => {
      const key = request.headers['idempotency-key'];
      return contacts.reply(request.actor, request.params.id, {
        body: request.body.body,
        idempotencyKey: typeof key === 'string' ? key.slice(0, 100) : undefined,
      });
    },
  );

  r.post(
    '/api/v1/contacts/:id/ticket',
    {
      schema: {
        tags,
        summary: '转工单 Turn a contact into an order; the citizen is told its number',
        params: idParams,
        body: toTicketBody,
        response: { 200: orderRef },
      },
    },
    async (request) => contacts.toTicket(request.actor, request.params.id, request.body),
  );

  r.post(
    '/api/v1/contacts/:id/attach',
    {
      schema: {
        tags,
        summary: '并入工单 Attach a contact to an existing order',
        params: idParams,
        body: attachBody,
        response: { 200: orderRef },
      },
    },
    async (request) => contacts.attach(request.actor, request.params.id, request.body),
  );

  r.get(
    '/api/v1/contacts/:id/attachments/:attachmentId',
    {
      schema: { tags, summary: '来信附件 A file that came with a contact (an e-mail attachment)', params: attachmentParams },
    },
    async (request, reply) => {
      const file = await contacts.attachment(request.actor, request.params.id, request.params.attachmentId);
      return reply
        .type(file.mimeType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );

  r.get(
    '/api/v1/citizens/:id/contacts',
    {
      schema: {
        tags,
        summary: "诉求人全渠道记录 The citizen's contacts, orders and calls from every channel",
        params: idParams,
        response: { 200: historyOut },
      },
    },
    async (request) => contacts.citizenHistory(request.actor, request.params.id),
  );

  r.put(
    '/api/v1/citizens/:id/notice-settings',
    {
      schema: {
        tags,
        summary: "通知偏好 The citizen's notice channel and opt-out",
        params: idParams,
        body: noticeSettingsBody,
        response: { 200: noticeSettingsOut },
      },
    },
    async (request) => contacts.setNoticeSettings(request.actor, request.params.id, request.body),
  );

  r.get(
    '/api/v1/tickets/:id/channel-messages',
    {
      schema: {
        tags,
        summary: "工单通知 The order's written contacts and the notices sent about it, with delivery status",
        params: idParams,
        response: { 200: ticketChannelsOut },
      },
    },
    async (request) => contacts.forTicket(request.actor, request.params.id),
  );
};
