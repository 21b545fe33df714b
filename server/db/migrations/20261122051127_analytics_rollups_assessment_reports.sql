CREATE TABLE "analytics_daily" (
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"day" date NOT NULL,
	"contacts" integer DEFAULT 0 NOT NULL,
	"invalid" integer DEFAULT 0 NOT NULL,
	"transferred" integer DEFAULT 0 NOT NULL,
	"merged" integer DEFAULT 0 NOT NULL,
	"direct_answered" integer DEFAULT 0 NOT NULL,
	"complaints" integer DEFAULT 0 NOT NULL,
	"repeat_complaints" integer DEFAULT 0 NOT NULL,
	"dispatches" integer DEFAULT 0 NOT NULL,
	"signs" integer DEFAULT 0 NOT NULL,
	"signs_on_time" integer DEFAULT 0 NOT NULL,
	"returns" integer DEFAULT 0 NOT NULL,
	"improper_returns" integer DEFAULT 0 NOT NULL,
	"objections" integer DEFAULT 0 NOT NULL,
	"objections_denied" integer DEFAULT 0 NOT NULL,
	"extension_requests" integer DEFAULT 0 NOT NULL,
	"replies" integer DEFAULT 0 NOT NULL,
	"replies_on_time" integer DEFAULT 0 NOT NULL,
	"handling_seconds" bigint DEFAULT 0 NOT NULL,
	"reviews_accepted" integer DEFAULT 0 NOT NULL,
	"reviews_rejected" integer DEFAULT 0 NOT NULL,
	"callbacks" integer DEFAULT 0 NOT NULL,
	"callbacks_reached" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"basically_satisfied" integer DEFAULT 0 NOT NULL,
	"unsatisfied" integer DEFAULT 0 NOT NULL,
	"resolved_answered" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"reopens" integer DEFAULT 0 NOT NULL,
	"overdue" integer DEFAULT 0 NOT NULL,
	"supervisions" integer DEFAULT 0 NOT NULL,
	"urges" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_daily_dim_day_key_pk" PRIMARY KEY("dim","day","key")
);
--> statement-breakpoint
CREATE TABLE "analytics_exclusions" (
	"ticket_id" integer PRIMARY KEY NOT NULL,
	"is_excluded" boolean NOT NULL,
	"event_id" integer NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "analytics_half_hour" (
	"slot" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"contacts" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_half_hour_slot_channel_pk" PRIMARY KEY("slot","channel")
);
--> statement-breakpoint
CREATE TABLE "analytics_reply_facts" (
	"event_id" integer PRIMARY KEY NOT NULL,
	"ticket_id" integer NOT NULL,
	"day" date NOT NULL,
	"unit_id" integer NOT NULL,
	"category_id" integer NOT NULL,
	"region_id" integer NOT NULL,
	"channel" text NOT NULL,
	"type" text NOT NULL,
	"handling_seconds" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_watermarks" (
	"name" text PRIMARY KEY NOT NULL,
	"last_event_id" integer DEFAULT 0 NOT NULL,
	"pending_gaps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_appeals" (
	"id" serial PRIMARY KEY NOT NULL,
	"month" text NOT NULL,
	"unit_id" integer NOT NULL,
	"deduction_kind" text NOT NULL,
	"count" integer NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"approved_count" integer DEFAULT 0 NOT NULL,
	"decision_note" text,
	"filed_by_id" integer,
	"decided_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "assessment_results" (
	"run_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"peer_group" text NOT NULL,
	"score" double precision,
	"rank" integer,
	"indicators" jsonb NOT NULL,
	"deductions" jsonb NOT NULL,
	"measures" jsonb NOT NULL,
	CONSTRAINT "assessment_results_run_id_unit_id_pk" PRIMARY KEY("run_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "assessment_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"month" text NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"config" jsonb NOT NULL,
	"computed_by_id" integer,
	"computed_at" timestamp with time zone NOT NULL,
	"published_by_id" integer,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"content" jsonb NOT NULL,
	"pdf_key" text,
	"xlsx_key" text,
	"render_ms" integer,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "analytics_settings" ADD CONSTRAINT "analytics_settings_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_appeals" ADD CONSTRAINT "assessment_appeals_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_appeals" ADD CONSTRAINT "assessment_appeals_filed_by_id_users_id_fk" FOREIGN KEY ("filed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_appeals" ADD CONSTRAINT "assessment_appeals_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_run_id_assessment_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."assessment_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_runs" ADD CONSTRAINT "assessment_runs_computed_by_id_users_id_fk" FOREIGN KEY ("computed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_runs" ADD CONSTRAINT "assessment_runs_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_reply_facts_day_idx" ON "analytics_reply_facts" USING btree ("day");--> statement-breakpoint
CREATE INDEX "assessment_appeals_month_idx" ON "assessment_appeals" USING btree ("month","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_runs_month_version_uniq" ON "assessment_runs" USING btree ("month","version");--> statement-breakpoint
CREATE INDEX "reports_kind_created_idx" ON "reports" USING btree ("kind","created_at");