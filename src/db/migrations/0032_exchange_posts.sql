CREATE TABLE "exchange_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"author_id" uuid,
	"direction" text NOT NULL,
	"kind" text NOT NULL,
	"title" jsonb NOT NULL,
	"body" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"communes" text[] DEFAULT '{}' NOT NULL,
	"all_brussels" boolean DEFAULT false NOT NULL,
	"until" date NOT NULL,
	"informal_may_answer" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"fulfilled_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"reminded_at" timestamp with time zone,
	"edited_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"search_terms" "tsvector" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_posts_direction_known" CHECK ("exchange_posts"."direction" in ('offer', 'request')),
	CONSTRAINT "exchange_posts_kind_known" CHECK ("exchange_posts"."kind" in ('volunteers', 'interpreting', 'room_or_material', 'expertise', 'transport', 'other')),
	CONSTRAINT "exchange_posts_status_known" CHECK ("exchange_posts"."status" in ('open', 'fulfilled', 'closed', 'expired')),
	CONSTRAINT "exchange_posts_title_present" CHECK ("exchange_posts"."title" <> '{}'::jsonb),
	CONSTRAINT "exchange_posts_languages_codes" CHECK (array_to_string("exchange_posts"."languages", ',') ~ '^([a-z]{2,3}(,[a-z]{2,3})*)?$'),
	CONSTRAINT "exchange_posts_communes_codes" CHECK (array_to_string("exchange_posts"."communes", ',') ~ '^([0-9]{5}(,[0-9]{5})*)?$'),
	CONSTRAINT "exchange_posts_place" CHECK (("exchange_posts"."all_brussels" and cardinality("exchange_posts"."communes") = 0) or (not "exchange_posts"."all_brussels" and cardinality("exchange_posts"."communes") > 0)),
	CONSTRAINT "exchange_posts_interpreting_languages" CHECK ("exchange_posts"."kind" <> 'interpreting' or cardinality("exchange_posts"."languages") > 0),
	CONSTRAINT "exchange_posts_fulfilled_at" CHECK ("exchange_posts"."status" <> 'fulfilled' or "exchange_posts"."fulfilled_at" is not null),
	CONSTRAINT "exchange_posts_version" CHECK ("exchange_posts"."version" >= 1)
);
--> statement-breakpoint
CREATE INDEX "exchange_posts_board_idx" ON "exchange_posts" USING btree ("created_at") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "exchange_posts_match_idx" ON "exchange_posts" USING btree ("kind","direction","until","all_brussels","created_at","id","organisation_id","languages","themes","communes") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "exchange_posts_organisation_idx" ON "exchange_posts" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "exchange_posts_until_idx" ON "exchange_posts" USING btree ("until") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "exchange_posts_terms_idx" ON "exchange_posts" USING gin ("search_terms");--> statement-breakpoint
CREATE INDEX "exchange_posts_languages_idx" ON "exchange_posts" USING gin ("languages");--> statement-breakpoint
CREATE INDEX "exchange_posts_themes_idx" ON "exchange_posts" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "exchange_posts_communes_idx" ON "exchange_posts" USING gin ("communes");--> statement-breakpoint
CREATE INDEX "exchange_posts_author_idx" ON "exchange_posts" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "exchange_posts_closed_by_idx" ON "exchange_posts" USING btree ("closed_by");--> statement-breakpoint
ALTER TABLE "exchange_posts" ADD CONSTRAINT "exchange_posts_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade;--> statement-breakpoint
ALTER TABLE "exchange_posts" ADD CONSTRAINT "exchange_posts_author_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "exchange_posts" ADD CONSTRAINT "exchange_posts_closed_by_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE set null;
