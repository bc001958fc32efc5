CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"quartier_code" integer,
	"commune_nis" text,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_responses_place" CHECK (("survey_responses"."quartier_code" is null) = ("survey_responses"."commune_nis" is null))
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"organisation_id" uuid,
	"created_by" uuid,
	"title" jsonb NOT NULL,
	"intro" jsonb NOT NULL,
	"theme_code" text,
	"questions" jsonb NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"results_visibility" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surveys_slug_unique" UNIQUE("slug"),
	CONSTRAINT "surveys_visibility_known" CHECK ("surveys"."results_visibility" in ('while_open', 'after_close')),
	CONSTRAINT "surveys_questions" CHECK (jsonb_array_length("surveys"."questions") between 1 and 30),
	CONSTRAINT "surveys_dates" CHECK ("surveys"."closes_at" > "surveys"."opens_at")
);
--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_responses_survey_idx" ON "survey_responses" USING btree ("survey_id","submitted_at");--> statement-breakpoint
CREATE INDEX "surveys_organisation_idx" ON "surveys" USING btree ("organisation_id","created_at");--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_slug_shape" CHECK ("slug" ~ '^[A-Za-z0-9_-]{16,64}$');--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_title_given" CHECK ("title" <> '{}'::jsonb);
