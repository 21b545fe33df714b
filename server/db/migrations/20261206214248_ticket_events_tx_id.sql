ALTER TABLE "ticket_events" ADD COLUMN "tx_id" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
CREATE INDEX "ticket_events_tx_idx" ON "ticket_events" USING btree ("tx_id","id");--> statement-breakpoint
ALTER TABLE "analytics_watermarks" DROP COLUMN "pending_gaps";