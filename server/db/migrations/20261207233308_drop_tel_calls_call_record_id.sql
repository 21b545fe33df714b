-- tel_calls.call_record_id was never written (always null): a call's record is found by source 'lianxin-sip' and
-- external id = call_id, the unique key the call record is written by, so a second link would only be a copy to keep in step.
ALTER TABLE "tel_calls" DROP CONSTRAINT "tel_calls_call_record_id_call_records_id_fk";--> statement-breakpoint
ALTER TABLE "tel_calls" DROP COLUMN "call_record_id";
