CREATE TABLE "directory_edition" (
	"id" integer PRIMARY KEY NOT NULL,
	"edition" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO "directory_edition" ("id", "edition") VALUES (1, 0);
--> statement-breakpoint
-- Raised once per transaction that changed anything an organisation's or a service's page shows (the
-- listing's tables, the themes' names, vouches, logos), at its commit: a deferred trigger, as the
-- exchange's edition (0035), so the row is locked only while the transaction commits. A TRUNCATE
-- raises it at once.
CREATE FUNCTION "directory_edition_moves"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' OR current_setting('passerelle.directory_edition_moved', true) IS DISTINCT FROM 'yes' THEN
    IF TG_OP <> 'TRUNCATE' THEN
      PERFORM set_config('passerelle.directory_edition_moved', 'yes', true);
    END IF;
    -- Made again if it was ever deleted, so pages never stay on a number that no longer moves.
    INSERT INTO "directory_edition" ("id", "edition") VALUES (1, 1)
      ON CONFLICT ("id") DO UPDATE SET "edition" = ("directory_edition"."edition" + 1) % 2000000000;
  END IF;
  RETURN NULL;
END
$$ SET search_path = public;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['organisations', 'services', 'locations', 'service_at_locations', 'schedules',
    'schedule_exceptions', 'service_themes', 'contacts', 'phones', 'taxonomy_terms', 'vouches',
    'organisation_logos'] LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION directory_edition_moves()', t || '_edition', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION directory_edition_moves()',
      t || '_edition_truncated', t);
  END LOOP;
END
$$;
