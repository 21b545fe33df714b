-- 排班计划 per half hour; and tel_agents_available_idx: the routing decision walks free agents longest idle first and stops at the first who fits, instead of sorting every ready agent on every call.
CREATE TABLE "tel_staffing_plan" (
	"slot" smallint PRIMARY KEY NOT NULL,
	"planned_agents" integer NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tel_staffing_plan" ADD CONSTRAINT "tel_staffing_plan_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tel_agents_available_idx" ON "tel_agents" USING btree ((case when "state" = 'wrap_up' then "wrap_up_until" else "idle_since" end) nulls first,"user_id") WHERE "tel_agents"."current_call_id" is null and "tel_agents"."state" in ('ready', 'wrap_up');