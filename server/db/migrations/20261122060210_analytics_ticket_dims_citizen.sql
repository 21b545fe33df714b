ALTER TABLE "analytics_ticket_dims" ADD COLUMN "citizen_id" integer;--> statement-breakpoint
CREATE INDEX "analytics_ticket_dims_citizen_idx" ON "analytics_ticket_dims" USING btree ("citizen_id","created_at");--> statement-breakpoint
-- Backfill (hand-written): the citizen of every order already in the table; the index serves the repeat-complaint rule.
UPDATE "analytics_ticket_dims" d SET "citizen_id" = t."citizen_id" FROM "tickets" t WHERE t."id" = d."ticket_id" AND t."citizen_id" IS NOT NULL;
