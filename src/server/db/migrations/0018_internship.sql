CREATE TABLE "companies" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(200) NOT NULL,
	"cvr" varchar(8) NOT NULL,
	"p_number" varchar(10),
	"address" varchar(200) DEFAULT '' NOT NULL,
	"postcode" varchar(10) DEFAULT '' NOT NULL,
	"city" varchar(100) DEFAULT '' NOT NULL,
	"trade" varchar(120) DEFAULT '' NOT NULL,
	"website" varchar(300),
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "companies_school_id_id_pk" PRIMARY KEY("school_id","id"),
	CONSTRAINT "companies_cvr_digits" CHECK ("companies"."cvr" ~ '^[0-9]{8}$'),
	CONSTRAINT "companies_p_number_digits" CHECK ("companies"."p_number" is null or "companies"."p_number" ~ '^[0-9]{10}$')
);
--> statement-breakpoint
CREATE TABLE "company_programmes" (
	"school_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_programmes_school_id_company_id_programme_id_pk" PRIMARY KEY("school_id","company_id","programme_id")
);
--> statement-breakpoint
CREATE TABLE "goal_status_history" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"student_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"status" varchar(8) NOT NULL,
	"comment" varchar(2000) DEFAULT '' NOT NULL,
	"set_by" uuid,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_status_history_school_id_id_pk" PRIMARY KEY("school_id","id"),
	CONSTRAINT "goal_status_history_status" CHECK ("goal_status_history"."status" in ('reached', 'partly', 'not_yet'))
);
--> statement-breakpoint
CREATE TABLE "goal_statuses" (
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"status" varchar(8) NOT NULL,
	"comment" varchar(2000) DEFAULT '' NOT NULL,
	"set_by" uuid,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_statuses_school_id_student_id_goal_id_pk" PRIMARY KEY("school_id","student_id","goal_id"),
	CONSTRAINT "goal_statuses_status" CHECK ("goal_statuses"."status" in ('reached', 'partly', 'not_yet'))
);
--> statement-breakpoint
CREATE TABLE "internship_goals" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"code" varchar(40) NOT NULL,
	"text" varchar(2000) NOT NULL,
	"level" varchar(60) DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "internship_goals_school_id_id_pk" PRIMARY KEY("school_id","id")
);
--> statement-breakpoint
CREATE TABLE "logbook_comments" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" varchar(4000) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "logbook_comments_school_id_id_pk" PRIMARY KEY("school_id","id")
);
--> statement-breakpoint
CREATE TABLE "logbook_entries" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"student_id" uuid NOT NULL,
	"placement_id" uuid NOT NULL,
	"title" varchar(200) DEFAULT '' NOT NULL,
	"body_html" text DEFAULT '' NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"video_url" varchar(500),
	"entry_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "logbook_entries_school_id_id_pk" PRIMARY KEY("school_id","id")
);
--> statement-breakpoint
CREATE TABLE "logbook_entry_goals" (
	"school_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	CONSTRAINT "logbook_entry_goals_school_id_entry_id_goal_id_pk" PRIMARY KEY("school_id","entry_id","goal_id")
);
--> statement-breakpoint
CREATE TABLE "logbook_entry_tasks" (
	"school_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	CONSTRAINT "logbook_entry_tasks_school_id_entry_id_task_id_pk" PRIMARY KEY("school_id","entry_id","task_id")
);
--> statement-breakpoint
CREATE TABLE "logbook_files" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"kind" varchar(8) NOT NULL,
	"file_name" varchar(255) NOT NULL,
	"original_key" text NOT NULL,
	"original_mime" varchar(100) NOT NULL,
	"original_size" integer NOT NULL,
	"display_key" text,
	"display_mime" varchar(100),
	"display_size" integer,
	"thumb_key" text,
	"thumb_size" integer,
	"width" integer,
	"height" integer,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "logbook_files_school_id_id_pk" PRIMARY KEY("school_id","id"),
	CONSTRAINT "logbook_files_kind" CHECK ("logbook_files"."kind" in ('photo', 'video'))
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"source" varchar(8) NOT NULL,
	"category" varchar(16) NOT NULL,
	"company_id" uuid,
	"department_id" uuid,
	"title" varchar(200) NOT NULL,
	"description" varchar(4000) DEFAULT '' NOT NULL,
	"contact_name" varchar(200) DEFAULT '' NOT NULL,
	"contact_email" varchar(254),
	"contact_phone" varchar(40),
	"starts_on" date,
	"ends_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "offers_school_id_id_pk" PRIMARY KEY("school_id","id"),
	CONSTRAINT "offers_source" CHECK ("offers"."source" in ('company', 'school')),
	CONSTRAINT "offers_category" CHECK (("offers"."source" = 'company' and "offers"."category" in ('equipment', 'expertise', 'guest_teaching', 'visit') and "offers"."company_id" is not null) or ("offers"."source" = 'school' and "offers"."category" in ('idv', 'amu') and "offers"."company_id" is null)),
	CONSTRAINT "offers_dates" CHECK ("offers"."ends_on" is null or "offers"."starts_on" is null or "offers"."ends_on" >= "offers"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"student_id" uuid NOT NULL,
	"kind" varchar(8) NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"company_id" uuid,
	"supervisor_id" uuid,
	"calendar_item_id" uuid,
	"note" varchar(1000) DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placements_school_id_id_pk" PRIMARY KEY("school_id","id"),
	CONSTRAINT "placements_kind" CHECK ("placements"."kind" in ('school', 'practice')),
	CONSTRAINT "placements_dates" CHECK ("placements"."ends_on" >= "placements"."starts_on"),
	CONSTRAINT "placements_company" CHECK (("placements"."kind" = 'practice' and "placements"."company_id" is not null) or ("placements"."kind" = 'school' and "placements"."company_id" is null and "placements"."supervisor_id" is null))
);
--> statement-breakpoint
CREATE TABLE "practice_task_goals" (
	"school_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	CONSTRAINT "practice_task_goals_school_id_task_id_goal_id_pk" PRIMARY KEY("school_id","task_id","goal_id")
);
--> statement-breakpoint
CREATE TABLE "practice_task_items" (
	"school_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "practice_task_items_school_id_task_id_item_id_pk" PRIMARY KEY("school_id","task_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "practice_tasks" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" varchar(200) NOT NULL,
	"description_html" text DEFAULT '' NOT NULL,
	"team_id" uuid,
	"due_from" date,
	"due_to" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "practice_tasks_school_id_id_pk" PRIMARY KEY("school_id","id"),
	CONSTRAINT "practice_tasks_dates" CHECK ("practice_tasks"."due_to" is null or "practice_tasks"."due_from" is null or "practice_tasks"."due_to" >= "practice_tasks"."due_from")
);
--> statement-breakpoint
CREATE TABLE "programme_departments" (
	"school_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	CONSTRAINT "programme_departments_school_id_programme_id_department_id_pk" PRIMARY KEY("school_id","programme_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "student_programmes" (
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "student_programmes_school_id_student_id_pk" PRIMARY KEY("school_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "supervisor_companies" (
	"school_id" uuid NOT NULL,
	"supervisor_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supervisor_companies_school_id_supervisor_id_company_id_pk" PRIMARY KEY("school_id","supervisor_id","company_id")
);
--> statement-breakpoint
CREATE TABLE "task_assignments" (
	"school_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"state" varchar(10) DEFAULT 'assigned' NOT NULL,
	"answered_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"feedback" varchar(4000) DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_assignments_school_id_task_id_student_id_pk" PRIMARY KEY("school_id","task_id","student_id"),
	CONSTRAINT "task_assignments_state" CHECK ("task_assignments"."state" in ('assigned', 'answered', 'confirmed', 'done'))
);
--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_school_id_created_by_people_school_id_id_fk" FOREIGN KEY ("school_id","created_by") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_programmes" ADD CONSTRAINT "company_programmes_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_programmes" ADD CONSTRAINT "company_programmes_school_id_company_id_companies_school_id_id_fk" FOREIGN KEY ("school_id","company_id") REFERENCES "public"."companies"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_programmes" ADD CONSTRAINT "company_programmes_school_id_programme_id_programmes_school_id_id_fk" FOREIGN KEY ("school_id","programme_id") REFERENCES "public"."programmes"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_status_history" ADD CONSTRAINT "goal_status_history_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_status_history" ADD CONSTRAINT "goal_status_history_school_id_student_id_people_school_id_id_fk" FOREIGN KEY ("school_id","student_id") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_status_history" ADD CONSTRAINT "goal_status_history_school_id_goal_id_internship_goals_school_id_id_fk" FOREIGN KEY ("school_id","goal_id") REFERENCES "public"."internship_goals"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_status_history" ADD CONSTRAINT "goal_status_history_school_id_set_by_people_school_id_id_fk" FOREIGN KEY ("school_id","set_by") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_statuses" ADD CONSTRAINT "goal_statuses_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_statuses" ADD CONSTRAINT "goal_statuses_school_id_student_id_people_school_id_id_fk" FOREIGN KEY ("school_id","student_id") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_statuses" ADD CONSTRAINT "goal_statuses_school_id_goal_id_internship_goals_school_id_id_fk" FOREIGN KEY ("school_id","goal_id") REFERENCES "public"."internship_goals"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_statuses" ADD CONSTRAINT "goal_statuses_school_id_set_by_people_school_id_id_fk" FOREIGN KEY ("school_id","set_by") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_goals" ADD CONSTRAINT "internship_goals_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_goals" ADD CONSTRAINT "internship_goals_school_id_programme_id_programmes_school_id_id_fk" FOREIGN KEY ("school_id","programme_id") REFERENCES "public"."programmes"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_comments" ADD CONSTRAINT "logbook_comments_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_comments" ADD CONSTRAINT "logbook_comments_school_id_entry_id_logbook_entries_school_id_id_fk" FOREIGN KEY ("school_id","entry_id") REFERENCES "public"."logbook_entries"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_comments" ADD CONSTRAINT "logbook_comments_school_id_author_id_people_school_id_id_fk" FOREIGN KEY ("school_id","author_id") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_entries" ADD CONSTRAINT "logbook_entries_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_entries" ADD CONSTRAINT "logbook_entries_school_id_student_id_people_school_id_id_fk" FOREIGN KEY ("school_id","student_id") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_entries" ADD CONSTRAINT "logbook_entries_school_id_placement_id_placements_school_id_id_fk" FOREIGN KEY ("school_id","placement_id") REFERENCES "public"."placements"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_entry_goals" ADD CONSTRAINT "logbook_entry_goals_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_entry_goals" ADD CONSTRAINT "logbook_entry_goals_school_id_entry_id_logbook_entries_school_id_id_fk" FOREIGN KEY ("school_id","entry_id") REFERENCES "public"."logbook_entries"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_entry_goals" ADD CONSTRAINT "logbook_entry_goals_school_id_goal_id_internship_goals_school_id_id_fk" FOREIGN KEY ("school_id","goal_id") REFERENCES "public"."internship_goals"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_entry_tasks" ADD CONSTRAINT "logbook_entry_tasks_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_entry_tasks" ADD CONSTRAINT "logbook_entry_tasks_school_id_entry_id_logbook_entries_school_id_id_fk" FOREIGN KEY ("school_id","entry_id") REFERENCES "public"."logbook_entries"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_entry_tasks" ADD CONSTRAINT "logbook_entry_tasks_school_id_task_id_practice_tasks_school_id_id_fk" FOREIGN KEY ("school_id","task_id") REFERENCES "public"."practice_tasks"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_files" ADD CONSTRAINT "logbook_files_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_files" ADD CONSTRAINT "logbook_files_school_id_entry_id_logbook_entries_school_id_id_fk" FOREIGN KEY ("school_id","entry_id") REFERENCES "public"."logbook_entries"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_school_id_company_id_companies_school_id_id_fk" FOREIGN KEY ("school_id","company_id") REFERENCES "public"."companies"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_school_id_department_id_departments_school_id_id_fk" FOREIGN KEY ("school_id","department_id") REFERENCES "public"."departments"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_school_id_created_by_people_school_id_id_fk" FOREIGN KEY ("school_id","created_by") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_school_id_student_id_people_school_id_id_fk" FOREIGN KEY ("school_id","student_id") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_school_id_company_id_companies_school_id_id_fk" FOREIGN KEY ("school_id","company_id") REFERENCES "public"."companies"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_school_id_supervisor_id_people_school_id_id_fk" FOREIGN KEY ("school_id","supervisor_id") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_school_id_created_by_people_school_id_id_fk" FOREIGN KEY ("school_id","created_by") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_task_goals" ADD CONSTRAINT "practice_task_goals_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_task_goals" ADD CONSTRAINT "practice_task_goals_school_id_task_id_practice_tasks_school_id_id_fk" FOREIGN KEY ("school_id","task_id") REFERENCES "public"."practice_tasks"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_task_goals" ADD CONSTRAINT "practice_task_goals_school_id_goal_id_internship_goals_school_id_id_fk" FOREIGN KEY ("school_id","goal_id") REFERENCES "public"."internship_goals"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_task_items" ADD CONSTRAINT "practice_task_items_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_task_items" ADD CONSTRAINT "practice_task_items_school_id_task_id_practice_tasks_school_id_id_fk" FOREIGN KEY ("school_id","task_id") REFERENCES "public"."practice_tasks"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_task_items" ADD CONSTRAINT "practice_task_items_school_id_item_id_library_items_school_id_id_fk" FOREIGN KEY ("school_id","item_id") REFERENCES "public"."library_items"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_tasks" ADD CONSTRAINT "practice_tasks_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_tasks" ADD CONSTRAINT "practice_tasks_school_id_team_id_teams_school_id_id_fk" FOREIGN KEY ("school_id","team_id") REFERENCES "public"."teams"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_tasks" ADD CONSTRAINT "practice_tasks_school_id_created_by_people_school_id_id_fk" FOREIGN KEY ("school_id","created_by") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_departments" ADD CONSTRAINT "programme_departments_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_departments" ADD CONSTRAINT "programme_departments_school_id_programme_id_programmes_school_id_id_fk" FOREIGN KEY ("school_id","programme_id") REFERENCES "public"."programmes"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_departments" ADD CONSTRAINT "programme_departments_school_id_department_id_departments_school_id_id_fk" FOREIGN KEY ("school_id","department_id") REFERENCES "public"."departments"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_programmes" ADD CONSTRAINT "student_programmes_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_programmes" ADD CONSTRAINT "student_programmes_school_id_student_id_people_school_id_id_fk" FOREIGN KEY ("school_id","student_id") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_programmes" ADD CONSTRAINT "student_programmes_school_id_programme_id_programmes_school_id_id_fk" FOREIGN KEY ("school_id","programme_id") REFERENCES "public"."programmes"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisor_companies" ADD CONSTRAINT "supervisor_companies_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisor_companies" ADD CONSTRAINT "supervisor_companies_school_id_supervisor_id_people_school_id_id_fk" FOREIGN KEY ("school_id","supervisor_id") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisor_companies" ADD CONSTRAINT "supervisor_companies_school_id_company_id_companies_school_id_id_fk" FOREIGN KEY ("school_id","company_id") REFERENCES "public"."companies"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_assignments" ADD CONSTRAINT "task_assignments_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_assignments" ADD CONSTRAINT "task_assignments_school_id_task_id_practice_tasks_school_id_id_fk" FOREIGN KEY ("school_id","task_id") REFERENCES "public"."practice_tasks"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_assignments" ADD CONSTRAINT "task_assignments_school_id_student_id_people_school_id_id_fk" FOREIGN KEY ("school_id","student_id") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_assignments" ADD CONSTRAINT "task_assignments_school_id_confirmed_by_people_school_id_id_fk" FOREIGN KEY ("school_id","confirmed_by") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_assignments" ADD CONSTRAINT "task_assignments_school_id_done_by_people_school_id_id_fk" FOREIGN KEY ("school_id","done_by") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "companies_cvr_uq" ON "companies" USING btree ("school_id","cvr");--> statement-breakpoint
CREATE INDEX "companies_name_idx" ON "companies" USING btree ("school_id",lower("name"));--> statement-breakpoint
CREATE INDEX "company_programmes_programme_idx" ON "company_programmes" USING btree ("school_id","programme_id");--> statement-breakpoint
CREATE INDEX "goal_status_history_student_idx" ON "goal_status_history" USING btree ("school_id","student_id","goal_id","set_at");--> statement-breakpoint
CREATE INDEX "goal_statuses_goal_idx" ON "goal_statuses" USING btree ("school_id","goal_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "internship_goals_code_uq" ON "internship_goals" USING btree ("school_id","programme_id",lower("code"));--> statement-breakpoint
CREATE INDEX "logbook_comments_entry_idx" ON "logbook_comments" USING btree ("school_id","entry_id","created_at");--> statement-breakpoint
CREATE INDEX "logbook_comments_author_idx" ON "logbook_comments" USING btree ("school_id","author_id");--> statement-breakpoint
CREATE INDEX "logbook_entries_student_idx" ON "logbook_entries" USING btree ("school_id","student_id","entry_date");--> statement-breakpoint
CREATE INDEX "logbook_entries_placement_idx" ON "logbook_entries" USING btree ("school_id","placement_id");--> statement-breakpoint
CREATE INDEX "logbook_entry_goals_goal_idx" ON "logbook_entry_goals" USING btree ("school_id","goal_id");--> statement-breakpoint
CREATE INDEX "logbook_entry_tasks_task_idx" ON "logbook_entry_tasks" USING btree ("school_id","task_id");--> statement-breakpoint
CREATE INDEX "logbook_files_entry_idx" ON "logbook_files" USING btree ("school_id","entry_id","position");--> statement-breakpoint
CREATE INDEX "offers_department_idx" ON "offers" USING btree ("school_id","department_id");--> statement-breakpoint
CREATE INDEX "offers_company_idx" ON "offers" USING btree ("school_id","company_id");--> statement-breakpoint
CREATE INDEX "placements_student_idx" ON "placements" USING btree ("school_id","student_id","starts_on");--> statement-breakpoint
CREATE INDEX "placements_company_idx" ON "placements" USING btree ("school_id","company_id","ends_on");--> statement-breakpoint
CREATE INDEX "placements_supervisor_idx" ON "placements" USING btree ("school_id","supervisor_id","ends_on");--> statement-breakpoint
CREATE INDEX "placements_dates_idx" ON "placements" USING btree ("school_id","starts_on","ends_on");--> statement-breakpoint
CREATE INDEX "practice_task_goals_goal_idx" ON "practice_task_goals" USING btree ("school_id","goal_id");--> statement-breakpoint
CREATE INDEX "practice_tasks_creator_idx" ON "practice_tasks" USING btree ("school_id","created_by");--> statement-breakpoint
CREATE INDEX "programme_departments_department_idx" ON "programme_departments" USING btree ("school_id","department_id");--> statement-breakpoint
CREATE INDEX "student_programmes_programme_idx" ON "student_programmes" USING btree ("school_id","programme_id");--> statement-breakpoint
CREATE INDEX "supervisor_companies_company_idx" ON "supervisor_companies" USING btree ("school_id","company_id");--> statement-breakpoint
CREATE INDEX "task_assignments_student_idx" ON "task_assignments" USING btree ("school_id","student_id","state");