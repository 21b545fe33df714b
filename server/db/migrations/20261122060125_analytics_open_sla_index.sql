-- Custom migration (analytics module). Partial index for the dashboard's count of open orders at risk or overdue
-- and the reports' overdue list: open orders are a small share of all orders, so this index stays small while a
-- plain scan of tickets grows with the whole history (≈ 250 ms at 1 M orders). The predicate must match the
-- queries in analytics.repository.ts (status not in the final statuses).
CREATE INDEX IF NOT EXISTS "tickets_open_sla_idx" ON "tickets" ("sla_state", "handle_due_at")
  WHERE "status" NOT IN ('closed', 'merged', 'invalid', 'transferred');
