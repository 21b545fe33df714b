-- 预警 (surge alerts) of the insight module.
-- insight_alerts_window_uniq: one alert per window and category x district pair (nulls count as equal), so the hourly job can re-run safely.
-- insight_alerts_window_start_idx: the alerts list reads a period by window start.
CREATE TABLE "insight_alerts" (
	"id" serial PRIMARY KEY NOT NULL,
	"granularity" text NOT NULL,
	"period" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"window_end" timestamp with time zone NOT NULL,
	"category_id" integer,
	"region_id" integer,
	"observed" integer NOT NULL,
	"expected" real NOT NULL,
	"rise_percent" integer NOT NULL,
	"p_value" double precision NOT NULL,
	"baseline_periods" integer NOT NULL,
	"level" text NOT NULL,
	"ticket_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insight_alerts_window_uniq" UNIQUE NULLS NOT DISTINCT("granularity","period","category_id","region_id")
);
--> statement-breakpoint
ALTER TABLE "insight_alerts" ADD CONSTRAINT "insight_alerts_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_alerts" ADD CONSTRAINT "insight_alerts_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "insight_alerts_window_start_idx" ON "insight_alerts" USING btree ("window_start");