CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"room_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"requested_by" uuid,
	"api_token_id" uuid,
	"period" "tstzrange" NOT NULL,
	"attendees" integer NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"series_id" uuid,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bookings_status_known" CHECK ("bookings"."status" in ('requested', 'confirmed', 'declined', 'cancelled')),
	CONSTRAINT "bookings_period" CHECK (not isempty("bookings"."period") and not lower_inf("bookings"."period") and not upper_inf("bookings"."period")),
	CONSTRAINT "bookings_attendees" CHECK (attendees between 1 and 1000)
);
--> statement-breakpoint
CREATE TABLE "room_availability" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"room_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"rule" text NOT NULL,
	"minutes" integer NOT NULL,
	"note" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "room_availability_kind_known" CHECK ("room_availability"."kind" in ('open', 'closed')),
	CONSTRAINT "room_availability_minutes" CHECK ("room_availability"."minutes" between 1 and 527040),
	CONSTRAINT "room_availability_rule" CHECK ("room_availability"."rule" ~ '^DTSTART:[0-9]{8}T[0-9]{6}\nRRULE:FREQ=')
);
--> statement-breakpoint
CREATE TABLE "rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"capacity" integer NOT NULL,
	"floor_area" integer,
	"accessibility" text[] DEFAULT '{}' NOT NULL,
	"equipment" text[] DEFAULT '{}' NOT NULL,
	"hourly_price_cents" integer DEFAULT 0 NOT NULL,
	"conditions" text[] DEFAULT '{}' NOT NULL,
	"conditions_note" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"who_may_ask" text DEFAULT 'any_organisation' NOT NULL,
	"monthly_quota_hours" integer,
	"contact_name" text,
	"contact_email" text,
	"contact_phone" text,
	"min_minutes" integer DEFAULT 60 NOT NULL,
	"max_minutes" integer DEFAULT 240 NOT NULL,
	"notice_hours" integer DEFAULT 24 NOT NULL,
	"confirmation" text DEFAULT 'approval' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rooms_name_present" CHECK ("rooms"."name" <> '{}'::jsonb),
	CONSTRAINT "rooms_capacity" CHECK (capacity between 1 and 1000),
	CONSTRAINT "rooms_floor_area" CHECK (floor_area between 1 and 10000),
	CONSTRAINT "rooms_price" CHECK (hourly_price_cents between 0 and 100000),
	CONSTRAINT "rooms_quota" CHECK (monthly_quota_hours between 1 and 744),
	CONSTRAINT "rooms_lengths" CHECK ("rooms"."min_minutes" >= 15
      and "rooms"."min_minutes" <= "rooms"."max_minutes" and "rooms"."max_minutes" <= 1440),
	CONSTRAINT "rooms_notice" CHECK (notice_hours between 0 and 2160),
	CONSTRAINT "rooms_accessibility_known" CHECK (accessibility <@ ARRAY['step_free','accessible_toilet','hearing_loop']::text[]),
	CONSTRAINT "rooms_equipment_known" CHECK (equipment <@ ARRAY['tables_chairs','projector','screen','wifi','kitchen','sound_system','whiteboard','childrens_corner']::text[]),
	CONSTRAINT "rooms_conditions_known" CHECK (conditions <@ ARRAY['residents_may_join','no_alcohol','key_from_reception','leave_tidy','no_smoking','insurance_needed']::text[]),
	CONSTRAINT "rooms_who_known" CHECK ("rooms"."who_may_ask" in ('any_organisation', 'formal_organisations', 'verified_organisations')),
	CONSTRAINT "rooms_confirmation_known" CHECK ("rooms"."confirmation" in ('at_once', 'approval'))
);
--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_availability" ADD CONSTRAINT "room_availability_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bookings_organisation_idx" ON "bookings" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "bookings_series_idx" ON "bookings" USING btree ("series_id");--> statement-breakpoint
CREATE INDEX "room_availability_room_idx" ON "room_availability" USING btree ("room_id");--> statement-breakpoint
CREATE INDEX "rooms_organisation_idx" ON "rooms" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "rooms_location_idx" ON "rooms" USING btree ("location_id");--> statement-breakpoint
-- Written by hand (Drizzle cannot say these): GiST over uuid for the exclusion constraint (also in
-- 0000), the rule that two confirmed bookings of one room never overlap, and the foreign keys to
-- other modules' tables.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_overlap" EXCLUDE USING gist ("room_id" WITH =, "period" WITH &&) WHERE ("status" = 'confirmed');--> statement-breakpoint
CREATE INDEX "bookings_room_period_idx" ON "bookings" USING gist ("room_id", "period") WHERE "status" IN ('requested', 'confirmed');--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_location_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_requested_by_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_api_token_fk" FOREIGN KEY ("api_token_id") REFERENCES "public"."api_tokens"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_decided_by_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null;
