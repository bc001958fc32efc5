CREATE TABLE "listing_confirmations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "listing_confirmations" ADD CONSTRAINT "listing_confirmations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "listing_confirmations_token_key" ON "listing_confirmations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "listing_confirmations_organisation_idx" ON "listing_confirmations" USING btree ("organisation_id","created_at");