/**
 * Open311 GeoReport v2 (plus FixMyStreet's service request updates): our leaf categories are the
 * services, our tickets the service requests (service_request_id = ticket number), ticket events the updates.
 * Returns the spec's JSON shapes; the routes render them as JSON or XML.
 */
import { FINAL_STATUSES, OPEN_STATUSES, STATUS_LABELS, type TicketStatus } from '../../../common/ticket-lifecycle.ts';
import { PHONE_PATTERN, normalizePhone } from '../../../common/limits.ts';
import type { Db } from '../../db/client.ts';
import type { Actor, Clock } from '../../lib/actor.ts';
import { AppError, validation } from '../../lib/errors.ts';
import type { Credentials } from '../../lib/credentials.ts';
import type { CreateTicketInput } from '../tickets/tickets.schemas.ts';
import { PUBLIC_UPDATE_ACTIONS, isPublicUpdate, updateDescription } from './citizen-view.ts';
import { SERVICE_ATTRIBUTES, readAttributes } from './open311.attributes.ts';
import { open311Status, parseOpen311DateTime, redactPersonalData, toOpen311DateTime } from './open311.format.ts';
import { createOpen311Repository } from './open311.repository.ts';
import type { PostRequestBody, RequestJson, RequestsQuery, ServiceJson, UpdateJson, UpdatesQuery } from './open311.schemas.ts';

/** The spec's ceilings: at most 1,000 results, windows of at most 90 days (also the default). */
export const MAX_RESULTS = 1000;
export const MAX_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;
/** When this server's discovery document last changed. */
const CHANGESET = '2026-11-22T00:00:00+08:00';

export interface Open311Deps {
  db: Db;
  clock: Clock;
  jurisdictionId: string;
  auth: { resolveActor(credentials: Credentials): Promise<Actor> };
  tickets: {
    intake(actor: Actor, input: CreateTicketInput, options?: { idempotencyKey?: string }): Promise<{ ticketId: number; number: string }>;
  };
}

const badRequest = (message: string, messageEn: string, field?: string) =>
  validation(message, messageEn, field ? { path: field } : undefined);
const notFound = (message: string, messageEn: string) => new AppError('NOT_FOUND', { message, messageEn });

export function createOpen311Service(deps: Open311Deps) {
  const { clock } = deps;
  const repo = createOpen311Repository(deps.db);

  /** One jurisdiction per server: another id is "not found" on reads and a bad request on POST, as the spec words it. */
  function checkJurisdiction(given: string | undefined, isPost = false) {
    if (given === undefined || given === deps.jurisdictionId) return;
    const message = `jurisdiction_id「${given}」不存在`;
    const messageEn = `jurisdiction_id ${given} was not found`;
    throw isPost ? badRequest(message, messageEn, 'jurisdiction_id') : notFound(message, messageEn);
  }

  /** [start, end] from optional start_date/end_date: 90 days by default, never longer. */
  function window(startRaw: string | undefined, endRaw: string | undefined): { from: Date; to: Date } {
    const read = (raw: string | undefined, field: string) => {
      if (raw === undefined) return null;
      const date = parseOpen311DateTime(raw);
      if (!date) throw badRequest(`${field} 不是有效的 ISO 8601 时间`, `${field} is not a valid ISO 8601 datetime`, field);
      return date;
    };
    const start = read(startRaw, 'start_date');
    const end = read(endRaw, 'end_date');
    const to = end ?? (start ? new Date(start.getTime() + MAX_WINDOW_DAYS * DAY_MS) : clock.now());
    const from = start ?? new Date(to.getTime() - MAX_WINDOW_DAYS * DAY_MS);
    if (from > to) throw badRequest('start_date 晚于 end_date', 'start_date is after end_date', 'start_date');
    if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
      throw badRequest(
        `查询时间跨度不能超过 ${MAX_WINDOW_DAYS} 天`,
        `start_date and end_date may not span more than ${MAX_WINDOW_DAYS} days`,
        'end_date',
      );
    }
    return { from, to };
  }

  async function presentRequests(rows: Awaited<ReturnType<typeof repo.findRequests>>): Promise<RequestJson[]> {
    const answers = await repo.findPublicAnswers(rows.filter((r) => open311Status(r.status) === 'closed').map((r) => r.id));
    return rows.map((r) => {
      const answer = answers.get(r.id);
      return {
        service_request_id: r.number,
        status: open311Status(r.status),
        status_notes: answer ? redactPersonalData(answer) : (STATUS_LABELS[r.status as TicketStatus]?.zh ?? null),
        service_name: r.serviceName,
        service_code: r.serviceCode,
        description: redactPersonalData(r.content),
        agency_responsible: r.agency,
        service_notice: null,
        requested_datetime: toOpen311DateTime(r.createdAt),
        updated_datetime: toOpen311DateTime(r.updatedAt),
        expected_datetime: toOpen311DateTime(r.handleDueAt),
        address: r.address,
        address_id: r.addressId,
        zipcode: null,
        lat: r.lat,
        long: r.lng,
        media_url: r.mediaUrl,
      };
    });
  }

  return {
    discovery(baseUrl: string) {
      return {
        changeset: CHANGESET,
        contact: '12345 政务服务便民热线 Government service hotline 12345',
        key_service: 'POST 需要 api_key，由热线系统管理员在「系统管理 → 接口密钥」签发 (API keys are issued by the hotline administrator)',
        endpoints: [
          {
            specification: 'http://wiki.open311.org/GeoReport_v2',
            url: `${baseUrl}/open311/v2`,
            changeset: CHANGESET,
            type: 'production' as const,
            formats: ['text/xml', 'application/json'],
          },
        ],
      };
    },

    async listServices(query: { jurisdiction_id?: string }): Promise<ServiceJson[]> {
      checkJurisdiction(query.jurisdiction_id);
      return (await repo.findLeafServices()).map((c) => {
        const path = c.pathName.split(' / ');
        return {
          service_code: c.code,
          service_name: c.name,
          description: c.pathName,
          metadata: SERVICE_ATTRIBUTES.length > 0,
          type: 'realtime' as const,
          keywords: path.join(', '),
          group: path[0] ?? null,
        };
      });
    },

    async getServiceDefinition(code: string, query: { jurisdiction_id?: string }) {
      checkJurisdiction(query.jurisdiction_id);
      const category = await repo.findActiveCategoryByCode(code);
      if (!category) throw notFound(`service_code「${code}」不存在`, `service_code ${code} was not found`);
      return { service_code: category.code, attributes: SERVICE_ATTRIBUTES };
    },

    /**
     * POST Service Request: an integration's API key files a ticket on the open311 channel, acknowledged once committed.
     * Beyond the spec, an Idempotency-Key header makes a retry return the first request instead of filing a second.
     */
    async createRequest(caller: Actor, body: PostRequestBody, options: { idempotencyKey?: string } = {}) {
      const actor = body.api_key
        ? await deps.auth.resolveActor({ apiKey: body.api_key, sessionToken: null, csrfToken: null, ip: caller.ip })
        : caller;
      if (actor.kind !== 'api_key') {
        throw new AppError('FORBIDDEN', { message: 'api_key 缺失或无效', messageEn: 'api_key was not provided or is invalid' });
      }
      checkJurisdiction(body.jurisdiction_id, true);
      if (!body.service_code) throw badRequest('缺少 service_code', 'service_code was not provided', 'service_code');
      const category = await repo.findActiveCategoryByCode(body.service_code);
      if (!category)
        throw badRequest(`service_code「${body.service_code}」不存在`, `service_code ${body.service_code} was not found`, 'service_code');
      const hasPoint = body.lat !== undefined && body.long !== undefined;
      if ((body.lat === undefined) !== (body.long === undefined))
        throw badRequest('lat 与 long 须同时提供', 'lat and long must be given together', 'lat');
      if (!hasPoint && !body.address_string && !body.address_id) {
        throw badRequest(
          '须提供位置：lat 和 long、address_string 或 address_id',
          'A location is required: lat and long, address_string or address_id',
          'address_string',
        );
      }
      const attributes = readAttributes(body);
      if (!attributes.ok) {
        throw badRequest(
          `attribute[${attributes.code}] 的值无效`,
          `attribute[${attributes.code}] has a value that is not allowed`,
          `attribute[${attributes.code}]`,
        );
      }
      const phone = body.phone ? normalizePhone(body.phone) : null;
      if (phone !== null && !PHONE_PATTERN.test(phone))
        throw badRequest('电话号码格式不正确', 'phone is not a valid phone number', 'phone');
      const address = [body.address_string, attributes.value.addressDetail].filter(Boolean).join(' ') || null;

      const input: CreateTicketInput = {
        channel: 'open311',
        type: attributes.value.type,
        urgency: attributes.value.urgency,
        content: body.description ?? `【${category.pathName}】${address ?? ''}`,
        categoryId: category.id,
        regionId: null,
        address,
        lat: body.lat ?? null,
        lng: body.long ?? null,
        isConfidential: false,
        citizen: phone ? { phone, name: personName(body.first_name, body.last_name) } : null,
        attachmentIds: [],
        dispatch: null,
      };
      const created = await deps.tickets.intake(actor, input, options);
      await repo.createRequestMetadata({
        ticketId: created.ticketId,
        apiKeyId: actor.apiKeyId,
        serviceCode: category.code,
        attributes: attributes.value.raw,
        mediaUrl: body.media_url ?? null,
        email: body.email ?? null,
        deviceId: body.device_id ?? null,
        accountId: body.account_id ?? null,
        addressId: body.address_id ?? null,
      });
      return [
        {
          service_request_id: created.number,
          service_notice: `已受理，工单号 ${created.number}，可凭工单号查询办理进度。Received as order ${created.number}.`,
          account_id: null,
        },
      ];
    },

    async listRequests(query: RequestsQuery): Promise<RequestJson[]> {
      checkJurisdiction(query.jurisdiction_id);
      const ids = splitList(query.service_request_id);
      if (ids) {
        if (ids.length > MAX_RESULTS)
          throw badRequest(`一次最多查询 ${MAX_RESULTS} 个工单`, `At most ${MAX_RESULTS} service_request_id values`, 'service_request_id');
        return presentRequests(await repo.findRequests({ numbers: ids, limit: MAX_RESULTS }));
      }
      const { from, to } = window(query.start_date, query.end_date);
      return presentRequests(
        await repo.findRequests({
          serviceCodes: splitList(query.service_code),
          from,
          to,
          statuses: statusesOf(query.status),
          limit: MAX_RESULTS,
        }),
      );
    },

    async getRequest(id: string, query: { jurisdiction_id?: string }): Promise<RequestJson[]> {
      checkJurisdiction(query.jurisdiction_id);
      const rows = await repo.findRequests({ numbers: [id], limit: 1 });
      if (rows.length === 0) throw notFound(`service_request_id「${id}」不存在`, `service_request_id ${id} was not found`);
      return presentRequests(rows);
    },

    async getToken(token: string, query: { jurisdiction_id?: string }) {
      checkJurisdiction(query.jurisdiction_id);
      const number = await repo.findNumberByToken(token);
      if (!number) throw notFound('token 不存在', `token ${token} was not found`);
      return [{ service_request_id: number, token }];
    },

    /** FixMyStreet's GET Service Request Updates: public progress steps in the window, oldest first. */
    async listUpdates(query: UpdatesQuery): Promise<UpdateJson[]> {
      checkJurisdiction(query.jurisdiction_id);
      const { from, to } = window(query.start_date, query.end_date);
      const events = await repo.findEvents({ from, to, actions: PUBLIC_UPDATE_ACTIONS, limit: MAX_RESULTS });
      return events
        .map((e) => ({ ...e, data: (e.data ?? {}) as Record<string, unknown> }))
        .filter(isPublicUpdate)
        .map((e) => ({
          update_id: String(e.id),
          service_request_id: e.number,
          status: open311Status(e.toStatus ?? ''),
          updated_datetime: toOpen311DateTime(e.createdAt),
          description: redactPersonalData(updateDescription(e)),
          media_url: null,
        }));
    },
  };
}
export type Open311Service = ReturnType<typeof createOpen311Service>;

function splitList(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const items = [
    ...new Set(
      raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  return items.length ? items : undefined;
}

function statusesOf(raw: string | undefined): readonly TicketStatus[] | undefined {
  const wanted = splitList(raw);
  if (!wanted) return undefined;
  const unknown = wanted.filter((s) => s !== 'open' && s !== 'closed');
  if (unknown.length) throw badRequest('status 只能是 open 或 closed', 'status must be open or closed', 'status');
  if (wanted.length === 2) return undefined;
  return wanted[0] === 'open' ? OPEN_STATUSES : FINAL_STATUSES;
}

/** 姓 before 名 for Chinese names, "First Last" otherwise. */
function personName(first: string | undefined, last: string | undefined): string | null {
  if (!first && !last) return null;
  if (/[\u4e00-\u9fff]/.test(`${first ?? ''}${last ?? ''}`)) return `${last ?? ''}${first ?? ''}`;
  return [first, last].filter(Boolean).join(' ');
}
