CREATE TABLE "outbox_cursors" (
	"name" text PRIMARY KEY NOT NULL,
	"last_id" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "tx_id" "xid8" DEFAULT pg_current_xact_id() NOT NULL;