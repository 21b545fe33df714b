/** Smart dispatch and insight (智能派单与分析): suggestions, duplicates, hotspots, the suggestion log, model training. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  accuracyOut, accuracyQuery, decisionBody, decisionOut, decisionParams, duplicatesBody, duplicatesOut, hotspotsOut, hotspotsQuery,
  suggestBody, suggestionOut, trainBody, trainOut,
} from './insight.schemas.ts';

const tags = ['insight'];

export const insightRoutes: FastifyPluginAsyncZod = async (r) => {
  const insight = r.services.insight;

  r.post('/api/v1/insight/suggest', {
    schema: { tags, summary: '派单建议：分类与承办单位 Suggest category and unit', body: suggestBody, response: { 200: suggestionOut } },
  }, async (request) => insight.suggest(request.actor, request.body));

  r.post('/api/v1/insight/suggestions/:id/decision', {
    schema: { tags, summary: '记录最终派单选择 Record the final dispatch choice', params: decisionParams, body: decisionBody, response: { 200: decisionOut } },
  }, async (request) => insight.recordDecision(request.actor, { ...request.body, id: request.params.id }));

  r.get('/api/v1/insight/dispatch-accuracy', {
    schema: { tags, summary: '派单准确率 Dispatch accuracy of suggestions', querystring: accuracyQuery, response: { 200: accuracyOut } },
  }, async (request) => insight.accuracy(request.actor, request.query));

  r.post('/api/v1/insight/duplicates', {
    schema: { tags, summary: '重复件与相似工单 Find duplicates and repeats', body: duplicatesBody, response: { 200: duplicatesOut } },
  }, async (request) => insight.findDuplicates(request.actor, request.body));

  r.get('/api/v1/insight/hotspots', {
    schema: { tags, summary: '热点问题 Hotspots of a period', querystring: hotspotsQuery, response: { 200: hotspotsOut } },
  }, async (request) => insight.hotspots(request.actor, request.query));

  r.post('/api/v1/admin/insight/train', {
    schema: { tags, summary: '训练派单模型 Train the dispatch models from closed orders', body: trainBody, response: { 200: trainOut } },
  }, async (request) => insight.train(request.actor, request.body));
};
