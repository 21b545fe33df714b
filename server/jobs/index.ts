/** Every job the app runs; modules add theirs here. */
import type { JobDefinition } from './runner.ts';
import { markOverdueOrders } from './mark-overdue-orders.ts';
import { refreshAnalyticsRollups } from './refresh-analytics-rollups.ts';
import { generateScheduledReports } from './generate-scheduled-reports.ts';
import { trainDispatchModel } from './train-dispatch-model.ts';
import { detectSurgeAlerts } from './detect-surge-alerts.ts';
import { autoDispatchOrders } from './auto-dispatch-orders.ts';
import { sendChannelMessage } from './send-channel-message.ts';
import { computeHotspots } from './compute-hotspots.ts';
import { computeMonthlyAssessments } from './compute-monthly-assessments.ts';
import { sendOrderNotices } from './send-order-notices.ts';
import { endLostCalls } from './end-lost-calls.ts';
import { fetchMailbox } from './fetch-mailbox.ts';
import { pullMessageBoards } from './pull-message-boards.ts';
import { deleteStaleSignInFailures } from './delete-stale-sign-in-failures.ts';
import { deleteExpiredSessions } from './delete-expired-sessions.ts';

/**
 * On a fresh start every recurring job is due at once and a round runs them in this order (detached ones beside it):
 * the surge alerts first, so a leader's first view of 预警 has them, then the month's assessment and the rest.
 */
export const jobDefinitions: JobDefinition[] = [
  detectSurgeAlerts,
  computeMonthlyAssessments,
  markOverdueOrders,
  refreshAnalyticsRollups,
  generateScheduledReports,
  trainDispatchModel,
  autoDispatchOrders,
  sendChannelMessage,
  sendOrderNotices,
  computeHotspots,
  endLostCalls,
  fetchMailbox,
  pullMessageBoards,
  deleteStaleSignInFailures,
  deleteExpiredSessions,
];
