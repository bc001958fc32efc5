CREATE TABLE "need_signals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid,
	"created_by" uuid,
	"api_token_id" uuid,
	"origin" text NOT NULL,
	"status" text NOT NULL,
	"theme_codes" text[] NOT NULL,
	"commune_nis" text NOT NULL,
	"quartier_code" integer,
	"target_group" text NOT NULL,
	"people_band" text NOT NULL,
	"seen_on" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	CONSTRAINT "need_signals_origin_known" CHECK ("need_signals"."origin" in ('member', 'visitor', 'api')),
	CONSTRAINT "need_signals_status_known" CHECK ("need_signals"."status" in ('published', 'pending', 'rejected')),
	CONSTRAINT "need_signals_group_known" CHECK ("need_signals"."target_group" in ('everyone', 'children', 'young_people', 'families', 'older_people', 'women', 'newcomers', 'undocumented', 'homeless', 'disability')),
	CONSTRAINT "need_signals_band_known" CHECK ("need_signals"."people_band" in ('1', '2_5', '6_20', '21_100', 'over_100')),
	CONSTRAINT "need_signals_themes" CHECK (cardinality("need_signals"."theme_codes") between 1 and 3),
	CONSTRAINT "need_signals_seen" CHECK ("need_signals"."seen_on" >= date '2000-01-01'),
	CONSTRAINT "need_signals_visitor_anonymous" CHECK ("need_signals"."origin" <> 'visitor' or "need_signals"."organisation_id" is null)
);
--> statement-breakpoint
CREATE INDEX "need_signals_status_idx" ON "need_signals" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "need_signals_organisation_idx" ON "need_signals" USING btree ("organisation_id","created_at");--> statement-breakpoint
ALTER TABLE "need_signals" ADD CONSTRAINT "need_signals_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "need_signals" ADD CONSTRAINT "need_signals_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "need_signals" ADD CONSTRAINT "need_signals_api_token_fk" FOREIGN KEY ("api_token_id") REFERENCES "public"."api_tokens"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "need_signals" ADD CONSTRAINT "need_signals_decided_by_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null;
