-- Call records pushed by the phone system (calls module) and quality inspection (质检, quality module).
-- call_records_source_external_uniq: idempotent import, one row per call id of each source.
-- call_records_offered_idx: answer-rate figures and the staffing history read periods by offered_at.
-- call_records_agent_offered_idx: agent performance and QA sampling read one agent's calls of a period.
-- quality_inspections_ticket_uniq / _call_uniq: an order or a call is inspected at most once (sampling skips them).
-- quality_inspections_agent_idx: an agent's inspections of a period, for the performance record.
-- quality_inspections_form_idx: whether a form is in use (then it is frozen and edits save a new version).
CREATE TABLE "call_records" (
	"id" serial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"direction" text NOT NULL,
	"phone" text,
	"queue" text DEFAULT '' NOT NULL,
	"offered_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"ended_at" timestamp with time zone NOT NULL,
	"wait_seconds" integer NOT NULL,
	"talk_seconds" integer DEFAULT 0 NOT NULL,
	"wrap_up_seconds" integer DEFAULT 0 NOT NULL,
	"agent_user_id" integer,
	"ticket_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_forms" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"previous_version_id" integer,
	"items" jsonb NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_inspections" (
	"id" serial PRIMARY KEY NOT NULL,
	"form_id" integer NOT NULL,
	"agent_user_id" integer NOT NULL,
	"subject_kind" text NOT NULL,
	"ticket_id" integer,
	"call_record_id" integer,
	"subject_at" timestamp with time zone NOT NULL,
	"sample_seed" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"score" double precision,
	"has_fatal" boolean,
	"scores" jsonb,
	"comment" text,
	"sampled_by_id" integer,
	"inspector_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"scored_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "call_records" ADD CONSTRAINT "call_records_agent_user_id_users_id_fk" FOREIGN KEY ("agent_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_records" ADD CONSTRAINT "call_records_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_forms" ADD CONSTRAINT "quality_forms_previous_version_id_quality_forms_id_fk" FOREIGN KEY ("previous_version_id") REFERENCES "public"."quality_forms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_forms" ADD CONSTRAINT "quality_forms_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_inspections" ADD CONSTRAINT "quality_inspections_form_id_quality_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."quality_forms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_inspections" ADD CONSTRAINT "quality_inspections_agent_user_id_users_id_fk" FOREIGN KEY ("agent_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_inspections" ADD CONSTRAINT "quality_inspections_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_inspections" ADD CONSTRAINT "quality_inspections_call_record_id_call_records_id_fk" FOREIGN KEY ("call_record_id") REFERENCES "public"."call_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_inspections" ADD CONSTRAINT "quality_inspections_sampled_by_id_users_id_fk" FOREIGN KEY ("sampled_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_inspections" ADD CONSTRAINT "quality_inspections_inspector_id_users_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "call_records_source_external_uniq" ON "call_records" USING btree ("source","external_id");--> statement-breakpoint
CREATE INDEX "call_records_offered_idx" ON "call_records" USING btree ("offered_at");--> statement-breakpoint
CREATE INDEX "call_records_agent_offered_idx" ON "call_records" USING btree ("agent_user_id","offered_at");--> statement-breakpoint
CREATE UNIQUE INDEX "quality_inspections_ticket_uniq" ON "quality_inspections" USING btree ("ticket_id") WHERE ticket_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "quality_inspections_call_uniq" ON "quality_inspections" USING btree ("call_record_id") WHERE call_record_id is not null;--> statement-breakpoint
CREATE INDEX "quality_inspections_agent_idx" ON "quality_inspections" USING btree ("agent_user_id","subject_at");--> statement-breakpoint
CREATE INDEX "quality_inspections_form_idx" ON "quality_inspections" USING btree ("form_id");