/** Administration of regions, units, users, categories, the dispatch catalogue and API keys. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  apiKeyCreate,
  apiKeyCreatedOut,
  apiKeyOut,
  apiKeysOut,
  apiKeysQuery,
  catalogueCreate,
  catalogueEntryOut,
  catalogueOut,
  catalogueQuery,
  catalogueUpdate,
  categoryCreate,
  categoryOut,
  categoryUpdate,
  idParams,
  passwordReset,
  passwordResetOut,
  regionCreate,
  regionOut,
  regionUpdate,
  unitCreate,
  unitOut,
  unitUpdate,
  userCreate,
  userOut,
  usersOut,
  usersQuery,
  userUpdate,
} from './orgs.schemas.ts';

const tags = ['admin'];
const noContent = { 204: z.null() };

export const orgsAdminRoutes: FastifyPluginAsyncZod = async (r) => {
  const orgs = r.services.orgs;

  // Regions
  r.post(
    '/api/v1/admin/regions',
    {
      schema: { tags, summary: '新建行政区划 Create region', body: regionCreate, response: { 201: regionOut } },
    },
    async (request, reply) => reply.status(201).send(await orgs.createRegion(request.actor, request.body)),
  );
  r.patch(
    '/api/v1/admin/regions/:id',
    {
      schema: { tags, summary: '修改行政区划 Update region', params: idParams, body: regionUpdate, response: { 200: regionOut } },
    },
    async (request) => orgs.updateRegion(request.actor, { ...request.body, id: request.params.id }),
  );
  r.delete(
    '/api/v1/admin/regions/:id',
    {
      schema: { tags, summary: '删除行政区划 Delete region', params: idParams, response: noContent },
    },
    async (request, reply) => {
      await orgs.deleteRegion(request.actor, request.params);
      return reply.status(204).send(null);
    },
  );

  // Units
  r.post(
    '/api/v1/admin/units',
    {
      schema: { tags, summary: '新建单位 Create unit', body: unitCreate, response: { 201: unitOut } },
    },
    async (request, reply) => reply.status(201).send(await orgs.createUnit(request.actor, request.body)),
  );
  r.patch(
    '/api/v1/admin/units/:id',
    {
      schema: { tags, summary: '修改单位 Update unit', params: idParams, body: unitUpdate, response: { 200: unitOut } },
    },
    async (request) => orgs.updateUnit(request.actor, { ...request.body, id: request.params.id }),
  );
  r.delete(
    '/api/v1/admin/units/:id',
    {
      schema: { tags, summary: '删除单位 Delete unit (unused only; otherwise deactivate)', params: idParams, response: noContent },
    },
    async (request, reply) => {
      await orgs.deleteUnit(request.actor, request.params);
      return reply.status(204).send(null);
    },
  );

  // Users
  r.get(
    '/api/v1/admin/users',
    {
      schema: {
        tags,
        summary: '用户列表 List users (unit admins: own unit subtree)',
        querystring: usersQuery,
        response: { 200: usersOut },
      },
    },
    async (request) => orgs.listUsers(request.actor, request.query),
  );
  r.post(
    '/api/v1/admin/users',
    {
      schema: { tags, summary: '新建用户 Create user', body: userCreate, response: { 201: userOut } },
    },
    async (request, reply) => reply.status(201).send(await orgs.createUser(request.actor, request.body)),
  );
  r.patch(
    '/api/v1/admin/users/:id',
    {
      schema: {
        tags,
        summary: '修改用户 Update user (role, unit, active)',
        params: idParams,
        body: userUpdate,
        response: { 200: userOut },
      },
    },
    async (request) => orgs.updateUser(request.actor, { ...request.body, id: request.params.id }),
  );
  r.post(
    '/api/v1/admin/users/:id/reset-password',
    {
      schema: { tags, summary: '重置密码 Reset password', params: idParams, body: passwordReset, response: { 200: passwordResetOut } },
    },
    async (request) => orgs.resetPassword(request.actor, { ...request.body, id: request.params.id }),
  );

  // Categories
  r.post(
    '/api/v1/admin/categories',
    {
      schema: { tags, summary: '新建分类 Create category', body: categoryCreate, response: { 201: categoryOut } },
    },
    async (request, reply) => reply.status(201).send(await orgs.createCategory(request.actor, request.body)),
  );
  r.patch(
    '/api/v1/admin/categories/:id',
    {
      schema: { tags, summary: '修改分类 Update category', params: idParams, body: categoryUpdate, response: { 200: categoryOut } },
    },
    async (request) => orgs.updateCategory(request.actor, { ...request.body, id: request.params.id }),
  );
  r.delete(
    '/api/v1/admin/categories/:id',
    {
      schema: { tags, summary: '删除分类 Delete category (unused only)', params: idParams, response: noContent },
    },
    async (request, reply) => {
      await orgs.deleteCategory(request.actor, request.params);
      return reply.status(204).send(null);
    },
  );

  // Dispatch catalogue
  r.get(
    '/api/v1/admin/dispatch-catalogue',
    {
      schema: { tags, summary: '派单目录 List dispatch catalogue', querystring: catalogueQuery, response: { 200: catalogueOut } },
    },
    async (request) => ({ items: await orgs.listCatalogue(request.actor, request.query) }),
  );
  r.get(
    '/api/v1/admin/dispatch-catalogue/history',
    {
      schema: {
        tags,
        summary: '派单目录变更记录 Changes to the dispatch catalogue',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.number(),
                action: z.string(),
                entryId: z.number(),
                actorName: z.string().nullable(),
                details: z.record(z.string(), z.unknown()),
                createdAt: z.date(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await orgs.catalogueHistory(request.actor) }),
  );
  r.post(
    '/api/v1/admin/dispatch-catalogue',
    {
      schema: { tags, summary: '新增派单目录条目 Add catalogue entry', body: catalogueCreate, response: { 201: catalogueEntryOut } },
    },
    async (request, reply) => reply.status(201).send(await orgs.createCatalogueEntry(request.actor, request.body)),
  );
  r.patch(
    '/api/v1/admin/dispatch-catalogue/:id',
    {
      schema: {
        tags,
        summary: '修改派单目录条目 Update catalogue entry',
        params: idParams,
        body: catalogueUpdate,
        response: { 200: catalogueEntryOut },
      },
    },
    async (request) => orgs.updateCatalogueEntry(request.actor, { ...request.body, id: request.params.id }),
  );
  r.delete(
    '/api/v1/admin/dispatch-catalogue/:id',
    {
      schema: { tags, summary: '删除派单目录条目 Delete catalogue entry', params: idParams, response: noContent },
    },
    async (request, reply) => {
      await orgs.deleteCatalogueEntry(request.actor, request.params);
      return reply.status(204).send(null);
    },
  );

  // API keys
  r.get(
    '/api/v1/admin/api-keys',
    {
      schema: { tags, summary: 'API 密钥列表 List API keys', querystring: apiKeysQuery, response: { 200: apiKeysOut } },
    },
    async (request) => ({ items: await orgs.listApiKeys(request.actor, request.query) }),
  );
  r.post(
    '/api/v1/admin/api-keys',
    {
      schema: { tags, summary: '新建 API 密钥 Create API key (shown once)', body: apiKeyCreate, response: { 201: apiKeyCreatedOut } },
    },
    async (request, reply) => reply.status(201).send(await orgs.createApiKey(request.actor, request.body)),
  );
  r.post(
    '/api/v1/admin/api-keys/:id/revoke',
    {
      schema: { tags, summary: '吊销 API 密钥 Revoke API key', params: idParams, response: { 200: apiKeyOut } },
    },
    async (request) => orgs.revokeApiKey(request.actor, request.params),
  );
};
