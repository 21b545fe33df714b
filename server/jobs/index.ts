/** Every job the app runs; modules add theirs here. */
import type { JobDefinition } from './runner.ts';
import { markOverdueOrders } from './mark-overdue-orders.ts';
import { refreshAnalyticsRollups } from './refresh-analytics-rollups.ts';

export const jobDefinitions: JobDefinition[] = [markOverdueOrders, refreshAnalyticsRollups];
