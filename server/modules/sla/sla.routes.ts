import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  calendarDayBody,
  calendarDayParams,
  calendarImportBody,
  calendarImportResult,
  calendarYear,
  calendarYearQuery,
  calendarDay,
  idParams,
  slaPolicy,
  slaPolicyCreateBody,
  slaPolicyList,
  slaPolicyPatchBody,
} from './sla.schemas.ts';
import type { TicketType, Urgency } from '../../../common/enums.ts';
import type { SlaPolicyRow } from './sla.repository.ts';
import type { HandleUnit } from './sla.rules.ts';

const tags = ['sla'];

/** Administration of SLA policies (时限策略) and the working calendar (工作日历). */
export const slaRoutes: FastifyPluginAsyncZod = async (r) => {
  const sla = r.services.sla;

  r.get(
    '/api/v1/admin/sla-policies',
    {
      schema: { tags, summary: '时限策略列表 List SLA policies', response: { 200: slaPolicyList } },
    },
    async (request) => ({ items: (await sla.listPolicies(request.actor)).map(presentPolicy) }),
  );

  r.post(
    '/api/v1/admin/sla-policies',
    {
      schema: { tags, summary: '新建时限策略 Create an SLA policy', body: slaPolicyCreateBody, response: { 201: slaPolicy } },
    },
    async (request, reply) => reply.status(201).send(presentPolicy(await sla.createPolicy(request.actor, request.body))),
  );

  r.patch(
    '/api/v1/admin/sla-policies/:id',
    {
      schema: {
        tags,
        summary: '修改时限策略 Update an SLA policy',
        params: idParams,
        body: slaPolicyPatchBody,
        response: { 200: slaPolicy },
      },
    },
    async (request) => presentPolicy(await sla.updatePolicy(request.actor, request.params.id, request.body)),
  );

  r.delete(
    '/api/v1/admin/sla-policies/:id',
    {
      schema: { tags, summary: '删除时限策略 Delete an SLA policy', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await sla.deletePolicy(request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/admin/calendar',
    {
      schema: {
        tags,
        summary: '工作日历（按年） Working calendar of a year',
        querystring: calendarYearQuery,
        response: { 200: calendarYear },
      },
    },
    async (request) => sla.listCalendarYear(request.actor, request.query.year),
  );

  r.put(
    '/api/v1/admin/calendar/:day',
    {
      schema: {
        tags,
        summary: '设置节假日或调休日 Set a holiday or adjusted working day',
        params: calendarDayParams,
        body: calendarDayBody,
        response: { 200: calendarDay },
      },
    },
    async (request) => sla.upsertCalendarDay(request.actor, { day: request.params.day, ...request.body }),
  );

  r.delete(
    '/api/v1/admin/calendar/:day',
    {
      schema: { tags, summary: '删除日历例外日 Remove a calendar exception', params: calendarDayParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await sla.deleteCalendarDay(request.actor, request.params.day);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/v1/admin/calendar/import',
    {
      schema: {
        tags,
        summary: '导入一年的节假日安排 Import a year of holidays and adjusted working days',
        body: calendarImportBody,
        response: { 200: calendarImportResult },
      },
    },
    async (request) => sla.importCalendarYear(request.actor, request.body),
  );
};

function presentPolicy(row: SlaPolicyRow) {
  return {
    id: row.id,
    name: row.name,
    ticketType: row.ticketType as TicketType | null,
    urgency: row.urgency as Urgency | null,
    categoryId: row.categoryId,
    signWorkingHours: row.signWorkingHours,
    handleUnit: row.handleUnit as HandleUnit,
    handleAmount: row.handleAmount,
    callbackWorkingDays: row.callbackWorkingDays,
    atRiskRatio: row.atRiskRatio,
    isActive: row.isActive,
  };
}
