-- The network's events and questions as search sources (network/search/): every write to events,
-- their dates, questions and answers logs the event or question in search_changes (log_search_change,
-- migration 0036), which every app process's search index follows.
CREATE TRIGGER "events_search_insert" AFTER INSERT ON "events" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('events', 'id');
--> statement-breakpoint
CREATE TRIGGER "events_search_update" AFTER UPDATE ON "events" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('events', 'id');
--> statement-breakpoint
CREATE TRIGGER "events_search_delete" AFTER DELETE ON "events" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('events', 'id');
--> statement-breakpoint
CREATE TRIGGER "event_occurrences_search_insert" AFTER INSERT ON "event_occurrences" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('events', 'event_id');
--> statement-breakpoint
CREATE TRIGGER "event_occurrences_search_update" AFTER UPDATE ON "event_occurrences" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('events', 'event_id');
--> statement-breakpoint
CREATE TRIGGER "event_occurrences_search_delete" AFTER DELETE ON "event_occurrences" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('events', 'event_id');
--> statement-breakpoint
CREATE TRIGGER "questions_search_insert" AFTER INSERT ON "questions" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('questions', 'id');
--> statement-breakpoint
CREATE TRIGGER "questions_search_update" AFTER UPDATE ON "questions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('questions', 'id');
--> statement-breakpoint
CREATE TRIGGER "questions_search_delete" AFTER DELETE ON "questions" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('questions', 'id');
--> statement-breakpoint
CREATE TRIGGER "answers_search_insert" AFTER INSERT ON "answers" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('questions', 'question_id');
--> statement-breakpoint
CREATE TRIGGER "answers_search_update" AFTER UPDATE ON "answers" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('questions', 'question_id');
--> statement-breakpoint
CREATE TRIGGER "answers_search_delete" AFTER DELETE ON "answers" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('questions', 'question_id');
