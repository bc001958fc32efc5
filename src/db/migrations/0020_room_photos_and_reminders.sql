CREATE TABLE "room_feed_keys" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "room_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"room_id" uuid NOT NULL,
	"content_type" text NOT NULL,
	"data" "bytea" NOT NULL,
	"small_data" "bytea" NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"caption" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "bookings_confirmed_period_idx";--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "room_photos" ADD CONSTRAINT "room_photos_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "room_photos_room_idx" ON "room_photos" USING btree ("room_id","position");--> statement-breakpoint
CREATE INDEX "bookings_confirmed_period_idx" ON "bookings" USING gist ("period") INCLUDE ("room_id") WHERE status = 'confirmed';--> statement-breakpoint
ALTER TABLE "room_photos" ADD CONSTRAINT "room_photos_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null;--> statement-breakpoint
-- The reminder job looks for confirmed bookings starting tomorrow that nobody was reminded of.
CREATE INDEX "bookings_to_remind_idx" ON "bookings" USING btree (lower("period")) WHERE "status" = 'confirmed' AND "reminded_at" IS NULL;
--> statement-breakpoint
-- A place with rooms is not removed with its rooms and their bookings: removing it is refused
-- (NO ACTION, checked at the end of the statement, so removing a whole organisation, which takes its
-- rooms along, still works).
ALTER TABLE "rooms" DROP CONSTRAINT "rooms_location_fk";--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_location_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action;
--> statement-breakpoint
ALTER TABLE "room_feed_keys" ADD CONSTRAINT "room_feed_keys_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade;--> statement-breakpoint
ALTER TABLE "room_feed_keys" ADD CONSTRAINT "room_feed_keys_changed_by_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null;
