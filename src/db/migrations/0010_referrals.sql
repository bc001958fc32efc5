CREATE TYPE "public"."referral_consent_method" AS ENUM('spoken', 'signed', 'written_message');--> statement-breakpoint
CREATE TYPE "public"."referral_contact_channel" AS ENUM('phone', 'sms', 'email', 'in_person', 'through_sender');--> statement-breakpoint
CREATE TYPE "public"."referral_decline_reason" AS ENUM('no_capacity', 'not_eligible', 'out_of_scope', 'could_not_contact', 'referred_elsewhere');--> statement-breakpoint
CREATE TYPE "public"."referral_event_kind" AS ENUM('created', 'send', 'accept', 'decline', 'start', 'complete', 'cancel', 'expired', 'reminded', 'message', 'consent_withdrawn', 'purged');--> statement-breakpoint
CREATE TYPE "public"."referral_outcome" AS ENUM('helped', 'partly_helped', 'not_helped', 'came_back', 'no_longer_interested');--> statement-breakpoint
CREATE TYPE "public"."referral_status" AS ENUM('draft', 'sent', 'accepted', 'declined', 'in_progress', 'completed', 'cancelled', 'expired');--> statement-breakpoint
CREATE TYPE "public"."referral_urgency" AS ENUM('routine', 'this_week', 'urgent');--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "referral_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"referral_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" "referral_event_kind" NOT NULL,
	"actor_id" uuid,
	"actor_organisation_id" uuid,
	"api_token_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"body" text
);
--> statement-breakpoint
CREATE TABLE "referral_reads" (
	"referral_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "referral_reads_referral_id_user_id_pk" PRIMARY KEY("referral_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_organisation_id" uuid NOT NULL,
	"to_organisation_id" uuid NOT NULL,
	"service_id" uuid,
	"from_kind" text NOT NULL,
	"to_kind" text NOT NULL,
	"status" "referral_status" NOT NULL,
	"theme_code" text NOT NULL,
	"commune_nis" text,
	"urgency" "referral_urgency" NOT NULL,
	"person_name" text,
	"person_languages" text[],
	"contact_channel" "referral_contact_channel",
	"contact_detail" text,
	"need" text,
	"consent_method" "referral_consent_method",
	"consent_purpose" text,
	"consent_until" date,
	"consent_recorded_by" uuid,
	"decline_reason" "referral_decline_reason",
	"outcome" "referral_outcome",
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"first_answer_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"consent_withdrawn_at" timestamp with time zone,
	"purged_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "referrals_two_organisations" CHECK ("referrals"."from_organisation_id" <> "referrals"."to_organisation_id"),
	CONSTRAINT "referrals_person_until_purged" CHECK ("referrals"."purged_at" is not null or ("referrals"."person_name" is not null and "referrals"."need" is not null and "referrals"."consent_purpose" is not null)),
	CONSTRAINT "referrals_outcome_when_completed" CHECK (("referrals"."status" = 'completed') = ("referrals"."outcome" is not null))
);
--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_reads" ADD CONSTRAINT "referral_reads_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_key" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_organisation_idx" ON "api_tokens" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "referral_events_referral_idx" ON "referral_events" USING btree ("referral_id","seq");--> statement-breakpoint
CREATE INDEX "referrals_from_idx" ON "referrals" USING btree ("from_organisation_id","updated_at");--> statement-breakpoint
CREATE INDEX "referrals_to_idx" ON "referrals" USING btree ("to_organisation_id","updated_at") WHERE sent_at is not null;--> statement-breakpoint
CREATE INDEX "referrals_waiting_idx" ON "referrals" USING btree ("sent_at") WHERE status = 'sent';--> statement-breakpoint
CREATE INDEX "referrals_to_purge_idx" ON "referrals" USING btree ("closed_at") WHERE purged_at is null;--> statement-breakpoint
-- References to other modules' tables, kept out of the Drizzle schema so modules stay apart.
-- Organisations with referrals are not deleted by accident: the statistics need them.
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_from_organisation_fk" FOREIGN KEY ("from_organisation_id") REFERENCES "organisations"("id") ON DELETE restrict;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_to_organisation_fk" FOREIGN KEY ("to_organisation_id") REFERENCES "organisations"("id") ON DELETE restrict;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_service_fk" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "referral_reads" ADD CONSTRAINT "referral_reads_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE cascade;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE cascade;
