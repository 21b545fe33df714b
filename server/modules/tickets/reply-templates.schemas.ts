import { z } from 'zod';
import { LIMITS } from '../../../common/limits.ts';

const id = z.coerce.number().int().positive().max(2_147_483_647);

export const replyTemplateParams = z.object({ id });

export const replyTemplatesQuery = z.object({
  /** The order's category: templates for it or a category above it, then those for any category; without it, every template */
  categoryId: id.optional(),
  /** "true": also retired templates (centre admins) */
  includeRetired: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type ReplyTemplatesQuery = z.infer<typeof replyTemplatesQuery>;

const fields = {
  title: z.string().trim().min(1).max(LIMITS.titleMax),
  content: z.string().trim().min(1).max(LIMITS.replyMax),
  /** null: for any category */
  categoryId: id.nullable(),
  /** false: retired, no longer offered */
  isActive: z.boolean(),
};
export const replyTemplateCreate = z.object({
  ...fields,
  categoryId: fields.categoryId.default(null),
  isActive: fields.isActive.default(true),
});
export const replyTemplateUpdate = z
  .object(fields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: '请至少修改一项 Change at least one field' });
export type ReplyTemplateCreate = z.infer<typeof replyTemplateCreate>;
export type ReplyTemplateUpdate = z.infer<typeof replyTemplateUpdate>;

export const replyTemplateOut = z.object({
  id: z.number(),
  title: z.string(),
  content: z.string(),
  categoryId: z.number().nullable(),
  categoryPathName: z.string().nullable(),
  isActive: z.boolean(),
  updatedAt: z.date(),
});
export const replyTemplateListOut = z.object({ items: z.array(replyTemplateOut) });
