CREATE TABLE "glossary_concepts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"definition" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"broader" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"related" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "glossary_labels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"concept_id" uuid NOT NULL,
	"language" text NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"folded" text NOT NULL,
	"sector" text,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "glossary_labels_language_known" CHECK ("glossary_labels"."language" in ('nl', 'fr', 'en', 'ar')),
	CONSTRAINT "glossary_labels_kind_known" CHECK ("glossary_labels"."kind" in ('preferred', 'synonym', 'abbreviation'))
);
--> statement-breakpoint
CREATE TABLE "glossary_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"concept_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"changed_by" uuid,
	"note" text,
	"state" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "glossary_labels" ADD CONSTRAINT "glossary_labels_concept_id_glossary_concepts_id_fk" FOREIGN KEY ("concept_id") REFERENCES "public"."glossary_concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "glossary_versions" ADD CONSTRAINT "glossary_versions_concept_id_glossary_concepts_id_fk" FOREIGN KEY ("concept_id") REFERENCES "public"."glossary_concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "glossary_concepts_slug_idx" ON "glossary_concepts" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "glossary_labels_word_idx" ON "glossary_labels" USING btree ("language","folded");--> statement-breakpoint
CREATE UNIQUE INDEX "glossary_labels_preferred_idx" ON "glossary_labels" USING btree ("concept_id","language") WHERE kind = 'preferred';--> statement-breakpoint
CREATE INDEX "glossary_labels_concept_idx" ON "glossary_labels" USING btree ("concept_id","language","position");--> statement-breakpoint
CREATE UNIQUE INDEX "glossary_versions_idx" ON "glossary_versions" USING btree ("concept_id","version");