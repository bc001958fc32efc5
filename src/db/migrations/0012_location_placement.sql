ALTER TABLE "locations" ADD COLUMN "placement" text;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_placement_known" CHECK ("locations"."placement" in ('coordinates', 'street', 'postcode'));
