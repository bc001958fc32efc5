CREATE TABLE "exchange_call_follows" (
	"call_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"followed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reminded_far_at" timestamp with time zone,
	"reminded_near_at" timestamp with time zone,
	CONSTRAINT "exchange_call_follows_call_id_organisation_id_pk" PRIMARY KEY("call_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "exchange_call_help" (
	"post_id" uuid PRIMARY KEY NOT NULL,
	"call_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"publisher_id" uuid,
	"author_id" uuid,
	"funder" text NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"amount_min" integer,
	"amount_max" integer,
	"informal_eligible" boolean DEFAULT false NOT NULL,
	"kbo_required" boolean DEFAULT false NOT NULL,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"communes" text[] DEFAULT '{}' NOT NULL,
	"all_brussels" boolean DEFAULT true NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"time_zone" text DEFAULT 'Europe/Brussels' NOT NULL,
	"link" text NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"search_terms" "tsvector" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_calls_funder_known" CHECK ("exchange_calls"."funder" in ('vgc', 'cocof', 'cocom', 'region', 'federal', 'commune', 'foundation', 'eu', 'crowdfunding')),
	CONSTRAINT "exchange_calls_status_known" CHECK ("exchange_calls"."status" in ('published', 'withdrawn')),
	CONSTRAINT "exchange_calls_title_present" CHECK ("exchange_calls"."title" <> '{}'::jsonb),
	CONSTRAINT "exchange_calls_dates" CHECK ("exchange_calls"."closes_at" > "exchange_calls"."opens_at"),
	CONSTRAINT "exchange_calls_amounts" CHECK (coalesce("exchange_calls"."amount_min", 0) >= 0 and ("exchange_calls"."amount_min" is null or "exchange_calls"."amount_max" is null or "exchange_calls"."amount_min" <= "exchange_calls"."amount_max")),
	CONSTRAINT "exchange_calls_link" CHECK ("exchange_calls"."link" ~ '^https?://'),
	CONSTRAINT "exchange_calls_communes_codes" CHECK (array_to_string("exchange_calls"."communes", ',') ~ '^([0-9]{5}(,[0-9]{5})*)?$'),
	CONSTRAINT "exchange_calls_place" CHECK (("exchange_calls"."all_brussels" and cardinality("exchange_calls"."communes") = 0) or (not "exchange_calls"."all_brussels" and cardinality("exchange_calls"."communes") > 0)),
	CONSTRAINT "exchange_calls_version" CHECK ("exchange_calls"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "exchange_call_follows" ADD CONSTRAINT "exchange_call_follows_call_id_exchange_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."exchange_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_call_help" ADD CONSTRAINT "exchange_call_help_post_id_exchange_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."exchange_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_call_help" ADD CONSTRAINT "exchange_call_help_call_id_exchange_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."exchange_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exchange_call_follows_organisation_idx" ON "exchange_call_follows" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "exchange_call_follows_followed_by_idx" ON "exchange_call_follows" USING btree ("followed_by");--> statement-breakpoint
CREATE INDEX "exchange_call_help_call_idx" ON "exchange_call_help" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "exchange_calls_calendar_idx" ON "exchange_calls" USING btree ("closes_at","id") WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "exchange_calls_publisher_idx" ON "exchange_calls" USING btree ("publisher_id");--> statement-breakpoint
CREATE INDEX "exchange_calls_author_idx" ON "exchange_calls" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "exchange_calls_withdrawn_by_idx" ON "exchange_calls" USING btree ("withdrawn_by");--> statement-breakpoint
CREATE INDEX "exchange_calls_terms_idx" ON "exchange_calls" USING gin ("search_terms");--> statement-breakpoint
CREATE INDEX "exchange_calls_communes_idx" ON "exchange_calls" USING gin ("communes");--> statement-breakpoint
ALTER TABLE "exchange_calls" ADD CONSTRAINT "exchange_calls_publisher_fk" FOREIGN KEY ("publisher_id") REFERENCES "public"."organisations"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "exchange_calls" ADD CONSTRAINT "exchange_calls_author_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "exchange_calls" ADD CONSTRAINT "exchange_calls_withdrawn_by_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "exchange_call_follows" ADD CONSTRAINT "exchange_call_follows_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade;--> statement-breakpoint
ALTER TABLE "exchange_call_follows" ADD CONSTRAINT "exchange_call_follows_followed_by_fk" FOREIGN KEY ("followed_by") REFERENCES "public"."users"("id") ON DELETE set null;
