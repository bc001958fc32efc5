-- A registration changes only a date's places taken and waiting list. Reloading its event in every
-- app process at each one halved how many registrations a process takes, so such a change now comes
-- with its numbers ("<event id>/<date id>/<confirmed>/<waitlisted>") and each process applies them
-- without a query (src/modules/network/agenda/agenda-live.ts). Other changes of a date still send the
-- event's id.
DROP TRIGGER event_occurrences_agenda_update ON event_occurrences;
--> statement-breakpoint
CREATE TRIGGER event_occurrences_agenda_update AFTER UPDATE ON event_occurrences FOR EACH ROW
  WHEN (OLD.starts_at IS DISTINCT FROM NEW.starts_at OR OLD.ends_at IS DISTINCT FROM NEW.ends_at
    OR OLD.cancelled_at IS DISTINCT FROM NEW.cancelled_at)
  EXECUTE FUNCTION notify_agenda_change('event_id');
--> statement-breakpoint
CREATE FUNCTION notify_agenda_places() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('network_agenda', NEW.event_id || '/' || NEW.id || '/' || NEW.confirmed || '/' || NEW.waitlisted);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER event_occurrences_agenda_places AFTER UPDATE ON event_occurrences FOR EACH ROW
  WHEN (OLD.confirmed IS DISTINCT FROM NEW.confirmed OR OLD.waitlisted IS DISTINCT FROM NEW.waitlisted)
  EXECUTE FUNCTION notify_agenda_places();
