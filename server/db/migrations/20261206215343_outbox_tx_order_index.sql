-- Readers of the outbox (GET /api/v1/events, the NATS relay) go in (tx_id, id) order after a cursor.
CREATE INDEX "outbox_tx_idx" ON "outbox" USING btree ("tx_id","id");