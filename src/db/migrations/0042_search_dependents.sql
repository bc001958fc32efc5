-- Hand-written, self-contained (issue 19): documents that show another module's row change when that
-- row does. An event's, offer's, call's, practice's or room's card shows its organisation's name,
-- and a room's its place (a directory location); the trigger of the source's own table does not fire
-- when those change. Each module's section below logs its dependent documents; the function is the
-- search module's, like log_search_change (0036).
--
-- log_search_change_via('<source>', '<dependent table>', '<its column naming the changed row>',
-- '<columns of the changed row that the documents show, comma-separated>'): a statement-level AFTER
-- UPDATE trigger with transition tables old_rows and new_rows; the dependents of the rows whose shown
-- columns changed are logged with search_changed(), nothing when none did (a rename only, not every
-- save of an organisation).
CREATE FUNCTION "log_search_change_via"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  source text := TG_ARGV[0];
  dependents text := TG_ARGV[1];
  link text := TG_ARGV[2];
  changed text;
  ids text[];
BEGIN
  SELECT string_agg(format('o.%1$I IS DISTINCT FROM n.%1$I', c), ' OR ')
    INTO changed FROM unnest(string_to_array(TG_ARGV[3], ',')) AS c;
  EXECUTE format(
    'SELECT array_agg(DISTINCT d.id::text) FROM %I d JOIN new_rows n ON n.id = d.%I JOIN old_rows o ON o.id = n.id WHERE %s',
    dependents, link, changed) INTO ids;
  IF ids IS NOT NULL THEN
    PERFORM search_changed(source, ids);
  END IF;
  RETURN NULL;
END
$$ SET search_path = public;
--> statement-breakpoint
-- network: an event shows its organisation's name (events-source.ts).
CREATE TRIGGER "organisations_search_events" AFTER UPDATE ON "organisations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change_via('events', 'events', 'organisation_id', 'name');
--> statement-breakpoint
-- knowledge: a practice shows its organisation's name (practices-source.ts).
CREATE TRIGGER "organisations_search_practices" AFTER UPDATE ON "organisations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change_via('practices', 'practices', 'organisation_id', 'name');
--> statement-breakpoint
-- exchange: an offer shows its organisation's name, a call its publisher's (offers-source.ts, calls-source.ts).
CREATE TRIGGER "organisations_search_offers" AFTER UPDATE ON "organisations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change_via('offers', 'exchange_posts', 'organisation_id', 'name');
--> statement-breakpoint
CREATE TRIGGER "organisations_search_calls" AFTER UPDATE ON "organisations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change_via('calls', 'exchange_calls', 'publisher_id', 'name');
--> statement-breakpoint
-- spaces: a room shows its organisation's name and its place's commune, address and point (rooms-source.ts).
CREATE TRIGGER "organisations_search_rooms" AFTER UPDATE ON "organisations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change_via('rooms', 'rooms', 'organisation_id', 'name');
--> statement-breakpoint
CREATE TRIGGER "locations_search_rooms" AFTER UPDATE ON "locations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change_via('rooms', 'rooms', 'location_id', 'commune_nis,address,postcode,latitude,longitude');
