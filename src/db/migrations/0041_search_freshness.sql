-- Change logs are followed by snapshot, not by id (issue 19): a transaction that took id 10 but
-- committed after the one that took id 11 was skipped by a reader that had read 11. Each entry now
-- keeps the transaction that wrote it (xid, defaulted, so the triggers are unchanged); a reader's
-- position is the PostgreSQL snapshot (pg_current_snapshot()::text) of its last read, and the next
-- read gives the entries that snapshot did not see (change-log.ts, directory search.repo.ts).
-- search_window_runs keeps, per source, up to when its time window was last looked at (search-window.ts).
CREATE TABLE "search_window_runs" (
	"source" text PRIMARY KEY NOT NULL,
	"ran_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "search_changes_source_idx";--> statement-breakpoint
ALTER TABLE "directory_changes" ADD COLUMN "xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
ALTER TABLE "search_changes" ADD COLUMN "xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
CREATE INDEX "directory_changes_xid_idx" ON "directory_changes" USING btree ("xid");--> statement-breakpoint
CREATE INDEX "event_occurrences_end_idx" ON "event_occurrences" USING btree ("ends_at") WHERE cancelled_at is null;--> statement-breakpoint
CREATE INDEX "search_changes_source_xid_idx" ON "search_changes" USING btree ("source","xid");