CREATE TABLE "channel_messages" (
	"id" serial PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"address" text NOT NULL,
	"kind" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"contact_id" integer,
	"ticket_id" integer,
	"citizen_id" integer,
	"created_by_id" integer,
	"dedupe_key" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"external_id" text,
	"last_error" text,
	"delivery_reports" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"not_before" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "channel_messages_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "citizen_channel_addresses" (
	"channel" text NOT NULL,
	"address" text NOT NULL,
	"citizen_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "citizen_channel_addresses_channel_address_pk" PRIMARY KEY("channel","address")
);
--> statement-breakpoint
CREATE TABLE "citizen_notice_settings" (
	"citizen_id" integer PRIMARY KEY NOT NULL,
	"preferred_channel" text,
	"is_opted_out" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "written_contacts" (
	"id" serial PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"source_id" text NOT NULL,
	"citizen_id" integer,
	"address" text NOT NULL,
	"sender_name" text,
	"subject" text,
	"content" text NOT NULL,
	"meta" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"respond_by" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"claimed_by_id" integer,
	"claimed_at" timestamp with time zone,
	"ticket_id" integer,
	"responded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "channel_messages" ADD CONSTRAINT "channel_messages_contact_id_written_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."written_contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_messages" ADD CONSTRAINT "channel_messages_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_messages" ADD CONSTRAINT "channel_messages_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_messages" ADD CONSTRAINT "channel_messages_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_channel_addresses" ADD CONSTRAINT "citizen_channel_addresses_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_notice_settings" ADD CONSTRAINT "citizen_notice_settings_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_contacts" ADD CONSTRAINT "written_contacts_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_contacts" ADD CONSTRAINT "written_contacts_claimed_by_id_users_id_fk" FOREIGN KEY ("claimed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_contacts" ADD CONSTRAINT "written_contacts_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "channel_messages_ticket_idx" ON "channel_messages" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "channel_messages_contact_idx" ON "channel_messages" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "channel_messages_address_idx" ON "channel_messages" USING btree ("channel","address","kind");--> statement-breakpoint
CREATE INDEX "citizen_channel_addresses_citizen_idx" ON "citizen_channel_addresses" USING btree ("citizen_id");--> statement-breakpoint
CREATE UNIQUE INDEX "written_contacts_source_idx" ON "written_contacts" USING btree ("channel","source_id");--> statement-breakpoint
CREATE INDEX "written_contacts_queue_idx" ON "written_contacts" USING btree ("status","respond_by");--> statement-breakpoint
CREATE INDEX "written_contacts_citizen_idx" ON "written_contacts" USING btree ("citizen_id");--> statement-breakpoint
CREATE INDEX "written_contacts_ticket_idx" ON "written_contacts" USING btree ("ticket_id");