-- A phone number written in a message is kept as a suggestion for the agent instead of linking the sender to that citizen.
ALTER TABLE "written_contacts" ADD COLUMN "suggested_phone" text;--> statement-breakpoint
-- Backfill: until now a number written in a WeChat message, a letter or a board message linked the sender to that number's
-- citizen, so every contact whose citizen is not the sender's own number got its citizen that way, unproven: it becomes a
-- suggestion again.
UPDATE "written_contacts" w SET "suggested_phone" = c."phone", "citizen_id" = NULL
  FROM "citizens" c
  WHERE w."citizen_id" = c."id" AND w."address" <> c."phone";--> statement-breakpoint
-- Every channel identity linked so far was linked by such a number (nothing else wrote this table): none of them is
-- proven, so notices stop going to them until an agent confirms the citizen on the queue.
DELETE FROM "citizen_channel_addresses";
