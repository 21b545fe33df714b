/** Reference data every signed-in user reads: regions, units, categories, roles, the dispatch look-up. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  categoriesOut,
  categoriesQuery,
  lookupOut,
  lookupQuery,
  regionsOut,
  regionsQuery,
  rolesOut,
  unitsOut,
  unitsQuery,
} from './orgs.schemas.ts';

export const orgsRoutes: FastifyPluginAsyncZod = async (r) => {
  const orgs = r.services.orgs;

  r.get(
    '/api/v1/regions',
    {
      schema: {
        tags: ['orgs'],
        summary: '行政区划 Regions (tree, or flat with parentId)',
        querystring: regionsQuery,
        response: { 200: regionsOut },
      },
    },
    async (request) => ({ items: await orgs.listRegions(request.actor, request.query) }),
  );

  r.get(
    '/api/v1/units',
    {
      schema: { tags: ['orgs'], summary: '承办单位 Units (flat list with parentId)', querystring: unitsQuery, response: { 200: unitsOut } },
    },
    async (request) => ({ items: await orgs.listUnits(request.actor, request.query) }),
  );

  r.get(
    '/api/v1/categories',
    {
      schema: {
        tags: ['orgs'],
        summary: '诉求分类 Categories (three-level tree)',
        querystring: categoriesQuery,
        response: { 200: categoriesOut },
      },
    },
    async (request) => ({ items: await orgs.listCategories(request.actor, request.query) }),
  );

  r.get(
    '/api/v1/roles',
    {
      schema: { tags: ['orgs'], summary: '角色 Roles with labels', response: { 200: rolesOut } },
    },
    async (request) => ({ items: orgs.listRoles(request.actor) }),
  );

  r.get(
    '/api/v1/dispatch-catalogue/lookup',
    {
      schema: {
        tags: ['orgs'],
        summary: '派单目录查询 Candidate units for a category and region',
        querystring: lookupQuery,
        response: { 200: lookupOut },
      },
    },
    async (request) => orgs.lookupDispatch(request.actor, request.query),
  );
};
