CREATE TABLE "exchange_edition" (
	"id" integer PRIMARY KEY NOT NULL,
	"edition" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "exchange_calls" ADD COLUMN "is_demo" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
INSERT INTO "exchange_edition" ("id", "edition") VALUES (1, 0);
--> statement-breakpoint
-- Raised once per transaction that changed posts or calls, at its commit (a deferred trigger, so the
-- row is locked only while the transaction commits, after all its other statements: no deadlock
-- with them), and by a TRUNCATE at once.
CREATE FUNCTION "exchange_edition_moves"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' OR current_setting('passerelle.exchange_edition_moved', true) IS DISTINCT FROM 'yes' THEN
    IF TG_OP <> 'TRUNCATE' THEN
      PERFORM set_config('passerelle.exchange_edition_moved', 'yes', true);
    END IF;
    -- Made again if it was ever deleted, so pages never stay on a number that no longer moves.
    INSERT INTO "exchange_edition" ("id", "edition") VALUES (1, 1)
      ON CONFLICT ("id") DO UPDATE SET "edition" = ("exchange_edition"."edition" + 1) % 2000000000;
  END IF;
  RETURN NULL;
END
$$ SET search_path = public;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "exchange_posts_edition" AFTER INSERT OR UPDATE OR DELETE ON "exchange_posts"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "exchange_edition_moves"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "exchange_calls_edition" AFTER INSERT OR UPDATE OR DELETE ON "exchange_calls"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "exchange_edition_moves"();
--> statement-breakpoint
CREATE TRIGGER "exchange_posts_truncated" AFTER TRUNCATE ON "exchange_posts"
  FOR EACH STATEMENT EXECUTE FUNCTION "exchange_edition_moves"();
--> statement-breakpoint
CREATE TRIGGER "exchange_calls_truncated" AFTER TRUNCATE ON "exchange_calls"
  FOR EACH STATEMENT EXECUTE FUNCTION "exchange_edition_moves"();
--> statement-breakpoint
-- The older triggers' functions name their tables without a schema: a restore tool that empties the
-- search path (pg_restore, psql on a dump) would fail in them. They run with the app's schema now.
ALTER FUNCTION "log_directory_change"() SET search_path = public;
--> statement-breakpoint
ALTER FUNCTION "notify_agenda_change"() SET search_path = public;
--> statement-breakpoint
ALTER FUNCTION "notify_agenda_places"() SET search_path = public;
