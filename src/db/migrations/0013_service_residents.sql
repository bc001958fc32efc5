ALTER TABLE "services" ADD COLUMN "resident_communes" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_resident_communes_known" CHECK ("services"."resident_communes" <@ ARRAY['21001','21002','21003','21004','21005','21006','21007','21008','21009','21010','21011','21012','21013','21014','21015','21016','21017','21018','21019']::text[]);
