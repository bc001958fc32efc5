CREATE TABLE "answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"question_id" uuid NOT NULL,
	"author_id" uuid,
	"organisation_id" uuid,
	"body" text NOT NULL,
	"language" text NOT NULL,
	"service_ids" uuid[] DEFAULT '{}' NOT NULL,
	"organisation_ids" uuid[] DEFAULT '{}' NOT NULL,
	"hidden_at" timestamp with time zone,
	"hidden_by" uuid,
	"hidden_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "answers_language_known" CHECK ("answers"."language" in ('nl', 'fr', 'en'))
);
--> statement-breakpoint
CREATE TABLE "event_occurrences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	"confirmed" integer DEFAULT 0 NOT NULL,
	"waitlisted" integer DEFAULT 0 NOT NULL,
	"reminded_at" timestamp with time zone,
	CONSTRAINT "event_occurrences_period" CHECK ("event_occurrences"."ends_at" > "event_occurrences"."starts_at"),
	CONSTRAINT "event_occurrences_counts" CHECK ("event_occurrences"."confirmed" >= 0 and "event_occurrences"."waitlisted" >= 0)
);
--> statement-breakpoint
CREATE TABLE "event_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"occurrence_id" uuid NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"locale" text NOT NULL,
	"status" text NOT NULL,
	"token_hash" "bytea" NOT NULL,
	"email_confirmed_at" timestamp with time zone,
	"placed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_registrations_status_known" CHECK ("event_registrations"."status" in ('unconfirmed', 'confirmed', 'waitlisted', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"place_kind" text NOT NULL,
	"location_id" uuid,
	"address" text,
	"commune_nis" text,
	"online_url" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"rule" text,
	"capacity" integer,
	"who_may_register" text DEFAULT 'everyone' NOT NULL,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"cancel_reason" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_kind_known" CHECK ("events"."kind" in ('network_day', 'job_shadowing', 'intervision', 'training', 'open_day', 'local_consultation')),
	CONSTRAINT "events_place_known" CHECK ("events"."place_kind" in ('place', 'address', 'online')),
	CONSTRAINT "events_who_known" CHECK ("events"."who_may_register" in ('everyone', 'members')),
	CONSTRAINT "events_status_known" CHECK ("events"."status" in ('published', 'cancelled')),
	CONSTRAINT "events_title_present" CHECK ("events"."title" <> '{}'::jsonb),
	CONSTRAINT "events_period" CHECK ("events"."ends_at" > "events"."starts_at"),
	CONSTRAINT "events_capacity" CHECK (capacity between 1 and 5000),
	CONSTRAINT "events_place" CHECK (("events"."place_kind" = 'place') = ("events"."location_id" is not null)
      and ("events"."place_kind" = 'address') = ("events"."address" is not null)
      and ("events"."place_kind" = 'online') = ("events"."online_url" is not null))
);
--> statement-breakpoint
CREATE TABLE "follow_digests" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"sent_up_to" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"theme_code" text,
	"question_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follows_one_thing" CHECK (("follows"."theme_code" is null) <> ("follows"."question_id" is null))
);
--> statement-breakpoint
CREATE TABLE "post_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"question_id" uuid,
	"answer_id" uuid,
	"reason" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"reported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	CONSTRAINT "post_reports_reason_known" CHECK ("post_reports"."reason" in ('spam', 'offensive', 'personal_data', 'wrong', 'other')),
	CONSTRAINT "post_reports_one_post" CHECK (("post_reports"."question_id" is null) <> ("post_reports"."answer_id" is null))
);
--> statement-breakpoint
CREATE TABLE "questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid,
	"organisation_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"language" text NOT NULL,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"commune_nis" text,
	"visibility" text DEFAULT 'everyone' NOT NULL,
	"accepted_answer_id" uuid,
	"answer_count" integer DEFAULT 0 NOT NULL,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"hidden_at" timestamp with time zone,
	"hidden_by" uuid,
	"hidden_reason" text,
	"search_terms" "tsvector" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "questions_language_known" CHECK ("questions"."language" in ('nl', 'fr', 'en')),
	CONSTRAINT "questions_visibility_known" CHECK ("questions"."visibility" in ('everyone', 'members'))
);
--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_occurrences" ADD CONSTRAINT "event_occurrences_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_occurrence_id_event_occurrences_id_fk" FOREIGN KEY ("occurrence_id") REFERENCES "public"."event_occurrences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_reports" ADD CONSTRAINT "post_reports_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_reports" ADD CONSTRAINT "post_reports_answer_id_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "answers_question_idx" ON "answers" USING btree ("question_id","created_at");--> statement-breakpoint
CREATE INDEX "answers_created_idx" ON "answers" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "event_occurrences_event_start_idx" ON "event_occurrences" USING btree ("event_id","starts_at");--> statement-breakpoint
CREATE INDEX "event_occurrences_start_idx" ON "event_occurrences" USING btree ("starts_at") WHERE cancelled_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_once_idx" ON "event_registrations" USING btree ("occurrence_id",lower("email")) WHERE status <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_token_idx" ON "event_registrations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "event_registrations_list_idx" ON "event_registrations" USING btree ("occurrence_id","status","placed_at");--> statement-breakpoint
CREATE INDEX "event_registrations_user_idx" ON "event_registrations" USING btree ("user_id") WHERE user_id is not null;--> statement-breakpoint
CREATE INDEX "events_organisation_idx" ON "events" USING btree ("organisation_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "follows_theme_idx" ON "follows" USING btree ("user_id","theme_code") WHERE theme_code is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "follows_question_idx" ON "follows" USING btree ("user_id","question_id") WHERE question_id is not null;--> statement-breakpoint
CREATE INDEX "follows_question_readers_idx" ON "follows" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "post_reports_open_idx" ON "post_reports" USING btree ("created_at") WHERE resolved_at is null;--> statement-breakpoint
CREATE INDEX "questions_activity_idx" ON "questions" USING btree ("last_activity_at");--> statement-breakpoint
CREATE INDEX "questions_author_idx" ON "questions" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "questions_terms_idx" ON "questions" USING gin ("search_terms");--> statement-breakpoint
CREATE INDEX "questions_themes_idx" ON "questions" USING gin ("themes");--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_location_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_author_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_hidden_by_fk" FOREIGN KEY ("hidden_by") REFERENCES "public"."users"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_accepted_answer_fk" FOREIGN KEY ("accepted_answer_id") REFERENCES "public"."answers"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_author_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_hidden_by_fk" FOREIGN KEY ("hidden_by") REFERENCES "public"."users"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade;--> statement-breakpoint
ALTER TABLE "follow_digests" ADD CONSTRAINT "follow_digests_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade;--> statement-breakpoint
ALTER TABLE "post_reports" ADD CONSTRAINT "post_reports_reported_by_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "post_reports" ADD CONSTRAINT "post_reports_resolved_by_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null;
