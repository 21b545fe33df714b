CREATE TABLE "dispatch_suggestions" (
	"id" serial PRIMARY KEY NOT NULL,
	"ticket_id" integer,
	"category_model_id" integer,
	"unit_model_id" integer,
	"suggested_category_id" integer,
	"suggested_unit_id" integer,
	"confidence" real,
	"candidates" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"final_category_id" integer,
	"final_unit_id" integer,
	"is_auto_dispatched" boolean DEFAULT false NOT NULL,
	"requested_by_id" integer,
	"decided_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "insight_models" (
	"id" serial PRIMARY KEY NOT NULL,
	"label_kind" text NOT NULL,
	"version" integer NOT NULL,
	"examples" integer NOT NULL,
	"evaluation" jsonb NOT NULL,
	"model" text NOT NULL,
	"trained_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dispatch_suggestions" ADD CONSTRAINT "dispatch_suggestions_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_suggestions" ADD CONSTRAINT "dispatch_suggestions_category_model_id_insight_models_id_fk" FOREIGN KEY ("category_model_id") REFERENCES "public"."insight_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_suggestions" ADD CONSTRAINT "dispatch_suggestions_unit_model_id_insight_models_id_fk" FOREIGN KEY ("unit_model_id") REFERENCES "public"."insight_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_suggestions" ADD CONSTRAINT "dispatch_suggestions_suggested_category_id_categories_id_fk" FOREIGN KEY ("suggested_category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_suggestions" ADD CONSTRAINT "dispatch_suggestions_suggested_unit_id_units_id_fk" FOREIGN KEY ("suggested_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_suggestions" ADD CONSTRAINT "dispatch_suggestions_final_category_id_categories_id_fk" FOREIGN KEY ("final_category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_suggestions" ADD CONSTRAINT "dispatch_suggestions_final_unit_id_units_id_fk" FOREIGN KEY ("final_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_suggestions" ADD CONSTRAINT "dispatch_suggestions_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_suggestions" ADD CONSTRAINT "dispatch_suggestions_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_models" ADD CONSTRAINT "insight_models_trained_by_id_users_id_fk" FOREIGN KEY ("trained_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- the human decision is recorded against the ticket's suggestions
CREATE INDEX "dispatch_suggestions_ticket_idx" ON "dispatch_suggestions" USING btree ("ticket_id");--> statement-breakpoint
-- dispatch accuracy is reported by period
CREATE INDEX "dispatch_suggestions_created_idx" ON "dispatch_suggestions" USING btree ("created_at");--> statement-breakpoint
-- one row per version of a kind; the model in use is the highest version, found through this index
CREATE UNIQUE INDEX "insight_models_kind_version_uniq" ON "insight_models" USING btree ("label_kind","version");