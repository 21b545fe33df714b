/** Intake module: Open311 GeoReport v2. */
import { integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { apiKeys } from './orgs.ts';
import { tickets } from './tickets.ts';

/** What an Open311 client sent beyond the ticket's own columns (GeoReport v2 POST fields), one row per ticket it filed. */
export const open311Requests = pgTable('open311_requests', {
  ticketId: integer('ticket_id')
    .primaryKey()
    .references(() => tickets.id),
  apiKeyId: integer('api_key_id').references(() => apiKeys.id),
  serviceCode: text('service_code').notNull(),
  /** attribute[code]=value pairs of the service definition, as sent. */
  attributes: jsonb('attributes').notNull().default({}),
  mediaUrl: text('media_url'),
  email: text('email'),
  deviceId: text('device_id'),
  accountId: text('account_id'),
  addressId: text('address_id'),
  createdAt: createdAt(),
});
