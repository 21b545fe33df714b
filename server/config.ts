/** Every setting, typed, from the environment (documented in README.md). */
import path from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Embedded database and uploaded files live here. */
  DATA_DIR: z.string().default('./data'),
  /** When set, run on this PostgreSQL server instead of embedded PGlite. */
  DATABASE_URL: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).default(10),
  /**
   * When DATABASE_URL goes through a transaction pooler (pgbouncer pool_mode=transaction): a URL with a session of
   * its own (pgbouncer in session mode, or the server), for LISTEN and the migration lock. The pool then sends no
   * named prepared statements.
   */
  DATABASE_SESSION_URL: z.string().optional(),
  /** Seed the demo city when the database is empty. */
  SEED_DEMO: bool.default(true),
  /** Orders in the demo city. */
  DEMO_TICKETS: z.coerce.number().int().min(0).default(50_000),
  DEMO_SEED: z.coerce.number().int().default(12345),
  JOBS_ENABLED: bool.default(true),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Public endpoints: requests per minute per client address. */
  PUBLIC_RATE_LIMIT: z.coerce.number().int().positive().default(30),
  /** Open311: requests per minute per API key (machine clients that poll and read every service definition). */
  OPEN311_KEY_RATE_LIMIT: z.coerce.number().int().positive().default(1200),
  /**
   * Which proxies' X-Forwarded-For / X-Forwarded-Proto to believe: true, false, or a comma-separated list of
   * addresses, CIDR ranges or `loopback`. The default trusts a proxy on the same machine only, so HTTPS ended
   * there still gives a `Secure` session cookie, and no remote client can pose as one.
   */
  TRUST_PROXY: z
    .string()
    .default('loopback')
    .transform((v): boolean | string[] => {
      if (['true', '1'].includes(v)) return true;
      if (['false', '0', ''].includes(v)) return false;
      return v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    }),
  /** What the terminal shows; requests are logged at debug, so the default keeps them out of it. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** A file that receives the log from LOG_FILE_LEVEL up, whatever the terminal shows (appended to). */
  LOG_FILE: z.string().optional(),
  LOG_FILE_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('debug'),
  /** Open311 jurisdiction_id this server answers for. */
  JURISDICTION_ID: z.string().default('lianxin.demo'),
  /** When set (nats://host:4222), domain events are relayed from the outbox to NATS JetStream. */
  NATS_URL: z.string().optional(),
  /** The JetStream stream the relay publishes to (subjects lianxin.<topic>), created when missing. */
  NATS_STREAM: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('LIANXIN'),
  /** A TTF/OTF/TTC file (`path#PostScriptName` for a collection) for PDF reports instead of the shipped Source Han Sans SC. */
  LIANXIN_CJK_FONT: z.string().optional(),
  /** The CLI prints stack traces of errors. */
  LIANXIN_DEBUG: bool.default(false),
  /** Telephony (issue 11) is on when this is set: the secret shared with Kamailio (its HTTP calls and auth_ephemeral). */
  TELEPHONY_SECRET: z.string().min(16).optional(),
  TELEPHONY_SIP_DOMAIN: z.string().default('lianxin.local'),
  /** Where browser phones reach Kamailio's WebSocket listener. */
  TELEPHONY_WS_URL: z.string().default('ws://127.0.0.1:5066'),
  /** Dialled number → queue. */
  TELEPHONY_QUEUE_NUMBERS: z.string().default('12345=general,123451=ko,123452=ja,123453=en,123454=th,123455=enterprise'),
  /** Outside numbers agents may call or transfer to (三台合一), number=label. */
  TELEPHONY_OUTSIDE_NUMBERS: z.string().default('110=公安 Police,119=消防 Fire,120=急救 Ambulance,122=交警 Traffic police'),
  /** SIP URI for outside numbers and callbacks; {number} is replaced. */
  TELEPHONY_OUTSIDE_GATEWAY: z.string().default('sip:{number}@127.0.0.1:5080'),
  /** 话后处理 seconds after each call before the agent is offered the next one. */
  TELEPHONY_WRAP_UP_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /** A call waiting this long in a skill queue may also go to general agents. */
  TELEPHONY_OVERFLOW_SECONDS: z.coerce.number().int().min(0).default(60),
  /** A call waiting this long is ended (and becomes a callback task). */
  TELEPHONY_QUEUE_TIMEOUT_SECONDS: z.coerce.number().int().min(10).default(300),
  /** Browser phone credentials last this long. */
  TELEPHONY_CREDENTIAL_HOURS: z.coerce.number().positive().max(72).default(12),
  /** `npm run telephony`: Kamailio's SIP port (UDP and TCP). */
  TELEPHONY_SIP_PORT: z.coerce.number().int().min(1).max(65535).default(5060),
  /** Where Kamailio sends a call when Lianxin does not answer its routing request within a second. */
  TELEPHONY_FALLBACK_URI: z.string().default('sip:fallback@127.0.0.1:5090'),
  /**
   * Kamailio's JSON-RPC over HTTP (jsonrpcs on its WebSocket/HTTP port, e.g. http://127.0.0.1:5066/RPC, loopback only):
   * on start and every minute Lianxin lists the live dialogs there and ends the calls it still thinks are in progress
   * but Kamailio no longer carries (their BYE came while Lianxin was down). Unset: no reconciliation.
   */
  TELEPHONY_KAMAILIO_RPC_URL: z.string().url().optional(),
  /** Call recordings are kept this many days (then no longer played and removed by the sweep). */
  TELEPHONY_RECORDING_RETENTION_DAYS: z.coerce.number().int().min(1).default(180),
  /** rtpengine's ng control address (host:port): early media and prompts for waiting callers, the rating prompt, recordings. Unset: no prompts. */
  TELEPHONY_RTPENGINE_NG: z
    .string()
    .regex(/^[\w.-]+:\d+$/)
    .optional(),
  /** Where Lianxin listens (UDP host:port) for the DTMF events rtpengine reports (its --dtmf-log-dest): 一次一评 ratings. */
  TELEPHONY_DTMF_LISTEN: z
    .string()
    .regex(/^[\w.-]+:\d+$/)
    .optional(),
  /** 一次一评: how long the caller may take to rate after the agent hung up (seconds, prompt included). */
  TELEPHONY_RATING_SECONDS: z.coerce.number().int().min(5).max(18).default(15),
  /** Written channels. Response standard per channel (GB/T 33358-2016: SMS 3 minutes, mailbox 24 hours), as channel=amount{m|h}. */
  CHANNEL_RESPONSE_STANDARDS: z.string().default('sms=3m,mailbox=24h,wechat=3m,weibo=24h,people_cn=24h'),
  /** Channels whose contacts become orders at once instead of waiting in the agents' queue (comma list, e.g. `sms`). */
  CHANNEL_AUTO_ORDER: z.string().default(''),
  /** Base URL of this server as citizens and gateways reach it: tracking links in notices, Kannel delivery-report URLs. */
  PUBLIC_BASE_URL: z.string().url().default('http://127.0.0.1:3000'),
  /** Notices (not replies) wait for the end of these hours, Asia/Shanghai, `HH:MM-HH:MM`; empty: none. */
  NOTICE_QUIET_HOURS: z
    .string()
    .regex(/^(\d{2}:\d{2}-\d{2}:\d{2})?$/)
    .default('22:00-08:00'),
  /** Kannel smsbox sendsms URL (http://host:13013/cgi-bin/sendsms); unset: SMS are not sent. */
  KANNEL_SENDSMS_URL: z.string().url().optional(),
  KANNEL_USERNAME: z.string().default('lianxin'),
  KANNEL_PASSWORD: z.string().default(''),
  /** The hotline's SMS number, the sender of outgoing SMS. */
  SMS_SERVICE_NUMBER: z.string().default('12345'),
  /** Shared secret Kannel's sms-service and dlr-url add as `secret=`; unset: inbound SMS are refused. */
  SMS_INBOUND_SECRET: z.string().optional(),
  /** WeChat official account: the server token (URL verification and signatures); unset: the endpoint refuses everything. */
  WECHAT_TOKEN: z.string().optional(),
  WECHAT_APP_ID: z.string().default(''),
  WECHAT_APP_SECRET: z.string().default(''),
  /** The 43-character EncodingAESKey; set for safe mode (encrypted messages). */
  WECHAT_AES_KEY: z.string().optional(),
  /** Where replies and template messages go (WeChat's API, or a stand-in where it cannot be reached). */
  WECHAT_API_BASE_URL: z.string().url().default('https://api.weixin.qq.com'),
  /** Template for order notices; unset: notices go as customer-service text messages. */
  WECHAT_TEMPLATE_ID: z.string().optional(),
  /** 市长信箱: the mailbox Lianxin reads, `imap://user:password@host:143/INBOX` (STARTTLS when offered) or `imaps://…:993/INBOX`; unset: not read. */
  MAIL_IMAP_URL: z.string().url().optional(),
  /** Where answers are sent, `smtp://user:password@host:587` or `smtps://…:465`; unset: mailbox answers are not sent. */
  MAIL_SMTP_URL: z.string().url().optional(),
  /** The From of answers; its domain names our Message-IDs, by which a citizen's answer finds its thread. */
  MAIL_FROM: z.string().default('12345市长信箱 <mayor@localhost>'),
  /** A letter larger than this (bytes) is refused unread, and one with more attachments than MAIL_MAX_ATTACHMENTS. */
  MAIL_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(25 * 1024 * 1024),
  MAIL_MAX_ATTACHMENTS: z.coerce.number().int().min(0).default(20),
  /** 人民网领导留言板: where its exported list (CSV, .xlsx or JSON) is pulled from every 5 minutes; unset: imported by hand only. */
  PEOPLE_CN_PULL_URL: z.string().url().optional(),
  /** 微博: likewise for the Weibo account's list of messages. */
  WEIBO_PULL_URL: z.string().url().optional(),
});

export type Config = z.infer<typeof envSchema> & { filesDir: string; recordingsDir: string; mode: 'embedded' | 'server' };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.parse(env);
  return {
    ...parsed,
    DATA_DIR: path.resolve(parsed.DATA_DIR),
    filesDir: path.resolve(parsed.DATA_DIR, 'files'),
    recordingsDir: path.resolve(parsed.DATA_DIR, 'recordings'),
    mode: parsed.DATABASE_URL ? 'server' : 'embedded',
  };
}
