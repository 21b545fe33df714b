/** Registers every module's routes. */
import type { App, AppOptions } from './app.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { slaRoutes } from './modules/sla/sla.routes.ts';
import { orgsRoutes } from './modules/orgs/orgs.routes.ts';
import { orgsAdminRoutes } from './modules/orgs/orgs.admin.routes.ts';
import { citizensRoutes } from './modules/citizens/citizens.routes.ts';
import { knowledgeRoutes } from './modules/knowledge/knowledge.routes.ts';
import { ticketsRoutes } from './modules/tickets/tickets.routes.ts';
import { replyTemplatesRoutes } from './modules/tickets/reply-templates.routes.ts';
import { attachmentsRoutes } from './modules/attachments/attachments.routes.ts';
import { liveRoutes } from './modules/live/live.routes.ts';
import { webRoutes } from './modules/web/web.routes.ts';
import { workbenchRoutes } from './modules/web/workbench.routes.ts';
import { analyticsRoutes } from './modules/analytics/analytics.routes.ts';
import { assessmentRoutes } from './modules/analytics/assessment/assessment.routes.ts';
import { publicRoutes } from './modules/intake/public.routes.ts';
import { open311Routes } from './modules/intake/open311.routes.ts';
import { reportsRoutes } from './modules/analytics/reports/reports.routes.ts';
import { insightRoutes } from './modules/insight/insight.routes.ts';
import { callsRoutes } from './modules/calls/calls.routes.ts';
import { qualityRoutes } from './modules/quality/quality.routes.ts';
import { eventsRoutes } from './modules/events/events.routes.ts';
import { telephonyRoutes } from './modules/telephony/telephony.routes.ts';
import { contactsRoutes } from './modules/contacts/contacts.routes.ts';
import { channelsRoutes } from './modules/channels/channels.routes.ts';
import { healthRoutes } from './modules/web/health.routes.ts';

export async function registerRoutes(app: App, options: AppOptions) {
  await app.register(authRoutes);
  await app.register(slaRoutes);
  await app.register(orgsRoutes);
  await app.register(orgsAdminRoutes);
  await app.register(citizensRoutes);
  await app.register(knowledgeRoutes);
  await app.register(ticketsRoutes);
  await app.register(replyTemplatesRoutes);
  await app.register(attachmentsRoutes);
  await app.register(liveRoutes, { database: options.database });
  await app.register(workbenchRoutes);
  await app.register(analyticsRoutes);
  await app.register(assessmentRoutes);
  await app.register(reportsRoutes);
  await app.register(publicRoutes);
  await app.register(open311Routes, { prefix: '/open311/v2' });
  await app.register(insightRoutes);
  await app.register(callsRoutes);
  await app.register(qualityRoutes);
  await app.register(eventsRoutes);
  await app.register(telephonyRoutes);
  await app.register(contactsRoutes);
  await app.register(channelsRoutes);
  await app.register(healthRoutes);
  // Last: the web app's catch-all route serves client routes that no API route claimed.
  await app.register(webRoutes);
}
