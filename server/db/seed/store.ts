/** Writes the generated demo city into the database (reference data first, then the orders' history). */
import { sha256 } from '../../lib/crypto.ts';
import { toSearchVector } from '../../lib/text.ts';
import type { Executor } from '../client.ts';
import {
  apiKeys,
  categories as categoriesTable,
  dispatchCatalogue,
  knowledgeItems,
  regions,
  replyTemplates,
  units,
  users,
} from '../schema.ts';
import { bulkInsert, iso } from './bulk.ts';
import type { CatalogueRow, Categories } from './categories.ts';
import type { City } from './city.ts';
import type { CitizenRow, Staff } from './people.ts';
import type { SeedOutput } from './rows.ts';
import { REPLY_TEMPLATES } from './reply-templates.data.ts';

export interface KnowledgeInsert {
  id: number;
  title: string;
  content: string;
  categoryId: number | null;
  unitId: number | null;
  keywords: string[];
  validFrom: string;
  validTo: string | null;
  useCount: number;
}

const chunks = <T>(rows: T[], size = 500) =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

export async function storeReferenceData(
  db: Executor,
  input: {
    city: City;
    categories: Categories;
    catalogue: CatalogueRow[];
    staff: Staff;
    passwordHash: string;
    apiKey: string;
    knowledge: KnowledgeInsert[];
    createdAt: Date;
  },
): Promise<void> {
  const { city, staff, createdAt } = input;
  for (const level of ['city', 'district', 'street', 'community'] as const) {
    const rows = city.regions.filter((r) => r.level === level);
    for (const part of chunks(rows)) await db.insert(regions).values(part);
  }
  // parents before children: units were built in tree order
  for (const part of chunks(city.units.map(({ self: _self, ...u }) => ({ ...u, createdAt })))) await db.insert(units).values(part);
  for (const part of chunks(staff.users.map((u) => ({ ...u, passwordHash: input.passwordHash, createdAt }))))
    await db.insert(users).values(part);
  await db.insert(apiKeys).values({
    name: '演示集成密钥（Open311 / 第三方接入）',
    keyHash: sha256(input.apiKey),
    prefix: input.apiKey.slice(0, 7),
    role: 'agent',
    unitId: city.center.id,
    createdAt,
  });
  for (const level of [1, 2, 3]) {
    for (const part of chunks(input.categories.rows.filter((c) => c.level === level))) await db.insert(categoriesTable).values(part);
  }
  for (const part of chunks(input.catalogue)) await db.insert(dispatchCatalogue).values(part);
  for (const part of chunks(input.knowledge, 100)) {
    await db.insert(knowledgeItems).values(
      part.map((k) => ({
        ...k,
        isPublished: true,
        createdById: staff.admin.id,
        createdAt,
        updatedAt: createdAt,
        search: toSearchVector(k.title, k.content, k.keywords.join(' ')),
      })),
    );
  }
  await db
    .insert(replyTemplates)
    .values(replyTemplateRows(input.categories).map((t) => ({ ...t, createdById: staff.admin.id, createdAt, updatedAt: createdAt })));
}

/** The demo's reply templates with their categories resolved ('L1/L2' → the category whose path it is). */
export function replyTemplateRows(categories: Categories) {
  return REPLY_TEMPLATES.map(([title, path, content]) => {
    const category = path === null ? null : categories.rows.find((c) => c.pathName === path.split('/').join(' / '));
    if (category === undefined) throw new Error(`reply template ${title}: unknown category ${path}`);
    return { title, content, categoryId: category?.id ?? null };
  });
}

/** Local ids (citizens, assignments, replies are numbered from 1 while generating) → reserved database ids. */
export interface IdMaps {
  citizens: number[];
  assignments: number[];
  replies: number[];
  supervisions: number[];
}

export async function storeHistory(
  db: Executor,
  citizens: CitizenRow[],
  out: SeedOutput,
  ids: IdMaps,
  sequences: Map<string, number>,
): Promise<void> {
  const citizenId = (local: number | null) => (local === null ? null : ids.citizens[local - 1]);
  const assignmentId = (local: number) => ids.assignments[local - 1];
  const replyId = (local: number) => ids.replies[local - 1];
  const supervisionId = (local: number) => ids.supervisions[local - 1];

  await bulkInsert(
    db,
    'citizens',
    [
      ['id', 'int'],
      ['phone', 'text'],
      ['name', 'text'],
      ['is_confidential', 'boolean'],
      ['created_at', 'timestamptz'],
    ],
    citizens.map((c) => [citizenId(c.id), c.phone, c.name, c.isConfidential, iso(c.createdAt)]),
  );

  await bulkInsert(
    db,
    'tickets',
    [
      ['id', 'int'],
      ['number', 'text'],
      ['channel', 'text'],
      ['type', 'text'],
      ['urgency', 'text'],
      ['title', 'text'],
      ['content', 'text'],
      ['category_id', 'int'],
      ['region_id', 'int'],
      ['address', 'text'],
      ['lng', 'float8'],
      ['lat', 'float8'],
      ['citizen_id', 'int'],
      ['citizen_name', 'text'],
      ['is_confidential', 'boolean'],
      ['status', 'text'],
      ['lead_unit_id', 'int'],
      ['sign_due_at', 'timestamptz'],
      ['handle_due_at', 'timestamptz'],
      ['callback_due_at', 'timestamptz'],
      ['paused_at', 'timestamptz'],
      ['sla_state', 'text'],
      ['is_repeat', 'boolean'],
      ['merged_into_id', 'int'],
      ['has_leader_instruction', 'boolean'],
      ['is_supervised', 'boolean'],
      ['is_legacy', 'boolean'],
      ['is_excluded_from_assessment', 'boolean'],
      ['satisfaction', 'text'],
      ['citizen_rating', 'int'],
      ['reopen_count', 'int'],
      ['return_count', 'int'],
      ['resolution', 'text'],
      ['public_token', 'text'],
      ['created_by_id', 'int'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
      ['dispatched_at', 'timestamptz'],
      ['replied_at', 'timestamptz'],
      ['closed_at', 'timestamptz'],
      ['version', 'int'],
      ['search', 'text', "to_tsvector('simple', {})"],
    ],
    out.tickets.map((t) => [
      t.id,
      t.number,
      t.channel,
      t.type,
      t.urgency,
      t.title,
      t.content,
      t.categoryId,
      t.regionId,
      t.address,
      t.lng,
      t.lat,
      citizenId(t.citizenLocalId),
      t.citizenName,
      t.isConfidential,
      t.status,
      t.leadUnitId,
      iso(t.signDueAt),
      iso(t.handleDueAt),
      iso(t.callbackDueAt),
      iso(t.pausedAt),
      t.slaState,
      t.isRepeat,
      t.mergedIntoId,
      t.hasLeaderInstruction,
      t.isSupervised,
      t.isLegacy,
      t.isExcludedFromAssessment,
      t.satisfaction,
      t.citizenRating,
      t.reopenCount,
      t.returnCount,
      t.resolution,
      t.publicToken,
      t.createdById,
      iso(t.createdAt),
      iso(t.updatedAt),
      iso(t.dispatchedAt),
      iso(t.repliedAt),
      iso(t.closedAt),
      t.version,
      t.words,
    ]),
    { batchSize: 1000 },
  );

  await bulkInsert(
    db,
    'assignments',
    [
      ['id', 'int'],
      ['ticket_id', 'int'],
      ['unit_id', 'int'],
      ['role', 'text'],
      ['status', 'text'],
      ['sign_due_at', 'timestamptz'],
      ['handle_due_at', 'timestamptz'],
      ['signed_at', 'timestamptz'],
      ['finished_at', 'timestamptz'],
      ['reason', 'text'],
      ['created_by_id', 'int'],
      ['created_at', 'timestamptz'],
    ],
    out.assignments.map((a) => [
      assignmentId(a.localId),
      a.ticketId,
      a.unitId,
      a.role,
      a.status,
      iso(a.signDueAt),
      iso(a.handleDueAt),
      iso(a.signedAt),
      iso(a.finishedAt),
      a.reason,
      a.createdById,
      iso(a.createdAt),
    ]),
  );

  await bulkInsert(
    db,
    'replies',
    [
      ['id', 'int'],
      ['ticket_id', 'int'],
      ['assignment_id', 'int'],
      ['unit_id', 'int'],
      ['author_id', 'int'],
      ['content', 'text'],
      ['status', 'text'],
      ['review_note', 'text'],
      ['reviewed_by_id', 'int'],
      ['reviewed_at', 'timestamptz'],
      ['created_at', 'timestamptz'],
    ],
    out.replies.map((r) => [
      replyId(r.localId),
      r.ticketId,
      assignmentId(r.assignmentLocalId),
      r.unitId,
      r.authorId,
      r.content,
      r.status,
      r.reviewNote,
      r.reviewedById,
      iso(r.reviewedAt),
      iso(r.createdAt),
    ]),
    { batchSize: 1000 },
  );

  // events in time order, so that their ids follow the history as they would in production
  const events = [...out.events].sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq);
  await bulkInsert(
    db,
    'ticket_events',
    [
      ['ticket_id', 'int'],
      ['action', 'text'],
      ['from_status', 'text'],
      ['to_status', 'text'],
      ['actor_user_id', 'int'],
      ['actor_unit_id', 'int'],
      ['unit_id', 'int'],
      ['note', 'text'],
      ['data', 'jsonb'],
      ['created_at', 'timestamptz'],
    ],
    events.map((e) => [
      e.ticketId,
      e.action,
      e.fromStatus,
      e.toStatus,
      e.actorUserId,
      e.actorUnitId,
      e.unitId,
      e.note,
      mapIds(e.action, e.data, replyId, supervisionId),
      iso(e.createdAt),
    ]),
    { batchSize: 2500 },
  );

  await bulkInsert(
    db,
    'callbacks',
    [
      ['ticket_id', 'int'],
      ['result', 'text'],
      ['is_resolved', 'boolean'],
      ['note', 'text'],
      ['agent_id', 'int'],
      ['created_at', 'timestamptz'],
    ],
    out.callbacks.map((c) => [c.ticketId, c.result, c.isResolved, c.note, c.agentId, iso(c.createdAt)]),
  );

  const decision: [string, string][] = [
    ['ticket_id', 'int'],
    ['assignment_id', 'int'],
    ['reason', 'text'],
    ['status', 'text'],
    ['requested_by_id', 'int'],
    ['decided_by_id', 'int'],
    ['decision_note', 'text'],
    ['decided_at', 'timestamptz'],
    ['created_at', 'timestamptz'],
  ];
  const decisionValues = (d: SeedOutput['extensions'][number] | SeedOutput['objections'][number]) => [
    d.ticketId,
    assignmentId(d.assignmentLocalId),
    d.reason,
    d.status,
    d.requestedById,
    d.decidedById,
    d.decisionNote,
    iso(d.decidedAt),
    iso(d.createdAt),
  ];
  await bulkInsert(
    db,
    'extensions',
    [...decision, ['requested_days', 'int']],
    out.extensions.map((e) => [...decisionValues(e), e.requestedDays]),
  );
  await bulkInsert(
    db,
    'objections',
    [...decision, ['suggested_unit_id', 'int']],
    out.objections.map((o) => [...decisionValues(o), o.suggestedUnitId]),
  );

  await bulkInsert(
    db,
    'supervisions',
    [
      ['id', 'int'],
      ['ticket_id', 'int'],
      ['kind', 'text'],
      ['unit_id', 'int'],
      ['content', 'text'],
      ['due_at', 'timestamptz'],
      ['issued_by_id', 'int'],
      ['created_at', 'timestamptz'],
    ],
    out.supervisions.map((s) => [
      supervisionId(s.localId),
      s.ticketId,
      s.kind,
      s.unitId,
      s.content,
      iso(s.dueAt),
      s.issuedById,
      iso(s.createdAt),
    ]),
  );
  await bulkInsert(
    db,
    'ticket_knowledge',
    [
      ['ticket_id', 'int'],
      ['knowledge_item_id', 'int'],
    ],
    out.ticketKnowledge.map((k) => [k.ticketId, k.knowledgeItemId]),
  );
  await bulkInsert(
    db,
    'ticket_sequences',
    [
      ['day', 'text'],
      ['last_value', 'int'],
    ],
    [...sequences].map(([day, value]) => [day, value]),
    {
      onConflict: 'on conflict (day) do update set last_value = greatest(ticket_sequences.last_value, excluded.last_value)',
    },
  );
}

/** Event data that names generated rows carries their local ids until now. */
function mapIds(
  action: string,
  data: Record<string, unknown>,
  replyId: (local: number) => number,
  supervisionId: (local: number) => number,
) {
  if ((action === 'reply' || action === 'review') && typeof data.replyId === 'number') return { ...data, replyId: replyId(data.replyId) };
  if (action === 'auto_reminder' && typeof data.supervisionId === 'number')
    return { ...data, supervisionId: supervisionId(data.supervisionId) };
  return data;
}
