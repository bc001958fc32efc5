CREATE TYPE "public"."organisation_kind" AS ENUM('formal', 'self_organisation', 'citizen_initiative', 'faith_community', 'sports_culture_club', 'public_service');--> statement-breakpoint
CREATE TYPE "public"."phone_type" AS ENUM('voice', 'cell', 'text', 'fax', 'video', 'textphone');--> statement-breakpoint
CREATE TYPE "public"."service_status" AS ENUM('active', 'temporarily_closed', 'inactive', 'defunct');--> statement-breakpoint
CREATE TYPE "public"."verification_state" AS ENUM('unverified', 'verified');--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"service_id" uuid,
	"name" text NOT NULL,
	"title" jsonb,
	"email" text,
	"phone" text,
	"languages" text[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" jsonb,
	"description" jsonb,
	"address" text,
	"postcode" text,
	"locality" text,
	"latitude" double precision,
	"longitude" double precision,
	"commune_nis" text,
	"quartier_code" integer,
	"accessibility" jsonb,
	"transport" jsonb,
	"provenance_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "locations_latitude_range" CHECK ("locations"."latitude" between -90 and 90),
	CONSTRAINT "locations_longitude_range" CHECK ("locations"."longitude" between -180 and 180),
	CONSTRAINT "locations_coordinates_paired" CHECK (("locations"."latitude" is null) = ("locations"."longitude" is null))
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" jsonb NOT NULL,
	"alternate_name" jsonb,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"email" text,
	"website" text,
	"kind" "organisation_kind" NOT NULL,
	"communities" text[] DEFAULT '{}' NOT NULL,
	"kbo_number" text,
	"legal_status" text,
	"year_incorporated" smallint,
	"verification" "verification_state" DEFAULT 'unverified' NOT NULL,
	"verified_at" timestamp with time zone,
	"last_confirmed_at" date,
	"provenance_source" text DEFAULT 'passerelle' NOT NULL,
	"provenance_id" text,
	"provenance_imported_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_kbo_format" CHECK ("organisations"."kbo_number" ~ '^[01][0-9]{9}$'),
	CONSTRAINT "organisations_communities_known" CHECK (communities <@ ARRAY['VGC','COCOF','COCOM','federal']::text[]),
	CONSTRAINT "organisations_name_present" CHECK ("organisations"."name" <> '{}'::jsonb)
);
--> statement-breakpoint
CREATE TABLE "phones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"service_id" uuid,
	"location_id" uuid,
	"number" text NOT NULL,
	"type" "phone_type" DEFAULT 'voice' NOT NULL,
	"description" jsonb,
	"languages" text[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schedule_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"closed" boolean DEFAULT true NOT NULL,
	"opens_at" time,
	"closes_at" time,
	"note" jsonb,
	CONSTRAINT "schedule_exceptions_range" CHECK ("schedule_exceptions"."starts_on" <= "schedule_exceptions"."ends_on"),
	CONSTRAINT "schedule_exceptions_hours" CHECK ("schedule_exceptions"."closed" or ("schedule_exceptions"."opens_at" is not null and "schedule_exceptions"."closes_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"location_id" uuid,
	"weekday" smallint NOT NULL,
	"opens_at" time NOT NULL,
	"closes_at" time NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"note" jsonb,
	CONSTRAINT "schedules_weekday_range" CHECK ("schedules"."weekday" between 1 and 7),
	CONSTRAINT "schedules_valid_range" CHECK ("schedules"."valid_to" is null or "schedules"."valid_from" is null or "schedules"."valid_from" <= "schedules"."valid_to")
);
--> statement-breakpoint
CREATE TABLE "service_at_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"description" jsonb
);
--> statement-breakpoint
CREATE TABLE "service_themes" (
	"service_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	CONSTRAINT "service_themes_service_id_term_id_pk" PRIMARY KEY("service_id","term_id")
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" jsonb NOT NULL,
	"alternate_name" jsonb,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"url" text,
	"email" text,
	"status" "service_status" DEFAULT 'active' NOT NULL,
	"application_process" jsonb,
	"fees_description" jsonb,
	"eligibility_description" jsonb,
	"target_groups" text[] DEFAULT '{}' NOT NULL,
	"access_conditions" text[] DEFAULT '{}' NOT NULL,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"closed_on_public_holidays" boolean DEFAULT true NOT NULL,
	"last_confirmed_at" date,
	"provenance_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "services_target_groups_known" CHECK (target_groups <@ ARRAY['everyone','children','youth','young_adults','families','women','men','seniors','newcomers','undocumented','asylum_seekers','homeless','disability','addiction','low_income','jobseekers','students','lgbtqi','victims_of_violence','sex_workers','detainees','roma_travellers','carers']::text[]),
	CONSTRAINT "services_access_conditions_known" CHECK (access_conditions <@ ARRAY['free','no_appointment','anonymous','no_papers_needed','wheelchair_accessible']::text[]),
	CONSTRAINT "services_name_present" CHECK ("services"."name" <> '{}'::jsonb)
);
--> statement-breakpoint
CREATE TABLE "taxonomy_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"parent_code" text,
	"name" jsonb NOT NULL,
	"description" jsonb,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phones" ADD CONSTRAINT "phones_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phones" ADD CONSTRAINT "phones_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phones" ADD CONSTRAINT "phones_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_exceptions" ADD CONSTRAINT "schedule_exceptions_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_at_locations" ADD CONSTRAINT "service_at_locations_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_at_locations" ADD CONSTRAINT "service_at_locations_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_themes" ADD CONSTRAINT "service_themes_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_themes" ADD CONSTRAINT "service_themes_term_id_taxonomy_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."taxonomy_terms"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contacts_organisation_idx" ON "contacts" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "locations_organisation_idx" ON "locations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "locations_commune_idx" ON "locations" USING btree ("commune_nis");--> statement-breakpoint
CREATE UNIQUE INDEX "locations_provenance_key" ON "locations" USING btree ("organisation_id","provenance_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_kbo_number_key" ON "organisations" USING btree ("kbo_number");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_provenance_key" ON "organisations" USING btree ("provenance_source","provenance_id");--> statement-breakpoint
CREATE INDEX "organisations_kind_idx" ON "organisations" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "phones_organisation_idx" ON "phones" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "schedule_exceptions_service_idx" ON "schedule_exceptions" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "schedules_service_idx" ON "schedules" USING btree ("service_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_at_locations_pair_key" ON "service_at_locations" USING btree ("service_id","location_id");--> statement-breakpoint
CREATE INDEX "service_at_locations_location_idx" ON "service_at_locations" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "service_themes_term_idx" ON "service_themes" USING btree ("term_id");--> statement-breakpoint
CREATE INDEX "services_organisation_idx" ON "services" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "services_provenance_key" ON "services" USING btree ("organisation_id","provenance_id");--> statement-breakpoint
CREATE INDEX "services_languages_idx" ON "services" USING gin ("languages");--> statement-breakpoint
CREATE UNIQUE INDEX "taxonomy_terms_code_key" ON "taxonomy_terms" USING btree ("code");--> statement-breakpoint
CREATE INDEX "taxonomy_terms_parent_idx" ON "taxonomy_terms" USING btree ("parent_code");