CREATE TABLE "exchange_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"thread_id" uuid NOT NULL,
	"author_id" uuid,
	"side" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "exchange_messages_side_known" CHECK ("exchange_messages"."side" in ('poster', 'responder')),
	CONSTRAINT "exchange_messages_body_length" CHECK (char_length("exchange_messages"."body") between 1 and 4000)
);
--> statement-breakpoint
CREATE TABLE "exchange_thread_reads" (
	"thread_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "exchange_thread_reads_thread_id_user_id_pk" PRIMARY KEY("thread_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "exchange_threads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"started_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"last_message_at" timestamp with time zone NOT NULL,
	CONSTRAINT "exchange_threads_post_organisation_key" UNIQUE("post_id","organisation_id")
);
--> statement-breakpoint
ALTER TABLE "exchange_messages" ADD CONSTRAINT "exchange_messages_thread_id_exchange_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."exchange_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_thread_reads" ADD CONSTRAINT "exchange_thread_reads_thread_id_exchange_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."exchange_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_threads" ADD CONSTRAINT "exchange_threads_post_id_exchange_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."exchange_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exchange_messages_thread_idx" ON "exchange_messages" USING btree ("thread_id","created_at");--> statement-breakpoint
CREATE INDEX "exchange_messages_author_idx" ON "exchange_messages" USING btree ("author_id","created_at");--> statement-breakpoint
CREATE INDEX "exchange_thread_reads_user_idx" ON "exchange_thread_reads" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "exchange_threads_organisation_idx" ON "exchange_threads" USING btree ("organisation_id","last_message_at");--> statement-breakpoint
CREATE INDEX "exchange_threads_started_by_idx" ON "exchange_threads" USING btree ("started_by");--> statement-breakpoint
ALTER TABLE "exchange_threads" ADD CONSTRAINT "exchange_threads_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade;--> statement-breakpoint
ALTER TABLE "exchange_threads" ADD CONSTRAINT "exchange_threads_started_by_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "exchange_messages" ADD CONSTRAINT "exchange_messages_author_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null;--> statement-breakpoint
ALTER TABLE "exchange_thread_reads" ADD CONSTRAINT "exchange_thread_reads_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade;