CREATE TABLE "tel_agents" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"extension" text NOT NULL,
	"state" text DEFAULT 'signed_out' NOT NULL,
	"break_reason" text,
	"state_since" timestamp with time zone DEFAULT now() NOT NULL,
	"idle_since" timestamp with time zone,
	"wrap_up_until" timestamp with time zone,
	"current_call_id" text,
	"skills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tel_callbacks" (
	"id" serial PRIMARY KEY NOT NULL,
	"phone" text NOT NULL,
	"call_id" text NOT NULL,
	"queue" text NOT NULL,
	"abandoned_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"claimed_by" integer,
	"claimed_at" timestamp with time zone,
	"outcome" text,
	"note" text,
	"closed_at" timestamp with time zone,
	"closed_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tel_calls" (
	"call_id" text PRIMARY KEY NOT NULL,
	"direction" text DEFAULT 'inbound' NOT NULL,
	"phone" text NOT NULL,
	"caller_tag" text,
	"queue" text NOT NULL,
	"status" text NOT NULL,
	"offered_at" timestamp with time zone NOT NULL,
	"last_poll_at" timestamp with time zone,
	"agent_user_id" integer,
	"ringing_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"hangup_by" text,
	"transferred_to" text,
	"recording_path" text,
	"rating" smallint,
	"ticket_id" integer,
	"call_record_id" integer,
	"missed_agent_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tel_agents" ADD CONSTRAINT "tel_agents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tel_callbacks" ADD CONSTRAINT "tel_callbacks_call_id_tel_calls_call_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."tel_calls"("call_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tel_callbacks" ADD CONSTRAINT "tel_callbacks_claimed_by_users_id_fk" FOREIGN KEY ("claimed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tel_calls" ADD CONSTRAINT "tel_calls_agent_user_id_users_id_fk" FOREIGN KEY ("agent_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tel_calls" ADD CONSTRAINT "tel_calls_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tel_calls" ADD CONSTRAINT "tel_calls_call_record_id_call_records_id_fk" FOREIGN KEY ("call_record_id") REFERENCES "public"."call_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tel_agents_extension_uniq" ON "tel_agents" USING btree ("extension");--> statement-breakpoint
CREATE INDEX "tel_agents_state_idx" ON "tel_agents" USING btree ("state","idle_since");--> statement-breakpoint
CREATE UNIQUE INDEX "tel_callbacks_call_uniq" ON "tel_callbacks" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "tel_callbacks_status_idx" ON "tel_callbacks" USING btree ("status","abandoned_at");--> statement-breakpoint
CREATE INDEX "tel_callbacks_phone_idx" ON "tel_callbacks" USING btree ("phone","status");--> statement-breakpoint
CREATE INDEX "tel_calls_status_idx" ON "tel_calls" USING btree ("status","offered_at");--> statement-breakpoint
CREATE INDEX "tel_calls_phone_idx" ON "tel_calls" USING btree ("phone","offered_at");