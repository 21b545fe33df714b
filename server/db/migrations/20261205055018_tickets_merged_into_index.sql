-- Every order's detail view lists the orders merged into it (并单); without this index that was a scan of all tickets per view.
-- Partial: only merged orders carry merged_into_id.
CREATE INDEX "tickets_merged_into_idx" ON "tickets" USING btree ("merged_into_id") WHERE "tickets"."merged_into_id" is not null;
