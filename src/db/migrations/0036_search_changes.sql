CREATE TABLE "search_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"owner_id" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_changes_source_idx" ON "search_changes" USING btree ("source","id");--> statement-breakpoint
CREATE INDEX "search_changes_changed_at_idx" ON "search_changes" USING btree ("changed_at");--> statement-breakpoint
-- The change log search sources share (src/modules/search/change-log.ts). A source's statement-level
-- triggers call log_search_change('<source>', '<owner column>') with transition tables new_rows
-- and/or old_rows: the owners the statement touched are appended once each, and the app processes
-- are told on the channel search_changes (payload: the source). search_changed() does the same from
-- SQL for owners a trigger cannot name from its own rows.
CREATE FUNCTION "search_changed"(source text, owner_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "search_changes" ("source", "owner_id") SELECT source, o FROM unnest(owner_ids) AS o WHERE o IS NOT NULL;
  PERFORM pg_notify('search_changes', source);
END
$$ SET search_path = public;
--> statement-breakpoint
CREATE FUNCTION "log_search_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  source text := TG_ARGV[0];
  owner_column text := TG_ARGV[1];
  rel text;
BEGIN
  FOREACH rel IN ARRAY (CASE TG_OP WHEN 'INSERT' THEN ARRAY['new_rows'] WHEN 'DELETE' THEN ARRAY['old_rows'] ELSE ARRAY['new_rows', 'old_rows'] END) LOOP
    EXECUTE format(
      'INSERT INTO search_changes (source, owner_id) SELECT DISTINCT %L, %I::text FROM %I WHERE %I IS NOT NULL',
      source, owner_column, rel, owner_column);
  END LOOP;
  PERFORM pg_notify('search_changes', source);
  RETURN NULL;
END
$$ SET search_path = public;
