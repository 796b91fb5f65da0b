CREATE TABLE "dialogue_answers" (
	"school_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"now" smallint,
	"wanted" smallint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dialogue_answers_school_id_item_id_participant_id_pk" PRIMARY KEY("school_id","item_id","participant_id"),
	CONSTRAINT "dialogue_answers_now" CHECK ("dialogue_answers"."now" is null or "dialogue_answers"."now" between 0 and 100),
	CONSTRAINT "dialogue_answers_wanted" CHECK ("dialogue_answers"."wanted" is null or "dialogue_answers"."wanted" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "dialogue_boundaries" (
	"school_id" uuid NOT NULL,
	"key" varchar(20) NOT NULL,
	"name_da" varchar(80) NOT NULL,
	"name_en" varchar(80) NOT NULL,
	"description_da" varchar(400) NOT NULL,
	"description_en" varchar(400) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dialogue_boundaries_school_id_key_pk" PRIMARY KEY("school_id","key")
);
--> statement-breakpoint
CREATE TABLE "dialogue_comments" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"participant_id" uuid,
	"text" varchar(280) NOT NULL,
	"status" varchar(8) DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dialogue_comments_school_id_id_pk" PRIMARY KEY("school_id","id"),
	CONSTRAINT "dialogue_comments_status" CHECK ("dialogue_comments"."status" in ('pending', 'approved', 'hidden')),
	CONSTRAINT "dialogue_comments_length" CHECK (char_length("dialogue_comments"."text") between 1 and 280)
);
--> statement-breakpoint
CREATE TABLE "dialogue_items" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"pair_key" varchar(60) NOT NULL,
	"left_da" varchar(120) NOT NULL,
	"right_da" varchar(120) NOT NULL,
	"left_en" varchar(120) NOT NULL,
	"right_en" varchar(120) NOT NULL,
	"boundary" varchar(20),
	"position" integer NOT NULL,
	"state" varchar(8) DEFAULT 'pending' NOT NULL,
	"revealed" boolean DEFAULT false NOT NULL,
	"comments_shown" boolean DEFAULT false NOT NULL,
	CONSTRAINT "dialogue_items_school_id_id_pk" PRIMARY KEY("school_id","id"),
	CONSTRAINT "dialogue_items_state" CHECK ("dialogue_items"."state" in ('pending', 'open', 'locked'))
);
--> statement-breakpoint
CREATE TABLE "dialogue_pairs" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"builtin_key" varchar(60),
	"left_da" varchar(120) NOT NULL,
	"right_da" varchar(120) NOT NULL,
	"left_en" varchar(120) NOT NULL,
	"right_en" varchar(120) NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dialogue_pairs_school_id_id_pk" PRIMARY KEY("school_id","id")
);
--> statement-breakpoint
CREATE TABLE "dialogue_participants" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"token_hash" varchar(64),
	"person_id" uuid,
	"nickname" varchar(40),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dialogue_participants_school_id_id_pk" PRIMARY KEY("school_id","id")
);
--> statement-breakpoint
CREATE TABLE "dialogue_pending_changes" (
	"school_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	CONSTRAINT "dialogue_pending_changes_school_id_session_id_participant_id_pk" PRIMARY KEY("school_id","session_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "dialogue_sessions" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" varchar(200) NOT NULL,
	"mode" varchar(8) NOT NULL,
	"status" varchar(8) DEFAULT 'draft' NOT NULL,
	"department_id" uuid,
	"code" varchar(6),
	"join_open" boolean DEFAULT false NOT NULL,
	"current_item_id" uuid,
	"audience" jsonb,
	"opens_on" date,
	"closes_on" date,
	"results_mode" varchar(12) DEFAULT 'after_close' NOT NULL,
	"published" jsonb,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dialogue_sessions_school_id_id_pk" PRIMARY KEY("school_id","id"),
	CONSTRAINT "dialogue_sessions_mode" CHECK ("dialogue_sessions"."mode" in ('live', 'async')),
	CONSTRAINT "dialogue_sessions_status" CHECK ("dialogue_sessions"."status" in ('draft', 'open', 'closed')),
	CONSTRAINT "dialogue_sessions_dates" CHECK ("dialogue_sessions"."closes_on" is null or "dialogue_sessions"."opens_on" is null or "dialogue_sessions"."closes_on" >= "dialogue_sessions"."opens_on")
);
--> statement-breakpoint
ALTER TABLE "dialogue_answers" ADD CONSTRAINT "dialogue_answers_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_answers" ADD CONSTRAINT "dialogue_answers_school_id_item_id_dialogue_items_school_id_id_fk" FOREIGN KEY ("school_id","item_id") REFERENCES "public"."dialogue_items"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_answers" ADD CONSTRAINT "dialogue_answers_school_id_participant_id_dialogue_participants_school_id_id_fk" FOREIGN KEY ("school_id","participant_id") REFERENCES "public"."dialogue_participants"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_boundaries" ADD CONSTRAINT "dialogue_boundaries_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_comments" ADD CONSTRAINT "dialogue_comments_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_comments" ADD CONSTRAINT "dialogue_comments_school_id_session_id_dialogue_sessions_school_id_id_fk" FOREIGN KEY ("school_id","session_id") REFERENCES "public"."dialogue_sessions"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_comments" ADD CONSTRAINT "dialogue_comments_school_id_item_id_dialogue_items_school_id_id_fk" FOREIGN KEY ("school_id","item_id") REFERENCES "public"."dialogue_items"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_comments" ADD CONSTRAINT "dialogue_comments_school_id_participant_id_dialogue_participants_school_id_id_fk" FOREIGN KEY ("school_id","participant_id") REFERENCES "public"."dialogue_participants"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_items" ADD CONSTRAINT "dialogue_items_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_items" ADD CONSTRAINT "dialogue_items_school_id_session_id_dialogue_sessions_school_id_id_fk" FOREIGN KEY ("school_id","session_id") REFERENCES "public"."dialogue_sessions"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_pairs" ADD CONSTRAINT "dialogue_pairs_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_participants" ADD CONSTRAINT "dialogue_participants_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_participants" ADD CONSTRAINT "dialogue_participants_school_id_session_id_dialogue_sessions_school_id_id_fk" FOREIGN KEY ("school_id","session_id") REFERENCES "public"."dialogue_sessions"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_participants" ADD CONSTRAINT "dialogue_participants_school_id_person_id_people_school_id_id_fk" FOREIGN KEY ("school_id","person_id") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_pending_changes" ADD CONSTRAINT "dialogue_pending_changes_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_pending_changes" ADD CONSTRAINT "dialogue_pending_changes_school_id_session_id_dialogue_sessions_school_id_id_fk" FOREIGN KEY ("school_id","session_id") REFERENCES "public"."dialogue_sessions"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_sessions" ADD CONSTRAINT "dialogue_sessions_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_sessions" ADD CONSTRAINT "dialogue_sessions_school_id_department_id_departments_school_id_id_fk" FOREIGN KEY ("school_id","department_id") REFERENCES "public"."departments"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_sessions" ADD CONSTRAINT "dialogue_sessions_school_id_created_by_people_school_id_id_fk" FOREIGN KEY ("school_id","created_by") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dialogue_answers_participant_idx" ON "dialogue_answers" USING btree ("school_id","participant_id");--> statement-breakpoint
CREATE INDEX "dialogue_comments_item_idx" ON "dialogue_comments" USING btree ("school_id","session_id","item_id");--> statement-breakpoint
CREATE INDEX "dialogue_items_session_idx" ON "dialogue_items" USING btree ("school_id","session_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "dialogue_pairs_builtin_uq" ON "dialogue_pairs" USING btree ("school_id","builtin_key") WHERE "dialogue_pairs"."builtin_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "dialogue_participants_token_uq" ON "dialogue_participants" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "dialogue_participants_person_uq" ON "dialogue_participants" USING btree ("school_id","session_id","person_id");--> statement-breakpoint
CREATE INDEX "dialogue_participants_joined_idx" ON "dialogue_participants" USING btree ("school_id","session_id","created_at");--> statement-breakpoint
CREATE INDEX "dialogue_participants_person_idx" ON "dialogue_participants" USING btree ("school_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dialogue_sessions_open_code_uq" ON "dialogue_sessions" USING btree ("code") WHERE "dialogue_sessions"."status" = 'open';--> statement-breakpoint
CREATE INDEX "dialogue_sessions_code_idx" ON "dialogue_sessions" USING btree ("code");--> statement-breakpoint
CREATE INDEX "dialogue_sessions_school_idx" ON "dialogue_sessions" USING btree ("school_id","status");