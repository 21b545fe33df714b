/** The written channels' adapters: one sender per configured channel, handed to the contacts service. */
import type { Config } from '../../config.ts';
import type { ChannelSenders } from '../contacts/contacts.service.ts';
import { createKannelSender } from './sms/sms.kannel.ts';
import { createWechatSender } from './wechat/wechat.sender.ts';
import { createSmtpSender, domainOf } from './mail/mail.smtp.ts';
import { createMailboxReader, MAIL_CHANNEL, parseImapUrl } from './mail/mail.imap.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/actor.ts';
import type { AttachmentsService } from '../attachments/attachments.service.ts';
import type { ContactsService } from '../contacts/contacts.service.ts';
import { createEventsRepository } from '../events/events.repository.ts';
import { boardReplySender, createBoardsService } from './boards/boards.service.ts';

export function createChannelSenders(config: Config): ChannelSenders {
  const senders: ChannelSenders = {};
  if (config.KANNEL_SENDSMS_URL) {
    const base = config.PUBLIC_BASE_URL.replace(/\/$/, '');
    senders.sms = createKannelSender({
      sendsmsUrl: config.KANNEL_SENDSMS_URL,
      username: config.KANNEL_USERNAME,
      password: config.KANNEL_PASSWORD,
      from: config.SMS_SERVICE_NUMBER,
      dlrUrl: config.SMS_INBOUND_SECRET
        ? `${base}/api/v1/channels/sms/kannel/dlr?secret=${encodeURIComponent(config.SMS_INBOUND_SECRET)}`
        : null,
    });
  }
  if (config.WECHAT_APP_ID && config.WECHAT_APP_SECRET) {
    senders.wechat = createWechatSender({
      apiBaseUrl: config.WECHAT_API_BASE_URL,
      appId: config.WECHAT_APP_ID,
      appSecret: config.WECHAT_APP_SECRET,
      templateId: config.WECHAT_TEMPLATE_ID,
    });
  }
  if (config.MAIL_SMTP_URL) senders[MAIL_CHANNEL] = createSmtpSender({ url: config.MAIL_SMTP_URL, from: config.MAIL_FROM });
  senders.people_cn = boardReplySender;
  senders.weibo = boardReplySender;
  return senders;
}

/** The mayor's mailbox reader when MAIL_IMAP_URL is set (run by the fetch-mailbox job), else null. */
export function createMailbox(config: Config, deps: { db: Db; clock: Clock; contacts: ContactsService; attachments: AttachmentsService }) {
  if (!config.MAIL_IMAP_URL) return null;
  const cursors = createEventsRepository(deps.db);
  return createMailboxReader({
    imap: parseImapUrl(config.MAIL_IMAP_URL),
    limits: { maxBytes: config.MAIL_MAX_BYTES, maxAttachments: config.MAIL_MAX_ATTACHMENTS },
    domain: domainOf(config.MAIL_FROM),
    contacts: deps.contacts,
    attachments: deps.attachments,
    // the mailbox's UIDVALIDITY and last UID taken, kept beside the outbox relays' cursors
    cursors: {
      get: (name) => cursors.cursor(name),
      save: async (name, uid) => {
        await cursors.saveCursor(name, uid, deps.clock.now());
      },
    },
    log: (level, message, details) => console[level === 'warn' ? 'warn' : 'log'](JSON.stringify({ level, msg: message, ...details })),
  });
}

/** 人民网 and Weibo: list imports, pulls from the configured URLs (the pull-message-boards job) and the reply export. */
export function createBoards(config: Config, deps: { db: Db; clock: Clock; contacts: ContactsService }) {
  return createBoardsService({
    ...deps,
    pullUrls: {
      ...(config.PEOPLE_CN_PULL_URL ? { people_cn: config.PEOPLE_CN_PULL_URL } : {}),
      ...(config.WEIBO_PULL_URL ? { weibo: config.WEIBO_PULL_URL } : {}),
    },
    log: (level, message, details) => console[level === 'warn' ? 'warn' : 'log'](JSON.stringify({ level, msg: message, ...details })),
  });
}
