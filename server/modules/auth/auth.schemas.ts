import { z } from 'zod';
import { ROLES } from '../../../common/enums.ts';

export const signInBody = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const currentUser = z.object({
  kind: z.enum(['user', 'api_key', 'system', 'public']),
  userId: z.number().int().nullable(),
  displayName: z.string(),
  role: z.enum(ROLES).nullable(),
  unitId: z.number().int().nullable(),
  csrfToken: z.string().nullable(),
});
