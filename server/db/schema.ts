/**
 * The database schema, one file per subject under ./schema. Migrations under ./migrations are generated from it with
 * `npx drizzle-kit generate` and hand-extended where Drizzle cannot express a thing (tsvector triggers, extensions);
 * they are committed and never edited once landed.
 */
export * from './schema/orgs.ts';
export * from './schema/tickets.ts';
export * from './schema/platform.ts';
export * from './schema/analytics.ts';
export * from './schema/intake.ts';
export * from './schema/insight.ts';
export * from './schema/calls.ts';
export * from './schema/quality.ts';
export * from './schema/telephony.ts';
