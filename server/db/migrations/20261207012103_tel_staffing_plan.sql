CREATE TABLE "tel_staffing_plan" (
	"slot" smallint PRIMARY KEY NOT NULL,
	"planned_agents" integer NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tel_staffing_plan" ADD CONSTRAINT "tel_staffing_plan_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;