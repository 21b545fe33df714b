/** Smart dispatch and insight (智能派单与分析): suggestions, duplicates, hotspots, surge alerts, reply quality, the suggestion log, model training, auto-dispatch rules. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accuracyOut,
  accuracyQuery,
  alertsOut,
  alertsQuery,
  decisionBody,
  decisionOut,
  decisionParams,
  duplicatesBody,
  duplicatesOut,
  hotspotsOut,
  hotspotsQuery,
  replyQualityOut,
  replyQualityParams,
  ruleBody,
  ruleOut,
  ruleParams,
  rulePatchBody,
  rulesOut,
  suggestBody,
  suggestionOut,
  trainBody,
  trainOut,
} from './insight.schemas.ts';
import { drillDownOut, drillDownQuery, modelOut, modelParams, modelsOut, modelsQuery } from './insight.schemas.ts';

const tags = ['insight'];

export const insightRoutes: FastifyPluginAsyncZod = async (r) => {
  const insight = r.services.insight;

  r.post(
    '/api/v1/insight/suggest',
    {
      schema: { tags, summary: '派单建议：分类与承办单位 Suggest category and unit', body: suggestBody, response: { 200: suggestionOut } },
    },
    async (request) => insight.suggest(request.actor, request.body),
  );

  r.post(
    '/api/v1/insight/suggestions/:id/decision',
    {
      schema: {
        tags,
        summary: '记录最终派单选择 Record the final dispatch choice',
        params: decisionParams,
        body: decisionBody,
        response: { 200: decisionOut },
      },
    },
    async (request) => insight.recordDecision(request.actor, { ...request.body, id: request.params.id }),
  );

  r.get(
    '/api/v1/insight/dispatch-accuracy',
    {
      schema: { tags, summary: '派单准确率 Dispatch accuracy of suggestions', querystring: accuracyQuery, response: { 200: accuracyOut } },
    },
    async (request) => insight.accuracy(request.actor, request.query),
  );

  r.post(
    '/api/v1/insight/duplicates',
    {
      schema: { tags, summary: '重复件与相似工单 Find duplicates and repeats', body: duplicatesBody, response: { 200: duplicatesOut } },
    },
    async (request) => insight.findDuplicates(request.actor, request.body),
  );

  r.get(
    '/api/v1/insight/hotspots',
    {
      schema: { tags, summary: '热点问题 Hotspots of a period', querystring: hotspotsQuery, response: { 200: hotspotsOut } },
    },
    async (request) => insight.hotspots(request.actor, request.query),
  );

  r.post(
    '/api/v1/admin/insight/train',
    {
      schema: { tags, summary: '训练派单模型 Train the dispatch models from closed orders', body: trainBody, response: { 200: trainOut } },
    },
    async (request) => insight.train(request.actor, request.body),
  );

  r.get(
    '/api/v1/insight/reply-quality/:ticketId',
    {
      schema: {
        tags,
        summary: '答复质量检查 Reply quality check before review',
        params: replyQualityParams,
        response: { 200: replyQualityOut },
      },
    },
    async (request) => insight.replyQuality(request.actor, { ticketId: request.params.ticketId }),
  );

  r.get(
    '/api/v1/insight/alerts',
    {
      schema: {
        tags,
        summary: '预警：分类×区域工单激增 Surge alerts by category and district',
        querystring: alertsQuery,
        response: { 200: alertsOut },
      },
    },
    async (request) => insight.listAlerts(request.actor, request.query),
  );

  r.get(
    '/api/v1/insight/orders',
    {
      schema: {
        tags,
        summary: '下钻：热点或预警的工单 Orders behind a hotspot or alert',
        querystring: drillDownQuery,
        response: { 200: drillDownOut },
      },
    },
    async (request) => insight.drillDown(request.actor, request.query),
  );

  r.get(
    '/api/v1/admin/insight/models',
    {
      schema: {
        tags,
        summary: '模型版本及评估 Model versions with their evaluation',
        querystring: modelsQuery,
        response: { 200: modelsOut },
      },
    },
    async (request) => insight.listModels(request.actor, request.query),
  );

  r.get(
    '/api/v1/admin/insight/models/:id',
    {
      schema: {
        tags,
        summary: '模型评估详情 A model version: per-class figures and confusion matrix',
        params: modelParams,
        response: { 200: modelOut },
      },
    },
    async (request) => insight.getModel(request.actor, request.params.id),
  );

  r.get(
    '/api/v1/admin/insight/auto-dispatch-rules',
    {
      schema: { tags, summary: '自动派单规则列表 List auto-dispatch rules', response: { 200: rulesOut } },
    },
    async (request) => insight.listAutoDispatchRules(request.actor),
  );

  r.post(
    '/api/v1/admin/insight/auto-dispatch-rules',
    {
      schema: { tags, summary: '新建自动派单规则 Create an auto-dispatch rule', body: ruleBody, response: { 201: ruleOut } },
    },
    async (request, reply) => reply.status(201).send(await insight.createAutoDispatchRule(request.actor, request.body)),
  );

  r.patch(
    '/api/v1/admin/insight/auto-dispatch-rules/:id',
    {
      schema: {
        tags,
        summary: '修改自动派单规则 Update an auto-dispatch rule',
        params: ruleParams,
        body: rulePatchBody,
        response: { 200: ruleOut },
      },
    },
    async (request) => insight.updateAutoDispatchRule(request.actor, request.params.id, request.body),
  );

  r.delete(
    '/api/v1/admin/insight/auto-dispatch-rules/:id',
    {
      schema: { tags, summary: '删除自动派单规则 Delete an auto-dispatch rule', params: ruleParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await insight.deleteAutoDispatchRule(request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
