CREATE TABLE "survey_area_means" (
	"school_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"group" varchar(12) NOT NULL,
	"area" varchar(40) NOT NULL,
	"respondents" integer NOT NULL,
	"mean" double precision,
	"closes_on" date NOT NULL,
	CONSTRAINT "survey_area_means_school_id_round_id_group_area_pk" PRIMARY KEY("school_id","round_id","group","area")
);
--> statement-breakpoint
CREATE TABLE "survey_drafts" (
	"school_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"owner_key" varchar(80) NOT NULL,
	"answers" jsonb NOT NULL,
	"comments" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_drafts_school_id_round_id_owner_key_pk" PRIMARY KEY("school_id","round_id","owner_key")
);
--> statement-breakpoint
CREATE TABLE "survey_free_texts" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"group" varchar(12) NOT NULL,
	"department_key" uuid NOT NULL,
	"area" varchar(40) NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "survey_free_texts_school_id_id_pk" PRIMARY KEY("school_id","id")
);
--> statement-breakpoint
CREATE TABLE "survey_item_totals" (
	"school_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"group" varchar(12) NOT NULL,
	"department_key" uuid NOT NULL,
	"item_key" varchar(40) NOT NULL,
	"counts" integer[] NOT NULL,
	"published" integer[] NOT NULL,
	CONSTRAINT "survey_item_totals_school_id_round_id_group_department_key_item_key_pk" PRIMARY KEY("school_id","round_id","group","department_key","item_key")
);
--> statement-breakpoint
CREATE TABLE "survey_links" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"group" varchar(12) NOT NULL,
	"department_id" uuid,
	"token_hash" varchar(64) NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_links_school_id_id_pk" PRIMARY KEY("school_id","id")
);
--> statement-breakpoint
CREATE TABLE "survey_own_items" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key" varchar(40) NOT NULL,
	"area" varchar(40) NOT NULL,
	"texts" jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_own_items_school_id_id_pk" PRIMARY KEY("school_id","id")
);
--> statement-breakpoint
CREATE TABLE "survey_participation" (
	"school_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"respondent_key" varchar(80) NOT NULL,
	"person_id" uuid,
	CONSTRAINT "survey_participation_school_id_round_id_respondent_key_pk" PRIMARY KEY("school_id","round_id","respondent_key")
);
--> statement-breakpoint
CREATE TABLE "survey_questionnaires" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"version" integer NOT NULL,
	"items" jsonb NOT NULL,
	"content_hash" varchar(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_questionnaires_school_id_id_pk" PRIMARY KEY("school_id","id")
);
--> statement-breakpoint
CREATE TABLE "survey_respondent_totals" (
	"school_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"group" varchar(12) NOT NULL,
	"department_key" uuid NOT NULL,
	"respondents" integer DEFAULT 0 NOT NULL,
	"published" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "survey_respondent_totals_school_id_round_id_group_department_key_pk" PRIMARY KEY("school_id","round_id","group","department_key")
);
--> statement-breakpoint
CREATE TABLE "survey_rounds" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"groups" text[] NOT NULL,
	"department_ids" jsonb,
	"questionnaire_id" uuid NOT NULL,
	"closed_at" timestamp with time zone,
	"last_reminder_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_rounds_school_id_id_pk" PRIMARY KEY("school_id","id"),
	CONSTRAINT "survey_rounds_dates" CHECK ("survey_rounds"."closes_on" >= "survey_rounds"."opens_on"),
	CONSTRAINT "survey_rounds_groups" CHECK (cardinality("survey_rounds"."groups") > 0)
);
--> statement-breakpoint
CREATE TABLE "survey_settings" (
	"school_id" uuid PRIMARY KEY NOT NULL,
	"disabled_item_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"live_results" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "source" jsonb;--> statement-breakpoint
ALTER TABLE "survey_area_means" ADD CONSTRAINT "survey_area_means_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_area_means" ADD CONSTRAINT "survey_area_means_school_id_round_id_survey_rounds_school_id_id_fk" FOREIGN KEY ("school_id","round_id") REFERENCES "public"."survey_rounds"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_drafts" ADD CONSTRAINT "survey_drafts_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_drafts" ADD CONSTRAINT "survey_drafts_school_id_round_id_survey_rounds_school_id_id_fk" FOREIGN KEY ("school_id","round_id") REFERENCES "public"."survey_rounds"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_free_texts" ADD CONSTRAINT "survey_free_texts_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_free_texts" ADD CONSTRAINT "survey_free_texts_school_id_round_id_survey_rounds_school_id_id_fk" FOREIGN KEY ("school_id","round_id") REFERENCES "public"."survey_rounds"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_item_totals" ADD CONSTRAINT "survey_item_totals_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_item_totals" ADD CONSTRAINT "survey_item_totals_school_id_round_id_survey_rounds_school_id_id_fk" FOREIGN KEY ("school_id","round_id") REFERENCES "public"."survey_rounds"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_links" ADD CONSTRAINT "survey_links_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_links" ADD CONSTRAINT "survey_links_school_id_round_id_survey_rounds_school_id_id_fk" FOREIGN KEY ("school_id","round_id") REFERENCES "public"."survey_rounds"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_links" ADD CONSTRAINT "survey_links_school_id_department_id_departments_school_id_id_fk" FOREIGN KEY ("school_id","department_id") REFERENCES "public"."departments"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_own_items" ADD CONSTRAINT "survey_own_items_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_participation" ADD CONSTRAINT "survey_participation_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_participation" ADD CONSTRAINT "survey_participation_school_id_round_id_survey_rounds_school_id_id_fk" FOREIGN KEY ("school_id","round_id") REFERENCES "public"."survey_rounds"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_participation" ADD CONSTRAINT "survey_participation_school_id_person_id_people_school_id_id_fk" FOREIGN KEY ("school_id","person_id") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_questionnaires" ADD CONSTRAINT "survey_questionnaires_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_respondent_totals" ADD CONSTRAINT "survey_respondent_totals_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_respondent_totals" ADD CONSTRAINT "survey_respondent_totals_school_id_round_id_survey_rounds_school_id_id_fk" FOREIGN KEY ("school_id","round_id") REFERENCES "public"."survey_rounds"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_school_id_questionnaire_id_survey_questionnaires_school_id_id_fk" FOREIGN KEY ("school_id","questionnaire_id") REFERENCES "public"."survey_questionnaires"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_settings" ADD CONSTRAINT "survey_settings_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_area_means_group_idx" ON "survey_area_means" USING btree ("group","area","closes_on");--> statement-breakpoint
CREATE INDEX "survey_free_texts_round_idx" ON "survey_free_texts" USING btree ("school_id","round_id","group","area");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_links_token_uq" ON "survey_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "survey_links_round_idx" ON "survey_links" USING btree ("school_id","round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_own_items_key_uq" ON "survey_own_items" USING btree ("school_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_questionnaires_version_uq" ON "survey_questionnaires" USING btree ("school_id","version");