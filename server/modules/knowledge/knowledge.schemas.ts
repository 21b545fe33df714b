import { z } from 'zod';
import { LIMITS } from '../../../common/limits.ts';

const id = z.number().int().positive();
const idParam = z.coerce.number().int().positive().max(2_147_483_647);
const queryFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const day = z.iso.date();

export const idParams = z.object({ id: idParam });

export const knowledgeQuery = z.object({
  /** Free text, segmented with jieba; all words must match, or — when none match all — any word. */
  q: z.string().trim().max(200).optional(),
  /**
   * A complaint's own text (when `q` is not given): items sharing at least two of its most telling words,
   * those sharing most first; one page, no cursor.
   */
  about: z.string().trim().max(LIMITS.knowledgeAboutMax).optional(),
  /** Items in this category or any of its sub-categories. */
  categoryId: idParam.optional(),
  unitId: idParam.optional(),
  /** Editors only: also list items outside their validity dates. */
  includeExpired: queryFlag.optional(),
  /** Editors only: also list unpublished drafts. */
  includeUnpublished: queryFlag.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(20),
});

const itemFields = {
  id,
  title: z.string(),
  categoryId: id.nullable(),
  categoryPathName: z.string().nullable(),
  unitId: id.nullable(),
  unitName: z.string().nullable(),
  keywords: z.array(z.string()),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  isPublished: z.boolean(),
  /** Today (Beijing time) is within the validity dates. */
  isValid: z.boolean(),
  useCount: z.number().int(),
  updatedAt: z.string(),
};

export const knowledgeSummaryOut = z.object({
  ...itemFields,
  excerpt: z.string(),
  /** ts_rank of the match; null when listing without a query. */
  rank: z.number().nullable(),
});
export const knowledgeListOut = z.object({ items: z.array(knowledgeSummaryOut), nextCursor: z.string().nullable() });

export const knowledgeItemOut = z.object({
  ...itemFields,
  content: z.string(),
  createdById: id.nullable(),
  createdAt: z.string(),
});

const keywords = z.array(z.string().trim().min(1).max(50)).max(30);
export const knowledgeCreate = z.object({
  title: z.string().trim().min(1).max(LIMITS.titleMax),
  content: z.string().trim().min(1).max(LIMITS.contentMax),
  categoryId: id.nullable().optional(),
  unitId: id.nullable().optional(),
  keywords: keywords.optional(),
  validFrom: day.nullable().optional(),
  validTo: day.nullable().optional(),
  isPublished: z.boolean().optional(),
});
export const knowledgeUpdate = z
  .object({
    title: z.string().trim().min(1).max(LIMITS.titleMax).optional(),
    content: z.string().trim().min(1).max(LIMITS.contentMax).optional(),
    categoryId: id.nullable().optional(),
    unitId: id.nullable().optional(),
    keywords: keywords.optional(),
    validFrom: day.nullable().optional(),
    validTo: day.nullable().optional(),
    isPublished: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: '至少修改一项 / change at least one field' });

export type KnowledgeQuery = z.infer<typeof knowledgeQuery>;
export type KnowledgeCreate = z.infer<typeof knowledgeCreate>;
export type KnowledgeUpdate = z.infer<typeof knowledgeUpdate>;
