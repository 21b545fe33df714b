-- One undecided suggestion per requester and request: asking again for the same text (a re-render, a refetch, a
-- reused cached result) returns the logged suggestion instead of adding a row, so 派单准确率 counts each shown result once.
ALTER TABLE "dispatch_suggestions" ADD COLUMN "request_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "dispatch_suggestions_open_request_uniq" ON "dispatch_suggestions" USING btree ("requested_by_id","request_key") WHERE decided_at is null;