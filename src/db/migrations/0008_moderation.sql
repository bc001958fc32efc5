CREATE TYPE "public"."report_reason" AS ENUM('closed', 'wrong_contact', 'wrong_hours', 'wrong_address', 'wrong_info', 'other');--> statement-breakpoint
CREATE TABLE "vouches" (
	"organisation_id" uuid NOT NULL,
	"voucher_id" uuid NOT NULL,
	"vouched_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vouches_organisation_id_voucher_id_pk" PRIMARY KEY("organisation_id","voucher_id"),
	CONSTRAINT "vouches_not_self" CHECK ("vouches"."organisation_id" <> "vouches"."voucher_id")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"reason" "report_reason" NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid
);
--> statement-breakpoint
ALTER TABLE "vouches" ADD CONSTRAINT "vouches_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouches" ADD CONSTRAINT "vouches_voucher_id_organisations_id_fk" FOREIGN KEY ("voucher_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vouches_voucher_idx" ON "vouches" USING btree ("voucher_id");--> statement-breakpoint
CREATE INDEX "reports_open_idx" ON "reports" USING btree ("created_at") WHERE resolved_at is null;--> statement-breakpoint
CREATE INDEX "reports_organisation_idx" ON "reports" USING btree ("organisation_id");--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE cascade;
