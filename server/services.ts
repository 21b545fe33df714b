/** Wires repositories, clocks and services together; the only place that knows all of them. */
import path from 'node:path';
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import type { Clock } from './lib/actor.ts';
import { createAuthRepository } from './modules/auth/auth.repository.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { createAuditService } from './modules/audit/audit.service.ts';
import { createLiveBus } from './lib/live.ts';
import { createSlaService } from './modules/sla/sla.service.ts';
import { createOrgsService } from './modules/orgs/orgs.service.ts';
import { createTicketsService } from './modules/tickets/tickets.service.ts';
import { createReplyTemplatesService } from './modules/tickets/reply-templates.service.ts';
import { createAttachmentsService } from './modules/attachments/attachments.service.ts';
import { createCitizensService } from './modules/citizens/citizens.service.ts';
import { createKnowledgeService } from './modules/knowledge/knowledge.service.ts';
import { createAnalytics } from './modules/analytics/analytics.module.ts';
import { createIntake } from './modules/intake/intake.module.ts';
import { createInsightService } from './modules/insight/insight.service.ts';
import { createCallsService } from './modules/calls/calls.service.ts';
import { createQuality } from './modules/quality/quality.module.ts';
import { createEventsService } from './modules/events/events.service.ts';
import { createTelephonyService } from './modules/telephony/telephony.service.ts';
import { parseOutsideNumbers, parseQueueNumbers } from './modules/telephony/acd.ts';
import { createCallMedia } from './modules/telephony/sip/media.ts';
import { createContactsService } from './modules/contacts/contacts.service.ts';
import { parseResponseStandards } from './modules/contacts/contacts.rules.ts';
import { createBoards, createChannelSenders, createMailbox } from './modules/channels/channels.module.ts';

export function buildServices(deps: { db: Db; clock: Clock; config: Config }) {
  const { db, clock, config } = deps;
  const auth = createAuthService({ repo: createAuthRepository(db), clock, sessionTtlHours: config.SESSION_TTL_HOURS });
  const audit = createAuditService({ db });
  const live = createLiveBus();
  const sla = createSlaService({ db, clock, audit });
  const orgs = createOrgsService({ db, audit, auth, clock });
  const citizens = createCitizensService({ db, audit });
  const knowledge = createKnowledgeService({ db, audit, clock, orgs });
  // Intakes that arrive together share one transaction (see group-commit.ts). PGlite has one connection, which a
  // running batch holds; a short wait lets the requests it held up join the next batch.
  const intakeBatching = config.mode === 'embedded' ? { lingerMs: 2 } : {};
  const tickets = createTicketsService({ db, clock, live, audit, sla, orgs, citizens, intakeBatching });
  const replyTemplates = createReplyTemplatesService({ db, audit, clock });
  const attachments = createAttachmentsService({ db, filesDir: config.filesDir, canViewTicket: tickets.assertCanView });
  // Embedded PGlite runs each query on the event loop: small rollup batches keep the app answering meanwhile.
  const analytics = createAnalytics({
    db,
    clock,
    filesDir: config.filesDir,
    cjkFont: config.LIANXIN_CJK_FONT,
    rollupBatchSize: config.mode === 'embedded' ? 5_000 : undefined,
  });
  const intake = createIntake({ db, clock, config, auth, tickets, attachments });
  const insight = createInsightService({ db, clock, live, sla, tickets, audit });
  const calls = createCallsService({ db, clock });
  const quality = createQuality({ db, clock, recordingRetentionDays: config.TELEPHONY_RECORDING_RETENTION_DAYS });
  const events = createEventsService({ db, orgs });
  const telephony = createTelephonyService({
    db,
    clock,
    live,
    audit,
    settings: {
      isEnabled: Boolean(config.TELEPHONY_SECRET),
      secret: config.TELEPHONY_SECRET ?? null,
      wsUrl: config.TELEPHONY_WS_URL,
      sipDomain: config.TELEPHONY_SIP_DOMAIN,
      queueNumbers: parseQueueNumbers(config.TELEPHONY_QUEUE_NUMBERS),
      outsideNumbers: parseOutsideNumbers(config.TELEPHONY_OUTSIDE_NUMBERS),
      outsideGateway: config.TELEPHONY_OUTSIDE_GATEWAY,
      wrapUpSeconds: config.TELEPHONY_WRAP_UP_SECONDS,
      overflowSeconds: config.TELEPHONY_OVERFLOW_SECONDS,
      queueTimeoutSeconds: config.TELEPHONY_QUEUE_TIMEOUT_SECONDS,
      credentialHours: config.TELEPHONY_CREDENTIAL_HOURS,
      recordingsDir: config.recordingsDir,
      recordingRetentionDays: config.TELEPHONY_RECORDING_RETENTION_DAYS,
      kamailioRpcUrl: config.TELEPHONY_KAMAILIO_RPC_URL ?? null,
      ratingSeconds: config.TELEPHONY_RATING_SECONDS,
      media:
        config.TELEPHONY_SECRET && config.TELEPHONY_RTPENGINE_NG
          ? createCallMedia({
              ngAddress: config.TELEPHONY_RTPENGINE_NG,
              dtmfListen: config.TELEPHONY_DTMF_LISTEN,
              promptsDir: path.join(config.DATA_DIR, 'telephony', 'prompts'),
            })
          : undefined,
    },
  });
  const contacts = createContactsService({
    db,
    clock,
    audit,
    citizens,
    tickets,
    senders: createChannelSenders(config),
    standards: parseResponseStandards(config.CHANNEL_RESPONSE_STANDARDS),
    autoOrderChannels: new Set(
      config.CHANNEL_AUTO_ORDER.split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
    quietHours: config.NOTICE_QUIET_HOURS,
    publicBaseUrl: config.PUBLIC_BASE_URL,
    readAttachment: attachments.readStored,
  });
  const mailbox = createMailbox(config, { db, clock, contacts, attachments });
  const boards = createBoards(config, { db, clock, contacts });
  return {
    db,
    clock,
    config,
    auth,
    audit,
    live,
    sla,
    orgs,
    citizens,
    knowledge,
    tickets,
    replyTemplates,
    attachments,
    analytics,
    intake,
    insight,
    calls,
    quality,
    events,
    telephony,
    contacts,
    mailbox,
    boards,
  };
}
export type Services = ReturnType<typeof buildServices>;
