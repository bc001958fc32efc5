-- Extensions the platform relies on: trigram similarity and accent folding for search,
-- GiST over btree types for exclusion constraints (room bookings).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gist;
