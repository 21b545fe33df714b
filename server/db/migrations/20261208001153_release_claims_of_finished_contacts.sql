-- A claim (领取) lasts while a written contact is open; until now answering, converting or attaching it kept the claim,
-- so another agent could not make an answered contact an order or attach it (409) and the contact stayed the agent's.
-- Backfill: finished contacts let go of their claims, as they do from now on.
UPDATE "written_contacts" SET "claimed_by_id" = NULL, "claimed_at" = NULL
  WHERE "status" NOT IN ('waiting', 'claimed') AND "claimed_by_id" IS NOT NULL;
