-- 督办 as a flag on the order, as 领导批示 is, so every list can tag supervised orders without reading supervisions.
ALTER TABLE "tickets" ADD COLUMN "is_supervised" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Backfill: the orders that already have a supervision notice.
UPDATE "tickets" SET "is_supervised" = true WHERE "id" IN (SELECT "ticket_id" FROM "supervisions" WHERE "kind" = 'supervise');
