CREATE TABLE "home_digests" (
	"school_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"week" varchar(8) NOT NULL,
	"token_hash" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "home_digests_school_id_person_id_week_pk" PRIMARY KEY("school_id","person_id","week")
);
--> statement-breakpoint
CREATE TABLE "home_preferences" (
	"school_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"weekly_digest" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "home_preferences_school_id_person_id_pk" PRIMARY KEY("school_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "home_digests" ADD CONSTRAINT "home_digests_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_digests" ADD CONSTRAINT "home_digests_school_id_person_id_people_school_id_id_fk" FOREIGN KEY ("school_id","person_id") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_preferences" ADD CONSTRAINT "home_preferences_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_preferences" ADD CONSTRAINT "home_preferences_school_id_person_id_people_school_id_id_fk" FOREIGN KEY ("school_id","person_id") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "home_digests_token_uq" ON "home_digests" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "home_digests_sent_idx" ON "home_digests" USING btree ("sent_at");