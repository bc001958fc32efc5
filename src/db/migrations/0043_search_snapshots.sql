CREATE TABLE "search_snapshot_parts" (
	"source" text NOT NULL,
	"kind" text NOT NULL,
	"part" integer NOT NULL,
	"json" text,
	"data" "bytea",
	"checksum" text NOT NULL,
	CONSTRAINT "search_snapshot_parts_source_kind_part_pk" PRIMARY KEY("source","kind","part")
);
--> statement-breakpoint
CREATE TABLE "search_snapshots" (
	"source" text PRIMARY KEY NOT NULL,
	"analysis_key" text NOT NULL,
	"change_cursor" text NOT NULL,
	"cursor_read_at" timestamp with time zone NOT NULL,
	"built_at" timestamp with time zone NOT NULL,
	"documents" integer NOT NULL,
	"made_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "search_snapshot_parts" ADD CONSTRAINT "search_snapshot_parts_source_search_snapshots_source_fk" FOREIGN KEY ("source") REFERENCES "public"."search_snapshots"("source") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Hand-written (search snapshot, not generated): a part holds either JSON or binary data.
ALTER TABLE "search_snapshot_parts" ADD CONSTRAINT "search_snapshot_parts_one_content" CHECK (("json" IS NULL) <> ("data" IS NULL));--> statement-breakpoint
-- Hand-written: the snapshot is a cache that PostgreSQL's tables can always rebuild, rewritten every
-- few minutes while the index moves: unlogged, it stays out of the write-ahead log (and replicas);
-- after a crash it is empty and the next start is a full build. Parts first: a logged table may not
-- reference an unlogged one.
ALTER TABLE "search_snapshot_parts" SET UNLOGGED;--> statement-breakpoint
ALTER TABLE "search_snapshots" SET UNLOGGED;
