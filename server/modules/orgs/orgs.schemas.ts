import { z } from 'zod';
import { REGION_LEVELS, ROLES, UNIT_KINDS } from '../../../common/enums.ts';
import { LIMITS } from '../../../common/limits.ts';

const id = z.number().int().positive();
const idParam = z.coerce.number().int().positive().max(2_147_483_647);
export const idParams = z.object({ id: idParam });

/** Query-string booleans arrive as text. */
export const queryFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const code = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9_.-]+$/, '只能包含字母、数字、-、_、. / letters, digits, - _ . only');
const name = z.string().trim().min(1).max(LIMITS.nameMax);
const searchText = z.string().trim().min(1).max(100);
const nonEmpty = <T extends z.ZodObject>(schema: T) =>
  schema.refine((v) => Object.values(v).some((x) => x !== undefined), { message: '至少修改一项 / change at least one field' });

/**
 * A tree node schema nested `depth` levels deep, children optional (flat views omit them).
 * Spelled out rather than recursive so the OpenAPI document needs no component references.
 */
function fixedDepthTree(node: z.ZodObject, depth: number): z.ZodType {
  let schema: z.ZodObject = node.extend({ children: z.array(z.never()).optional() });
  for (let level = 1; level < depth; level++) schema = node.extend({ children: z.array(schema).optional() });
  return schema;
}

// Regions (行政区划)
const geo = z.object({ lng: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) });
export const regionOut = z.object({
  id,
  code: z.string(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  parentId: id.nullable(),
  aliases: z.array(z.string()),
  geo: geo.nullable(),
});
export type RegionOut = z.infer<typeof regionOut>;
export type RegionNode = RegionOut & { children?: RegionNode[] };
/** Four levels at most (city → district → street → community), since a child region always sits below its parent. */
export const regionNode = fixedDepthTree(regionOut, 4) as z.ZodType<RegionNode>;
export const regionsQuery = z.object({
  /** tree (default) nests children; flat lists rows with parentId. parentId, level or q imply flat. */
  view: z.enum(['tree', 'flat']).default('tree'),
  parentId: idParam.optional(),
  level: z.enum(REGION_LEVELS).optional(),
  q: searchText.optional(),
});
export const regionsOut = z.object({ items: z.array(regionNode) });
const aliases = z.array(z.string().trim().min(1).max(100)).max(500);
export const regionCreate = z.object({
  code,
  name,
  level: z.enum(REGION_LEVELS),
  parentId: id.nullable().optional(),
  aliases: aliases.optional(),
  geo: geo.nullable().optional(),
});
export const regionUpdate = nonEmpty(
  z.object({
    code: code.optional(),
    name: name.optional(),
    level: z.enum(REGION_LEVELS).optional(),
    parentId: id.nullable().optional(),
    aliases: aliases.optional(),
    geo: geo.nullable().optional(),
  }),
);

// Units (承办单位)
export const unitOut = z.object({
  id,
  code: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  peerGroup: z.string(),
  parentId: id.nullable(),
  regionId: id.nullable(),
  phone: z.string().nullable(),
  isActive: z.boolean(),
});
export const unitsQuery = z.object({
  q: searchText.optional(),
  parentId: idParam.optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  includeInactive: queryFlag.optional(),
});
export const unitsOut = z.object({ items: z.array(unitOut) });
const peerGroup = z.string().trim().min(1).max(50);
const officePhone = z
  .string()
  .trim()
  .min(3)
  .max(50)
  .regex(/^[0-9+()\- ,转]+$/, '电话格式不正确 / not a phone number');
export const unitCreate = z.object({
  code,
  name,
  kind: z.enum(UNIT_KINDS),
  peerGroup: peerGroup.optional(),
  parentId: id.nullable().optional(),
  regionId: id.nullable().optional(),
  phone: officePhone.nullable().optional(),
});
export const unitUpdate = nonEmpty(
  z.object({
    code: code.optional(),
    name: name.optional(),
    kind: z.enum(UNIT_KINDS).optional(),
    peerGroup: peerGroup.optional(),
    parentId: id.nullable().optional(),
    regionId: id.nullable().optional(),
    phone: officePhone.nullable().optional(),
    isActive: z.boolean().optional(),
  }),
);

// Users and roles
export const roleOut = z.object({ key: z.enum(ROLES), zh: z.string(), en: z.string(), scope: z.enum(['center', 'unit']) });
export const rolesOut = z.object({ items: z.array(roleOut) });
export const userOut = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  unitId: id.nullable(),
  unitName: z.string().nullable(),
  phone: z.string().nullable(),
  isActive: z.boolean(),
  createdAt: z.string(),
});
export const usersQuery = z.object({
  unitId: idParam.optional(),
  role: z.enum(ROLES).optional(),
  q: searchText.optional(),
  includeInactive: queryFlag.optional(),
  /** Also list users of the unit's sub-units (default true; unit admins always see their own subtree only). */
  includeSubUnits: queryFlag.optional(),
  cursor: z
    .string()
    .regex(/^\d{1,10}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50),
});
export const usersOut = z.object({ items: z.array(userOut), nextCursor: z.string().nullable() });
const username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[A-Za-z0-9_.@-]+$/, '只能包含字母、数字和 _ . @ - / letters, digits, _ . @ - only');
const password = z.string().min(8).max(200);
const personalPhone = z
  .string()
  .trim()
  .min(3)
  .max(30)
  .regex(/^[0-9+()\- ]+$/, '电话格式不正确 / not a phone number');
export const userCreate = z.object({
  username,
  displayName: name,
  password,
  role: z.enum(ROLES),
  unitId: id.nullable().optional(),
  phone: personalPhone.nullable().optional(),
});
export const userUpdate = nonEmpty(
  z.object({
    displayName: name.optional(),
    role: z.enum(ROLES).optional(),
    unitId: id.nullable().optional(),
    phone: personalPhone.nullable().optional(),
    isActive: z.boolean().optional(),
  }),
);
export const passwordReset = z.object({ password: password.optional() });
export const passwordResetOut = z.object({
  userId: id,
  /** Present only when the server generated the password; shown once. */
  temporaryPassword: z.string().nullable(),
});

// Categories (三级分类)
export const categoryOut = z.object({
  id,
  code: z.string(),
  name: z.string(),
  level: z.number().int().min(1).max(3),
  parentId: id.nullable(),
  pathName: z.string(),
  isActive: z.boolean(),
});
export type CategoryOut = z.infer<typeof categoryOut>;
export type CategoryNode = CategoryOut & { children?: CategoryNode[] };
export const categoryNode = fixedDepthTree(categoryOut, 3) as z.ZodType<CategoryNode>;
export const categoriesQuery = z.object({ view: z.enum(['tree', 'flat']).default('tree'), includeInactive: queryFlag.optional() });
export const categoriesOut = z.object({ items: z.array(categoryNode) });
export const categoryCreate = z.object({ code, name, parentId: id.nullable().optional() });
export const categoryUpdate = nonEmpty(
  z.object({
    code: code.optional(),
    name: name.optional(),
    parentId: id.nullable().optional(),
    isActive: z.boolean().optional(),
  }),
);

// Dispatch catalogue (派单目录)
export const catalogueEntryOut = z.object({
  id,
  categoryId: id,
  categoryPathName: z.string(),
  regionId: id.nullable(),
  regionName: z.string().nullable(),
  unitId: id,
  unitName: z.string(),
  note: z.string().nullable(),
});
export const catalogueQuery = z.object({ categoryId: idParam.optional(), regionId: idParam.optional(), unitId: idParam.optional() });
export const catalogueOut = z.object({ items: z.array(catalogueEntryOut) });
const note = z.string().trim().max(LIMITS.reasonMax);
export const catalogueCreate = z.object({
  categoryId: id,
  regionId: id.nullable().optional(),
  unitId: id,
  note: note.nullable().optional(),
});
export const catalogueUpdate = nonEmpty(
  z.object({ regionId: id.nullable().optional(), unitId: id.optional(), note: note.nullable().optional() }),
);
export const lookupQuery = z.object({ categoryId: idParam, regionId: idParam.optional() });
export const lookupOut = z.object({
  categoryId: id,
  regionId: id.nullable(),
  candidates: z.array(
    z.object({
      unitId: id,
      unitCode: z.string(),
      unitName: z.string(),
      unitKind: z.string(),
      catalogueId: id,
      categoryId: id,
      regionId: id.nullable(),
      regionName: z.string().nullable(),
      note: z.string().nullable(),
      /** The row is for a parent category because the exact category has no row for this unit. */
      isParentCategory: z.boolean(),
    }),
  ),
});

// API keys
export const apiKeyOut = z.object({
  id,
  name: z.string(),
  prefix: z.string(),
  role: z.enum(ROLES),
  unitId: id.nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export const apiKeysQuery = z.object({ includeRevoked: queryFlag.optional() });
export const apiKeysOut = z.object({ items: z.array(apiKeyOut) });
export const apiKeyCreate = z.object({ name, role: z.enum(ROLES).default('agent'), unitId: id.nullable().optional() });
export const apiKeyCreatedOut = apiKeyOut.extend({
  /** The plain key: shown in this response only, stored as a hash. */
  key: z.string(),
});

export type RegionCreate = z.infer<typeof regionCreate>;
export type RegionUpdate = z.infer<typeof regionUpdate>;
export type UnitCreate = z.infer<typeof unitCreate>;
export type UnitUpdate = z.infer<typeof unitUpdate>;
export type UserCreate = z.infer<typeof userCreate>;
export type UserUpdate = z.infer<typeof userUpdate>;
export type CategoryCreate = z.infer<typeof categoryCreate>;
export type CategoryUpdate = z.infer<typeof categoryUpdate>;
export type CatalogueCreate = z.infer<typeof catalogueCreate>;
export type CatalogueUpdate = z.infer<typeof catalogueUpdate>;
