CREATE TABLE "listing_versions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"changes" jsonb NOT NULL,
	"rolled_back" bigint
);
--> statement-breakpoint
CREATE INDEX "listing_versions_organisation_idx" ON "listing_versions" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE INDEX "listing_versions_record_idx" ON "listing_versions" USING btree ("record_type","record_id","id");