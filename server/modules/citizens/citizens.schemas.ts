import { z } from 'zod';
import { LIMITS } from '../../../common/limits.ts';
import { TICKET_STATUSES } from '../../../common/ticket-lifecycle.ts';

const id = z.number().int().positive();

export const idParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

/** Any common spelling (spaces, dashes, +86); normalised and checked by the service. */
export const lookupQuery = z.object({ phone: z.string().trim().min(1).max(30) });

export const citizenOut = z.object({
  id,
  phone: z.string(),
  name: z.string().nullable(),
  language: z.string(),
  /** 举报人保密: never shown to units. */
  isConfidential: z.boolean(),
  createdAt: z.string(),
});

export const citizenTicketOut = z.object({
  id,
  number: z.string(),
  title: z.string(),
  type: z.string(),
  channel: z.string(),
  status: z.enum(TICKET_STATUSES),
  /** Not yet closed, merged, invalidated or transferred. */
  isOpen: z.boolean(),
  createdAt: z.string(),
  leadUnitId: id.nullable(),
  leadUnitName: z.string().nullable(),
});

export const lookupOut = z.object({
  /** The number as normalised for the look-up. */
  phone: z.string(),
  /** null: a first-time caller. */
  citizen: citizenOut.nullable(),
  /** Earlier tickets, newest first (at most `ticketLimit`). */
  tickets: z.array(citizenTicketOut),
  ticketCount: z.number().int(),
  openTicketCount: z.number().int(),
});

export const citizenUpdate = z
  .object({
    name: z.string().trim().min(1).max(LIMITS.nameMax).nullable().optional(),
    /** BCP 47 language tag: zh, en, yue, zh-HK … */
    language: z
      .string()
      .trim()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
      .max(20)
      .optional(),
    isConfidential: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: '至少修改一项 / change at least one field' });

export type CitizenUpdate = z.infer<typeof citizenUpdate>;
