/**
 * The server endpoint WeChat calls for the official account: URL verification (GET) and users' messages (POST), plain
 * or safe mode. A message is committed as a contact before the passive reply acknowledges it; WeChat's retries of one
 * MsgId are the same contact. A forged signature is refused and logged.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../lib/errors.ts';
import { findMobileIn } from '../../contacts/contacts.rules.ts';
import { aesKeyOf, decryptMessage, encryptMessage, isSignatureValid, wechatSignature } from './wechat.crypto.ts';
import { contactFromMessage, encryptedEnvelopeXml, parseWechatXml, textReplyXml } from './wechat.xml.ts';

const signed = z.object({ signature: z.string().max(64).optional(), timestamp: z.string().max(20), nonce: z.string().max(64) });
const verifyQuery = signed.extend({ echostr: z.string().max(200) });
const messageQuery = signed.extend({
  openid: z.string().max(64).optional(),
  encrypt_type: z.enum(['raw', 'aes']).optional(),
  msg_signature: z.string().max(64).optional(),
});
/** WeChat waits five seconds for an answer; past this we answer "success" and finish the work anyway (it retries). */
const PASSIVE_REPLY_BUDGET_MS = 4_500;
/** Bodies are small XML documents. */
const MAX_BODY_BYTES = 64 * 1024;

const forged = () => new AppError('UNAUTHENTICATED', { message: '微信签名校验失败', messageEn: 'The WeChat signature does not match' });

export const wechatRoutes: FastifyPluginAsyncZod = async (r) => {
  const { contacts, config, clock } = r.services;
  const tags = ['channels'];
  const aesKey = config.WECHAT_AES_KEY ? aesKeyOf(config.WECHAT_AES_KEY) : null;

  r.addContentTypeParser(['text/xml', 'application/xml'], { parseAs: 'string', bodyLimit: MAX_BODY_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  function checkSignature(q: z.infer<typeof signed>, log: { warn: (o: object, m: string) => void }) {
    if (!config.WECHAT_TOKEN)
      throw new AppError('FORBIDDEN', { message: '未配置微信公众号', messageEn: 'The WeChat official account is not configured' });
    if (!isSignatureValid(wechatSignature(config.WECHAT_TOKEN, q.timestamp, q.nonce), q.signature)) {
      log.warn({ timestamp: q.timestamp, nonce: q.nonce }, 'WeChat request refused: forged signature');
      throw forged();
    }
  }

  r.get(
    '/api/v1/channels/wechat',
    {
      config: { isPublic: true },
      schema: { tags, summary: '微信服务器验证 URL verification: echoes echostr when the signature is right', querystring: verifyQuery },
    },
    async (request, reply) => {
      checkSignature(request.query, request.log);
      return reply.type('text/plain').send(request.query.echostr);
    },
  );

  r.post(
    '/api/v1/channels/wechat',
    {
      config: { isPublic: true },
      schema: {
        tags,
        summary: "微信消息 A user's message (text, image, voice, location), plain or safe mode; answered with a passive reply",
        querystring: messageQuery,
        body: z.string().max(MAX_BODY_BYTES),
      },
    },
    async (request, reply) => {
      const q = request.query;
      checkSignature(q, request.log);
      let xml: Record<string, string>;
      try {
        xml = parseWechatXml(request.body);
        if (q.encrypt_type === 'aes') {
          if (!aesKey) throw new Error('safe mode message but WECHAT_AES_KEY is not set');
          if (!isSignatureValid(wechatSignature(config.WECHAT_TOKEN!, q.timestamp, q.nonce, xml.Encrypt ?? ''), q.msg_signature)) {
            request.log.warn({ timestamp: q.timestamp }, 'WeChat message refused: forged msg_signature');
            throw forged();
          }
          xml = parseWechatXml(decryptMessage(aesKey, config.WECHAT_APP_ID, xml.Encrypt ?? ''));
        }
      } catch (error) {
        if (error instanceof AppError) throw error;
        request.log.warn({ error: (error as Error).message }, 'WeChat message refused: cannot be read');
        throw new AppError('VALIDATION_FAILED', {
          message: '微信消息无法解析',
          messageEn: `The WeChat message cannot be read: ${(error as Error).message}`,
        });
      }
      const message = contactFromMessage(xml);
      if (!message || !xml.FromUserName || !xml.MsgId) return reply.type('text/plain').send('success');

      const createdAt = Number(xml.CreateTime) * 1000;
      const now = clock.now();
      const work = contacts.receive({
        channel: 'wechat',
        sourceId: xml.MsgId,
        address: xml.FromUserName,
        writtenPhone: findMobileIn(message.content),
        content: message.content,
        meta: { ...message.meta, toUser: xml.ToUserName ?? null },
        receivedAt: createdAt > 0 && createdAt <= now.getTime() && now.getTime() - createdAt < 86_400_000 ? new Date(createdAt) : now,
        acknowledgesInline: true,
      });
      const result = await Promise.race([
        work,
        new Promise<null>((resolve) => setTimeout(() => resolve(null), PASSIVE_REPLY_BUDGET_MS).unref()),
      ]);
      if (!result) {
        work.catch((error) => request.log.error({ err: error, msgId: xml.MsgId }, 'WeChat message failed after the passive reply window'));
        request.log.warn({ msgId: xml.MsgId }, 'WeChat passive reply window passed; answered "success", WeChat will retry');
        return reply.type('text/plain').send('success');
      }
      if (result.isDuplicate) request.log.info({ msgId: xml.MsgId, contactId: result.contactId }, 'duplicate WeChat delivery');
      if (!result.acknowledgement) return reply.type('text/plain').send('success');
      const answer = textReplyXml({
        toUser: xml.FromUserName,
        fromUser: xml.ToUserName ?? '',
        content: result.acknowledgement,
        createTime: Math.floor(now.getTime() / 1000),
      });
      if (q.encrypt_type !== 'aes') return reply.type('application/xml').send(answer);
      const encrypt = encryptMessage(aesKey!, config.WECHAT_APP_ID, answer);
      const timestamp = String(Math.floor(now.getTime() / 1000));
      return reply.type('application/xml').send(
        encryptedEnvelopeXml({
          encrypt,
          signature: wechatSignature(config.WECHAT_TOKEN!, timestamp, q.nonce, encrypt),
          timestamp,
          nonce: q.nonce,
        }),
      );
    },
  );
};
