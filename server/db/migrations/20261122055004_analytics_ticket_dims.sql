CREATE TABLE "analytics_ticket_dims" (
	"ticket_id" integer PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"category_id" integer NOT NULL,
	"region_id" integer NOT NULL,
	"channel" text NOT NULL,
	"type" text NOT NULL
);
--> statement-breakpoint
-- Backfill (hand-written): orders whose create event the rollup job had already processed before this table existed.
INSERT INTO "analytics_ticket_dims" ("ticket_id", "created_at", "category_id", "region_id", "channel", "type")
SELECT DISTINCT ON (e.ticket_id) e.ticket_id, e.created_at, coalesce((e.data->>'categoryId')::int, 0), coalesce((e.data->>'regionId')::int, 0),
  coalesce(e.data->>'channel', ''), coalesce(e.data->>'type', '')
FROM "ticket_events" e WHERE e.action = 'create'
ORDER BY e.ticket_id, e.id
ON CONFLICT ("ticket_id") DO NOTHING;
