ALTER TABLE "hotspot_runs" ADD COLUMN "orders_in_period" integer;--> statement-breakpoint
ALTER TABLE "hotspot_runs" ADD COLUMN "sampled_from" timestamp with time zone;