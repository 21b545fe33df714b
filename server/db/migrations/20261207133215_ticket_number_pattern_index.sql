-- The search box's number start (number LIKE '20261101-%') cannot use the unique index under a C.UTF-8 collation: it
-- scanned the table (1.4 s on 1 million orders). A text_pattern_ops index serves LIKE prefixes as a range scan.
CREATE INDEX "tickets_number_pattern_idx" ON "tickets" USING btree ("number" text_pattern_ops);
