/** Figures: indicator definitions, summaries, the dashboard, staffing, settings, 不纳入考核 and rollup refresh. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  dashboardOut,
  exclusionBody,
  exclusionOut,
  exclusionsOut,
  exclusionsQuery,
  indicatorsOut,
  refreshOut,
  settingsBody,
  settingsOut,
  staffingOut,
  staffingQuery,
  summaryOut,
  summaryQuery,
} from './analytics.schemas.ts';

export const analyticsRoutes: FastifyPluginAsyncZod = async (r) => {
  const analytics = r.services.analytics;
  const tags = ['analytics'];

  r.get(
    '/api/v1/analytics/indicators',
    {
      schema: { tags, summary: '指标定义 Indicator definitions', response: { 200: indicatorsOut } },
    },
    async (request) => ({ items: [...analytics.listIndicators(request.actor)] }),
  );

  r.get(
    '/api/v1/analytics/summary',
    {
      schema: {
        tags,
        summary: '统计汇总 Figures by unit, region, category, channel or type',
        querystring: summaryQuery,
        response: { 200: summaryOut },
      },
    },
    async (request) => analytics.summary(request.actor, request.query),
  );

  r.get(
    '/api/v1/analytics/dashboard',
    {
      schema: {
        tags,
        summary: '数据大屏 Dashboard: today, this month, trend, top categories, districts, overdue',
        response: { 200: dashboardOut },
      },
    },
    async (request) => analytics.dashboard(request.actor),
  );

  r.get(
    '/api/v1/analytics/staffing',
    {
      schema: {
        tags,
        summary: '排班测算 Half-hourly forecast and agents needed (Erlang C / A)',
        querystring: staffingQuery,
        response: { 200: staffingOut },
      },
    },
    async (request) => analytics.staffing.plan(request.actor, request.query),
  );

  r.get(
    '/api/v1/analytics/settings',
    {
      schema: { tags, summary: '统计设置 Analytics settings', response: { 200: settingsOut } },
    },
    async (request) => analytics.readSettings(request.actor),
  );

  r.put(
    '/api/v1/analytics/settings',
    {
      schema: { tags, summary: '修改统计设置 Change analytics settings', body: settingsBody, response: { 200: settingsOut } },
    },
    async (request) => analytics.updateSettings(request.actor, request.body),
  );

  r.post(
    '/api/v1/analytics/exclusions',
    {
      schema: {
        tags,
        summary: '标记不纳入考核 Exclude an order from assessment (or include it again)',
        body: exclusionBody,
        response: { 200: exclusionOut },
      },
    },
    async (request) => analytics.setExclusion(request.actor, request.body),
  );

  r.get(
    '/api/v1/analytics/exclusions',
    {
      schema: {
        tags,
        summary: '不纳入考核工单 Orders excluded from assessment',
        querystring: exclusionsQuery,
        response: { 200: exclusionsOut },
      },
    },
    async (request) => ({ items: await analytics.listExclusions(request.actor, request.query) }),
  );

  r.post(
    '/api/v1/analytics/rollups/refresh',
    {
      schema: { tags, summary: '刷新统计汇总 Bring the rollups up to date now', response: { 200: refreshOut } },
    },
    async (request) => analytics.refreshRollups(request.actor),
  );
};
