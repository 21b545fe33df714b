CREATE TABLE "hotspot_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"from_day" text NOT NULL,
	"to_day" text NOT NULL,
	"status" text NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"duration_ms" integer,
	"requested_at" timestamp with time zone NOT NULL,
	"computed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "hotspot_runs_period_uniq" ON "hotspot_runs" USING btree ("from_day","to_day");