CREATE TABLE "directory_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "directory_changes_changed_at_idx" ON "directory_changes" USING btree ("changed_at");--> statement-breakpoint
-- Every write to the directory appends the organisations it touched to directory_changes and
-- notifies the app processes, which then refresh those organisations in their search index.
-- Statement-level triggers with transition tables: a bulk import writes one row per organisation
-- and statement, not one per row.
CREATE FUNCTION log_directory_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  key text := TG_ARGV[0];
  rel text;
BEGIN
  FOREACH rel IN ARRAY (CASE TG_OP WHEN 'INSERT' THEN ARRAY['new_rows'] WHEN 'DELETE' THEN ARRAY['old_rows'] ELSE ARRAY['new_rows', 'old_rows'] END) LOOP
    EXECUTE format(CASE key
      WHEN 'id' THEN 'INSERT INTO directory_changes (organisation_id) SELECT DISTINCT id FROM %I'
      WHEN 'organisation_id' THEN 'INSERT INTO directory_changes (organisation_id) SELECT DISTINCT organisation_id FROM %I'
      ELSE 'INSERT INTO directory_changes (organisation_id) SELECT DISTINCT s.organisation_id FROM %I r JOIN services s ON s.id = r.service_id'
    END, rel);
  END LOOP;
  PERFORM pg_notify('directory_changes', '');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER organisations_changes_insert AFTER INSERT ON organisations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_directory_change('id');
--> statement-breakpoint
CREATE TRIGGER organisations_changes_update AFTER UPDATE ON organisations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_directory_change('id');
--> statement-breakpoint
CREATE TRIGGER organisations_changes_delete AFTER DELETE ON organisations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_directory_change('id');
--> statement-breakpoint
CREATE TRIGGER services_changes_insert AFTER INSERT ON services REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_directory_change('organisation_id');
--> statement-breakpoint
CREATE TRIGGER services_changes_update AFTER UPDATE ON services REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_directory_change('organisation_id');
--> statement-breakpoint
CREATE TRIGGER services_changes_delete AFTER DELETE ON services REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_directory_change('organisation_id');
--> statement-breakpoint
CREATE TRIGGER locations_changes_insert AFTER INSERT ON locations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_directory_change('organisation_id');
--> statement-breakpoint
CREATE TRIGGER locations_changes_update AFTER UPDATE ON locations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_directory_change('organisation_id');
--> statement-breakpoint
CREATE TRIGGER locations_changes_delete AFTER DELETE ON locations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_directory_change('organisation_id');
--> statement-breakpoint
CREATE TRIGGER service_at_locations_changes_insert AFTER INSERT ON service_at_locations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_directory_change('service_id');
--> statement-breakpoint
CREATE TRIGGER service_at_locations_changes_update AFTER UPDATE ON service_at_locations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_directory_change('service_id');
--> statement-breakpoint
CREATE TRIGGER service_at_locations_changes_delete AFTER DELETE ON service_at_locations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_directory_change('service_id');
--> statement-breakpoint
CREATE TRIGGER schedules_changes_insert AFTER INSERT ON schedules REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_directory_change('service_id');
--> statement-breakpoint
CREATE TRIGGER schedules_changes_update AFTER UPDATE ON schedules REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_directory_change('service_id');
--> statement-breakpoint
CREATE TRIGGER schedules_changes_delete AFTER DELETE ON schedules REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_directory_change('service_id');
--> statement-breakpoint
CREATE TRIGGER schedule_exceptions_changes_insert AFTER INSERT ON schedule_exceptions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_directory_change('service_id');
--> statement-breakpoint
CREATE TRIGGER schedule_exceptions_changes_update AFTER UPDATE ON schedule_exceptions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_directory_change('service_id');
--> statement-breakpoint
CREATE TRIGGER schedule_exceptions_changes_delete AFTER DELETE ON schedule_exceptions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_directory_change('service_id');
--> statement-breakpoint
CREATE TRIGGER service_themes_changes_insert AFTER INSERT ON service_themes REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_directory_change('service_id');
--> statement-breakpoint
CREATE TRIGGER service_themes_changes_update AFTER UPDATE ON service_themes REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_directory_change('service_id');
--> statement-breakpoint
CREATE TRIGGER service_themes_changes_delete AFTER DELETE ON service_themes REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_directory_change('service_id');
--> statement-breakpoint
CREATE TRIGGER contacts_changes_insert AFTER INSERT ON contacts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_directory_change('organisation_id');
--> statement-breakpoint
CREATE TRIGGER contacts_changes_update AFTER UPDATE ON contacts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_directory_change('organisation_id');
--> statement-breakpoint
CREATE TRIGGER contacts_changes_delete AFTER DELETE ON contacts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_directory_change('organisation_id');
--> statement-breakpoint
CREATE TRIGGER phones_changes_insert AFTER INSERT ON phones REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_directory_change('organisation_id');
--> statement-breakpoint
CREATE TRIGGER phones_changes_update AFTER UPDATE ON phones REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_directory_change('organisation_id');
--> statement-breakpoint
CREATE TRIGGER phones_changes_delete AFTER DELETE ON phones REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_directory_change('organisation_id');
