-- 自动派单 rules of the insight module (none = auto-dispatch off).
-- auto_dispatch_rules_category_uniq: one rule per category, looked up by category.
CREATE TABLE "auto_dispatch_rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"category_id" integer NOT NULL,
	"min_confidence" real NOT NULL,
	"is_enabled" boolean DEFAULT false NOT NULL,
	"updated_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "auto_dispatch_rules" ADD CONSTRAINT "auto_dispatch_rules_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auto_dispatch_rules" ADD CONSTRAINT "auto_dispatch_rules_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "auto_dispatch_rules_category_uniq" ON "auto_dispatch_rules" USING btree ("category_id");