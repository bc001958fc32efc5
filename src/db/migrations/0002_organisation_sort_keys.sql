-- Sort keys of organisation names per reading language, in the ICU root collation (accents and case sorted as readers expect).
ALTER TABLE "organisations" ADD COLUMN "name_sort_nl" text COLLATE "und-x-icu" GENERATED ALWAYS AS (coalesce(name->>'nl', name->>'en', name->>'fr')) STORED;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "name_sort_fr" text COLLATE "und-x-icu" GENERATED ALWAYS AS (coalesce(name->>'fr', name->>'en', name->>'nl')) STORED;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "name_sort_en" text COLLATE "und-x-icu" GENERATED ALWAYS AS (coalesce(name->>'en', name->>'fr', name->>'nl')) STORED;--> statement-breakpoint
CREATE INDEX "organisations_name_sort_nl_idx" ON "organisations" USING btree ("name_sort_nl","id");--> statement-breakpoint
CREATE INDEX "organisations_name_sort_fr_idx" ON "organisations" USING btree ("name_sort_fr","id");--> statement-breakpoint
CREATE INDEX "organisations_name_sort_en_idx" ON "organisations" USING btree ("name_sort_en","id");--> statement-breakpoint
CREATE INDEX "services_active_idx" ON "services" USING btree ("id") WHERE status = 'active';