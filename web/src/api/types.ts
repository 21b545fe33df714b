/**
 * The shapes the screens use, named from the API's own contract: web/src/api/schema.d.ts is generated from the
 * OpenAPI document (`npm run api:types`), so a change to a route schema shows here as a type error, not as drift.
 */
import type { paths } from './schema';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** The JSON a route answers with (its 200 or 201). */
export type ResponseOf<P extends keyof paths, M extends Method = 'get'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;
/** The JSON body a route takes. */
export type BodyOf<P extends keyof paths, M extends Method = 'post'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer T } };
}
  ? T
  : never;
/** The query a route reads. */
export type QueryOf<P extends keyof paths, M extends Method = 'get'> = paths[P][M] extends { parameters: { query?: infer Q } }
  ? NonNullable<Q>
  : never;

/**
 * A runtime list of every member of a union the contract names (agent states, queues), in the order the screens show
 * them: it fails to compile when the contract gains a member the list lacks, or the list names one it no longer has.
 */
export const everyOf =
  <T extends string>() =>
  <const L extends readonly T[]>(list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> })) =>
    list;

export type Bilingual = { zh: string; en: string };

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

export type Me = ResponseOf<'/api/v1/auth/me'>;

export type TicketSummary = ResponseOf<'/api/v1/tickets'>['items'][number];
export type TicketDetail = ResponseOf<'/api/v1/tickets/{id}'>;
export type Assignment = TicketDetail['assignments'][number];
export type TicketEvent = TicketDetail['events'][number];
export type Reply = TicketDetail['replies'][number];
/** replyId: the reply a file came with; null for the order's own files */
export type TicketAttachment = TicketDetail['attachments'][number];
export type AttachmentInfo = Omit<TicketAttachment, 'replyId'>;

export type Unit = ResponseOf<'/api/v1/units'>['items'][number];
/** The route schemas spell the trees out a fixed number of levels deep; the screens walk them recursively. */
type TreeOf<Node> = Omit<Node, 'children'> & { children?: TreeOf<Node>[] };
export type Region = TreeOf<ResponseOf<'/api/v1/regions'>['items'][number]>;
export type Category = TreeOf<ResponseOf<'/api/v1/categories'>['items'][number]>;

/** A possible duplicate (POST /api/v1/insight/duplicates): why it looks like the same problem. */
export type SimilarTicket = ResponseOf<'/api/v1/insight/duplicates', 'post'>['items'][number];
export type DispatchCandidate = ResponseOf<'/api/v1/dispatch-catalogue/lookup'>['candidates'][number];

export type KnowledgeSummary = ResponseOf<'/api/v1/knowledge'>['items'][number];
export type KnowledgeItem = ResponseOf<'/api/v1/knowledge/{id}'>;

export type CitizenLookup = ResponseOf<'/api/v1/citizens/lookup'>;
/** What the portal shows of an order (POST /api/v1/public/requests/track). */
export type PublicProgress = ResponseOf<'/api/v1/public/requests/track', 'post'>;
