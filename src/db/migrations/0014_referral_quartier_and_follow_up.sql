ALTER TYPE "public"."referral_event_kind" ADD VALUE 'referred_elsewhere';--> statement-breakpoint
ALTER TYPE "public"."referral_event_kind" ADD VALUE 'follows';--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "quartier_code" integer;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "follows_referral_id" uuid;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_follows_referral_fk" FOREIGN KEY ("follows_referral_id") REFERENCES "public"."referrals"("id") ON DELETE set null;--> statement-breakpoint
CREATE INDEX "referrals_follows_idx" ON "referrals" USING btree ("follows_referral_id") WHERE follows_referral_id is not null;
