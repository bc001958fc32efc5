-- Each app process keeps the agenda's dates in memory (src/modules/network/agenda/agenda-calendar.ts).
-- A change to an event, or to what the agenda shows of one of its dates (times, called off, places
-- taken), notifies every process with the event's id, and each reloads that event. Identical
-- notifications within a transaction are sent once, so a date's hundred registrations in one
-- transaction or an event's hundred dates notify once.
CREATE FUNCTION notify_agenda_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('network_agenda', COALESCE(to_jsonb(NEW), to_jsonb(OLD)) ->> TG_ARGV[0]);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER events_agenda_change AFTER INSERT OR UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION notify_agenda_change('id');
--> statement-breakpoint
CREATE TRIGGER event_occurrences_agenda_insert_delete AFTER INSERT OR DELETE ON event_occurrences FOR EACH ROW EXECUTE FUNCTION notify_agenda_change('event_id');
--> statement-breakpoint
CREATE TRIGGER event_occurrences_agenda_update AFTER UPDATE ON event_occurrences FOR EACH ROW
  WHEN (OLD.starts_at IS DISTINCT FROM NEW.starts_at OR OLD.ends_at IS DISTINCT FROM NEW.ends_at
    OR OLD.cancelled_at IS DISTINCT FROM NEW.cancelled_at OR OLD.confirmed IS DISTINCT FROM NEW.confirmed
    OR OLD.waitlisted IS DISTINCT FROM NEW.waitlisted)
  EXECUTE FUNCTION notify_agenda_change('event_id');
