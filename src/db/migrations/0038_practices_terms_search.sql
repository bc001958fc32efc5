-- Good practices (knowledge/search/) and the glossary's terms (search/sources/glossary-terms.ts) as
-- search sources: every write to practices, glossary concepts and their labels logs the practice or
-- concept in search_changes (log_search_change, migration 0036).
CREATE TRIGGER "practices_search_insert" AFTER INSERT ON "practices" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('practices', 'id');
--> statement-breakpoint
CREATE TRIGGER "practices_search_update" AFTER UPDATE ON "practices" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('practices', 'id');
--> statement-breakpoint
CREATE TRIGGER "practices_search_delete" AFTER DELETE ON "practices" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('practices', 'id');
--> statement-breakpoint
CREATE TRIGGER "glossary_concepts_search_insert" AFTER INSERT ON "glossary_concepts" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('glossary-terms', 'id');
--> statement-breakpoint
CREATE TRIGGER "glossary_concepts_search_update" AFTER UPDATE ON "glossary_concepts" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('glossary-terms', 'id');
--> statement-breakpoint
CREATE TRIGGER "glossary_concepts_search_delete" AFTER DELETE ON "glossary_concepts" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('glossary-terms', 'id');
--> statement-breakpoint
CREATE TRIGGER "glossary_labels_search_insert" AFTER INSERT ON "glossary_labels" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('glossary-terms', 'concept_id');
--> statement-breakpoint
CREATE TRIGGER "glossary_labels_search_update" AFTER UPDATE ON "glossary_labels" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('glossary-terms', 'concept_id');
--> statement-breakpoint
CREATE TRIGGER "glossary_labels_search_delete" AFTER DELETE ON "glossary_labels" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('glossary-terms', 'concept_id');
