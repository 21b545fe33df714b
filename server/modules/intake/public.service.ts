/**
 * The citizens' portal (网上诉求): anyone may submit a request with photos, follow it by its number and the
 * last four digits of their phone (or the token they were given), and rate the result once it is closed.
 * Every call acts as the public, whoever is signed in on the browser.
 */
import { timingSafeEqual } from 'node:crypto';
import { LIMITS } from '../../../common/limits.ts';
import { boundingBox, distanceMetres } from '../../../common/geo.ts';
import { STATUS_LABELS, type TicketStatus } from '../../../common/ticket-lifecycle.ts';
import type { Db } from '../../db/client.ts';
import { publicActor, type Actor } from '../../lib/actor.ts';
import { sha256 } from '../../lib/crypto.ts';
import { AppError, notFound, validation } from '../../lib/errors.ts';
import { createTicketsRepository } from '../tickets/tickets.repository.ts';
import type { CreateTicketInput } from '../tickets/tickets.schemas.ts';
import { citizenTimeline } from './citizen-view.ts';
import { createPublicRepository } from './public.repository.ts';
import type { PublicRequestInput, TrackProof, TrackedRequest } from './public.schemas.ts';

export interface PublicFile {
  filename: string;
  mimeType: string;
  content: Buffer;
}

export interface PublicIntakeDeps {
  db: Db;
  tickets: {
    intake(
      actor: Actor,
      input: CreateTicketInput,
      options?: { idempotencyKey?: string },
    ): Promise<{ ticketId: number; number: string; publicToken: string }>;
    rateByCitizen(
      actor: Actor,
      input: { number: string; phoneLast4: string; rating: number; comment?: string | null },
    ): Promise<{ number: string; rating: number }>;
  };
  attachments: {
    upload(actor: Actor, file: PublicFile): Promise<{ id: number }>;
    readStored(id: number): Promise<{ filename: string; mimeType: string; content: Buffer }>;
  };
}

/** How far "nearby" reaches for any report, and for one of the same kind; how many the portal shows. */
const NEARBY_RADIUS_METRES = 1000;
const SAME_KIND_RADIUS_METRES = 5000;
const NEARBY_SHOWN = 10;
/** Candidates read per kind of match before distance and order pick the shown ones. */
const NEARBY_CANDIDATES = 50;

/** Citizens send photos; documents and media go through the hotline staff. */
const PHOTO_TYPES = LIMITS.attachmentMimeTypes.filter((t) => t.startsWith('image/'));
const TICKET = { zh: '工单', en: 'Order' };

export function createPublicIntakeService(deps: PublicIntakeDeps) {
  const repo = createPublicRepository(deps.db);
  const ticketsRepo = createTicketsRepository(deps.db);

  /** The order the proof opens; an unknown number and a wrong proof look the same, so numbers cannot be probed. */
  async function findOwned(proof: TrackProof) {
    const row = await repo.findTrackable(proof.number);
    const isOwner =
      row !== null &&
      ((proof.phoneLast4 !== undefined && row.phone !== null && row.phone.endsWith(proof.phoneLast4)) ||
        (proof.token !== undefined && row.publicToken !== null && sameSecret(proof.token, row.publicToken)));
    if (!row || !isOwner) throw notFound(TICKET, { number: proof.number });
    return row;
  }

  return {
    /** Takes in a citizen's request on the web channel; a retry with the same Idempotency-Key returns the first order. */
    async submit(caller: Actor, input: PublicRequestInput, files: PublicFile[], options: { idempotencyKey?: string } = {}) {
      const actor = publicActor(caller.ip);
      if (files.length > LIMITS.attachmentsPerRequest) {
        throw validation(`最多上传 ${LIMITS.attachmentsPerRequest} 张照片`, `At most ${LIMITS.attachmentsPerRequest} photos`, {
          path: 'files',
        });
      }
      const notPhoto = files.find((f) => !PHOTO_TYPES.includes(f.mimeType as (typeof PHOTO_TYPES)[number]));
      if (notPhoto) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
          message: '只能上传照片（JPEG、PNG、GIF、WebP）',
          messageEn: 'Only photos (JPEG, PNG, GIF, WebP) can be attached',
          details: { filename: notPhoto.filename },
        });
      }
      if (options.idempotencyKey && files.length > 0) {
        // A retry would store its photos again under new ids, which the tickets service would read as a different
        // request; answer it from the first submission before uploading anything. Scope as in tickets.service intake.
        const previous = await ticketsRepo.findIdempotent(`ip:${actor.ip}`, options.idempotencyKey);
        if (previous) {
          const stored = previous.responseBody as { number: string; publicToken: string };
          return { number: stored.number, token: stored.publicToken };
        }
      }
      const attachmentIds: number[] = [];
      for (const file of files) attachmentIds.push((await deps.attachments.upload(actor, file)).id);
      const created = await deps.tickets.intake(
        actor,
        {
          channel: 'web',
          type: input.type,
          urgency: 'normal',
          content: input.content,
          categoryId: input.categoryId ?? null,
          regionId: input.regionId ?? null,
          address: input.address,
          lat: input.lat ?? null,
          lng: input.lng ?? null,
          isConfidential: input.isConfidential,
          language: input.language,
          citizen: { phone: input.phone, name: input.name },
          attachmentIds,
          dispatch: null,
        },
        { idempotencyKey: options.idempotencyKey },
      );
      return { number: created.number, token: created.publicToken };
    },

    /** Progress of one order. */
    async track(_caller: Actor, proof: TrackProof): Promise<TrackedRequest> {
      const row = await findOwned(proof);
      const [history, accepted] = await Promise.all([repo.findHistory(row.id), repo.findLatestAcceptedReply(row.id)]);
      const events = history.map((e) => ({ ...e, data: (e.data ?? {}) as Record<string, unknown> }));
      const directAnswer = events.findLast((e) => e.action === 'direct_answer' && e.note);
      const reply = accepted
        ? { content: accepted.content, unitName: accepted.unitName, at: accepted.reviewedAt ?? accepted.createdAt }
        : directAnswer
          ? { content: directAnswer.note!, unitName: null, at: directAnswer.createdAt }
          : null;
      return {
        number: row.number,
        status: row.status as TicketStatus,
        statusLabel: STATUS_LABELS[row.status as TicketStatus],
        createdAt: row.createdAt,
        closedAt: row.closedAt,
        timeline: citizenTimeline(events),
        reply,
        replyPhotos: accepted ? await repo.findReplyPhotos(accepted.id) : [],
        canRate: row.status === 'closed' && row.citizenRating === null && row.phone !== null,
        rating: row.citizenRating,
      };
    },

    /** A photo of the accepted reply, to the citizen who proves the order is theirs; any other file is not found. */
    async replyPhoto(_caller: Actor, proof: TrackProof & { attachmentId: number }) {
      const row = await findOwned(proof);
      const accepted = await repo.findLatestAcceptedReply(row.id);
      const photos = accepted ? await repo.findReplyPhotos(accepted.id) : [];
      if (!photos.some((p) => p.id === proof.attachmentId)) throw notFound({ zh: '照片', en: 'Photo' }, { id: proof.attachmentId });
      return deps.attachments.readStored(proof.attachmentId);
    },

    /**
     * 附近的诉求: open reports within 1 km of a point, and of the same kind within 5 km (or anywhere, when they have no
     * place), so a citizen can see theirs is known. Titles are the start of the citizen's text, so long digit runs
     * (phones, ID numbers) are masked.
     */
    async nearby(_caller: Actor, query: { lng?: number; lat?: number; categoryId?: number }) {
      const point = query.lng !== undefined && query.lat !== undefined ? { lng: query.lng, lat: query.lat } : null;
      const [near, sameKind] = [
        point
          ? await repo.findOpen({
              box: boundingBox(point, NEARBY_RADIUS_METRES),
              markCategoryId: query.categoryId,
              limit: NEARBY_CANDIDATES,
            })
          : [],
        query.categoryId !== undefined
          ? await repo.findOpen({ categoryId: query.categoryId, markCategoryId: query.categoryId, limit: NEARBY_CANDIDATES })
          : [],
      ];
      const byNumber = new Map([...near, ...sameKind].map((r) => [r.number, r]));
      const items = [...byNumber.values()]
        .map((r) => ({
          number: r.number,
          title: maskDigits(r.title),
          status: r.status as TicketStatus,
          statusLabel: STATUS_LABELS[r.status as TicketStatus],
          distanceMetres: point && r.lng !== null && r.lat !== null ? Math.round(distanceMetres(point, { lng: r.lng, lat: r.lat })) : null,
          isSameCategory: Boolean(r.isSameCategory),
          createdAt: r.createdAt,
        }))
        .filter((r) =>
          r.distanceMetres === null
            ? r.isSameCategory
            : r.distanceMetres <= (r.isSameCategory ? SAME_KIND_RADIUS_METRES : NEARBY_RADIUS_METRES),
        )
        .sort((a, b) => (a.distanceMetres ?? Infinity) - (b.distanceMetres ?? Infinity) || b.createdAt.getTime() - a.createdAt.getTime())
        .slice(0, NEARBY_SHOWN);
      return { radiusMetres: NEARBY_RADIUS_METRES, items };
    },

    /** 市民评价, once per closed order; the tickets service checks the phone digits and records the event. */
    async rate(caller: Actor, number: string, input: { phoneLast4: string; rating: number; comment?: string | null }) {
      return deps.tickets.rateByCitizen(publicActor(caller.ip), { number, ...input });
    },

    async listCategories() {
      return { items: await repo.findPortalCategories() };
    },
  };
}
export type PublicIntakeService = ReturnType<typeof createPublicIntakeService>;

function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(Buffer.from(sha256(given), 'hex'), Buffer.from(sha256(expected), 'hex'));
}

/** Hides runs of five or more digits (phone, ID and plate numbers a citizen may have typed first). */
export function maskDigits(text: string): string {
  return text.replace(/\d{5,}/g, (run) => '*'.repeat(run.length));
}
