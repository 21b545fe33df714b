ALTER TABLE "analytics_watermarks" ADD COLUMN "last_tx_id" "xid8" DEFAULT '0'::xid8 NOT NULL;--> statement-breakpoint
-- Backfill: existing events all got the transaction id of the migration that added ticket_events.tx_id, so a watermark
-- that had counted up to event N continues from (that transaction id, N): events after N are still counted, none twice.
UPDATE "analytics_watermarks" w SET "last_tx_id" = coalesce((SELECT max(e.tx_id) FROM "ticket_events" e WHERE e.id <= w.last_event_id), '0'::xid8) WHERE w.last_event_id > 0;
