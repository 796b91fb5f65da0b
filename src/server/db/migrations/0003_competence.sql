CREATE TABLE "competence_answers" (
	"school_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"competence_id" uuid NOT NULL,
	"level" smallint NOT NULL,
	CONSTRAINT "competence_answers_school_id_assessment_id_competence_id_pk" PRIMARY KEY("school_id","assessment_id","competence_id"),
	CONSTRAINT "competence_answers_level" CHECK ("competence_answers"."level" between 0 and 6)
);
--> statement-breakpoint
CREATE TABLE "competence_area_levels" (
	"school_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"department_id" uuid,
	"mean" double precision NOT NULL,
	CONSTRAINT "competence_area_levels_school_id_assessment_id_area_id_pk" PRIMARY KEY("school_id","assessment_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "competence_assessments" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"department_id" uuid,
	"basic_answers" jsonb,
	"basic_passed" boolean,
	"submitted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competence_assessments_school_id_id_pk" PRIMARY KEY("school_id","id")
);
--> statement-breakpoint
CREATE TABLE "competence_contract_history" (
	"school_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"action" varchar(30) NOT NULL,
	"status" varchar(12) NOT NULL,
	"content" jsonb NOT NULL,
	"by_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"seq" integer NOT NULL,
	CONSTRAINT "competence_contract_history_school_id_contract_id_seq_pk" PRIMARY KEY("school_id","contract_id","seq")
);
--> statement-breakpoint
CREATE TABLE "competence_contracts" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"leader_person_id" uuid NOT NULL,
	"status" varchar(12) NOT NULL,
	"content" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"employee_ack_at" timestamp with time zone,
	"leader_ack_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competence_contracts_school_id_id_pk" PRIMARY KEY("school_id","id")
);
--> statement-breakpoint
CREATE TABLE "competence_courses" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"mandatory" boolean DEFAULT false NOT NULL,
	"format" varchar(30) NOT NULL,
	"targets" jsonb NOT NULL,
	"audience" jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competence_courses_school_id_id_pk" PRIMARY KEY("school_id","id")
);
--> statement-breakpoint
CREATE TABLE "competence_enrolments" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"session_id" uuid,
	"person_id" uuid NOT NULL,
	"status" varchar(12) NOT NULL,
	"source" varchar(12) NOT NULL,
	"attended" boolean DEFAULT false NOT NULL,
	"completed_at" timestamp with time zone,
	"rating" smallint,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competence_enrolments_school_id_id_pk" PRIMARY KEY("school_id","id"),
	CONSTRAINT "competence_enrolments_rating" CHECK ("competence_enrolments"."rating" is null or "competence_enrolments"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "competence_frameworks" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" varchar(10) NOT NULL,
	"case_identifier" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"creator" text NOT NULL,
	"citation" text,
	"language" varchar(10) DEFAULT 'da' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"levels" jsonb NOT NULL,
	"case_extra" jsonb,
	"last_change_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competence_frameworks_school_id_id_pk" PRIMARY KEY("school_id","id")
);
--> statement-breakpoint
CREATE TABLE "competence_items" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"parent_id" uuid,
	"case_identifier" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(40) NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"position" integer NOT NULL,
	"case_extra" jsonb,
	"last_change_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competence_items_school_id_id_pk" PRIMARY KEY("school_id","id")
);
--> statement-breakpoint
CREATE TABLE "competence_rounds" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"title" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"department_ids" jsonb,
	"closed_at" timestamp with time zone,
	"last_reminder_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competence_rounds_school_id_id_pk" PRIMARY KEY("school_id","id"),
	CONSTRAINT "competence_rounds_dates" CHECK ("competence_rounds"."closes_on" >= "competence_rounds"."opens_on")
);
--> statement-breakpoint
CREATE TABLE "competence_sessions" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"place" text,
	"online_url" text,
	"capacity" integer NOT NULL,
	CONSTRAINT "competence_sessions_school_id_id_pk" PRIMARY KEY("school_id","id"),
	CONSTRAINT "competence_sessions_capacity" CHECK ("competence_sessions"."capacity" >= 1)
);
--> statement-breakpoint
CREATE TABLE "competence_settings" (
	"school_id" uuid PRIMARY KEY NOT NULL,
	"leader_sees_individuals" boolean DEFAULT false NOT NULL,
	"onboarding_window_days" integer DEFAULT 60 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "competence_answers" ADD CONSTRAINT "competence_answers_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_answers" ADD CONSTRAINT "competence_answers_school_id_assessment_id_competence_assessments_school_id_id_fk" FOREIGN KEY ("school_id","assessment_id") REFERENCES "public"."competence_assessments"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_answers" ADD CONSTRAINT "competence_answers_school_id_competence_id_competence_items_school_id_id_fk" FOREIGN KEY ("school_id","competence_id") REFERENCES "public"."competence_items"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_area_levels" ADD CONSTRAINT "competence_area_levels_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_area_levels" ADD CONSTRAINT "competence_area_levels_school_id_assessment_id_competence_assessments_school_id_id_fk" FOREIGN KEY ("school_id","assessment_id") REFERENCES "public"."competence_assessments"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_area_levels" ADD CONSTRAINT "competence_area_levels_school_id_area_id_competence_items_school_id_id_fk" FOREIGN KEY ("school_id","area_id") REFERENCES "public"."competence_items"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_assessments" ADD CONSTRAINT "competence_assessments_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_assessments" ADD CONSTRAINT "competence_assessments_school_id_round_id_competence_rounds_school_id_id_fk" FOREIGN KEY ("school_id","round_id") REFERENCES "public"."competence_rounds"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_assessments" ADD CONSTRAINT "competence_assessments_school_id_person_id_people_school_id_id_fk" FOREIGN KEY ("school_id","person_id") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_contract_history" ADD CONSTRAINT "competence_contract_history_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_contract_history" ADD CONSTRAINT "competence_contract_history_school_id_contract_id_competence_contracts_school_id_id_fk" FOREIGN KEY ("school_id","contract_id") REFERENCES "public"."competence_contracts"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_contracts" ADD CONSTRAINT "competence_contracts_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_contracts" ADD CONSTRAINT "competence_contracts_school_id_person_id_people_school_id_id_fk" FOREIGN KEY ("school_id","person_id") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_contracts" ADD CONSTRAINT "competence_contracts_school_id_leader_person_id_people_school_id_id_fk" FOREIGN KEY ("school_id","leader_person_id") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_courses" ADD CONSTRAINT "competence_courses_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_enrolments" ADD CONSTRAINT "competence_enrolments_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_enrolments" ADD CONSTRAINT "competence_enrolments_school_id_course_id_competence_courses_school_id_id_fk" FOREIGN KEY ("school_id","course_id") REFERENCES "public"."competence_courses"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_enrolments" ADD CONSTRAINT "competence_enrolments_school_id_session_id_competence_sessions_school_id_id_fk" FOREIGN KEY ("school_id","session_id") REFERENCES "public"."competence_sessions"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_enrolments" ADD CONSTRAINT "competence_enrolments_school_id_person_id_people_school_id_id_fk" FOREIGN KEY ("school_id","person_id") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_frameworks" ADD CONSTRAINT "competence_frameworks_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_items" ADD CONSTRAINT "competence_items_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_items" ADD CONSTRAINT "competence_items_school_id_framework_id_competence_frameworks_school_id_id_fk" FOREIGN KEY ("school_id","framework_id") REFERENCES "public"."competence_frameworks"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_rounds" ADD CONSTRAINT "competence_rounds_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_rounds" ADD CONSTRAINT "competence_rounds_school_id_framework_id_competence_frameworks_school_id_id_fk" FOREIGN KEY ("school_id","framework_id") REFERENCES "public"."competence_frameworks"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_sessions" ADD CONSTRAINT "competence_sessions_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_sessions" ADD CONSTRAINT "competence_sessions_school_id_course_id_competence_courses_school_id_id_fk" FOREIGN KEY ("school_id","course_id") REFERENCES "public"."competence_courses"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_settings" ADD CONSTRAINT "competence_settings_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "competence_area_levels_round_idx" ON "competence_area_levels" USING btree ("school_id","round_id","department_id","area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "competence_assessments_person_uq" ON "competence_assessments" USING btree ("school_id","round_id","person_id");--> statement-breakpoint
CREATE INDEX "competence_contracts_person_idx" ON "competence_contracts" USING btree ("school_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "competence_enrolments_person_uq" ON "competence_enrolments" USING btree ("school_id","course_id","person_id");--> statement-breakpoint
CREATE INDEX "competence_enrolments_session_idx" ON "competence_enrolments" USING btree ("school_id","session_id");--> statement-breakpoint
CREATE INDEX "competence_frameworks_kind_idx" ON "competence_frameworks" USING btree ("school_id","kind");--> statement-breakpoint
CREATE INDEX "competence_items_framework_idx" ON "competence_items" USING btree ("school_id","framework_id");