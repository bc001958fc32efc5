-- Hand-written (search snapshot): its parts are stored out of line but not compressed. A start reads
-- every part (about 150 MB at 100,000 documents); pglz's decompression of them was PostgreSQL's
-- largest cost in that read, and its compression the largest in each snapshot written, for about
-- half the space of a cache that is rewritten whole. Applies to parts written from now on.
ALTER TABLE "search_snapshot_parts" ALTER COLUMN "json" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "search_snapshot_parts" ALTER COLUMN "data" SET STORAGE EXTERNAL;
