-- Rooms (spaces/search/), offers and funding calls (exchange/search/) as search sources: every write to
-- rooms, exchange posts and calls logs the room, post or call in search_changes (log_search_change,
-- migration 0036).
CREATE TRIGGER "rooms_search_insert" AFTER INSERT ON "rooms" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('rooms', 'id');
--> statement-breakpoint
CREATE TRIGGER "rooms_search_update" AFTER UPDATE ON "rooms" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('rooms', 'id');
--> statement-breakpoint
CREATE TRIGGER "rooms_search_delete" AFTER DELETE ON "rooms" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('rooms', 'id');
--> statement-breakpoint
CREATE TRIGGER "exchange_posts_search_insert" AFTER INSERT ON "exchange_posts" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('offers', 'id');
--> statement-breakpoint
CREATE TRIGGER "exchange_posts_search_update" AFTER UPDATE ON "exchange_posts" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('offers', 'id');
--> statement-breakpoint
CREATE TRIGGER "exchange_posts_search_delete" AFTER DELETE ON "exchange_posts" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('offers', 'id');
--> statement-breakpoint
CREATE TRIGGER "exchange_calls_search_insert" AFTER INSERT ON "exchange_calls" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('calls', 'id');
--> statement-breakpoint
CREATE TRIGGER "exchange_calls_search_update" AFTER UPDATE ON "exchange_calls" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('calls', 'id');
--> statement-breakpoint
CREATE TRIGGER "exchange_calls_search_delete" AFTER DELETE ON "exchange_calls" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_search_change('calls', 'id');
