/** Regions, units, people, sign-in and the category tree with its dispatch catalogue. */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, serial, text, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { ts, createdAt } from './columns.ts';

export const regions = pgTable(
  'regions',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    level: text('level').notNull(), // city | district | street | community
    parentId: integer('parent_id').references((): AnyPgColumn => regions.id),
    /** Aliases and landmarks used by address extraction, e.g. estates and roads in this region. */
    aliases: text('aliases')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    geo: jsonb('geo'), // optional centre point { lng, lat }
  },
  (t) => [index('regions_parent_idx').on(t.parentId)],
);

export const units = pgTable(
  'units',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind').notNull(), // UNIT_KINDS
    /** Assessment peer group: city departments, districts, streets and utilities are ranked separately. */
    peerGroup: text('peer_group').notNull().default('department'),
    parentId: integer('parent_id').references((): AnyPgColumn => units.id),
    regionId: integer('region_id').references(() => regions.id),
    phone: text('phone'),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('units_parent_idx').on(t.parentId)],
);

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').notNull(), // ROLES
  unitId: integer('unit_id').references(() => units.id),
  phone: text('phone'),
  isActive: boolean('is_active').notNull().default(true),
  createdAt: createdAt(),
});

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie token; the token itself is never stored. */
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    expiresAt: ts('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Wrong passwords per account name (known or not, so answers do not reveal which names exist), kept in the
 * database so the backoff holds across app processes. A successful sign-in deletes the row; so does the
 * delete-stale-sign-in-failures job once the counting window has passed.
 */
export const signInFailures = pgTable('sign_in_failures', {
  username: text('username').primaryKey(),
  /** Consecutive wrong passwords; counting starts again after an hour without one. */
  failures: integer('failures').notNull(),
  lastFailedAt: ts('last_failed_at').notNull(),
  /** No sign-in, not even with the right password, before this time. */
  lockedUntil: ts('locked_until'),
});

export const apiKeys = pgTable('api_keys', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  prefix: text('prefix').notNull(),
  /** The role the integration acts with; intake integrations use 'agent'. */
  role: text('role').notNull().default('agent'),
  unitId: integer('unit_id').references(() => units.id),
  createdAt: createdAt(),
  revokedAt: ts('revoked_at'),
});

export const categories = pgTable(
  'categories',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => categories.id),
    level: integer('level').notNull(), // 1..3
    /** "城乡建设 / 住房管理 / 物业管理" for display and search. */
    pathName: text('path_name').notNull(),
    isActive: boolean('is_active').notNull().default(true),
  },
  (t) => [index('categories_parent_idx').on(t.parentId)],
);

/** 派单目录: which unit handles a category in a region (null region = anywhere). */
export const dispatchCatalogue = pgTable(
  'dispatch_catalogue',
  {
    id: serial('id').primaryKey(),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id),
    regionId: integer('region_id').references(() => regions.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    note: text('note'),
  },
  (t) => [uniqueIndex('dispatch_catalogue_uniq').on(t.categoryId, t.regionId, t.unitId)],
);
