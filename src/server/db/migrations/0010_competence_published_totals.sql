CREATE TABLE "competence_pending_changes" (
	"school_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"department_key" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	CONSTRAINT "competence_pending_changes_school_id_round_id_department_key_assessment_id_pk" PRIMARY KEY("school_id","round_id","department_key","assessment_id")
);
--> statement-breakpoint
CREATE TABLE "competence_published_totals" (
	"school_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"department_key" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"respondents" integer NOT NULL,
	"sum_mean" double precision NOT NULL,
	"levels" integer[] NOT NULL,
	CONSTRAINT "competence_published_totals_school_id_round_id_department_key_area_id_pk" PRIMARY KEY("school_id","round_id","department_key","area_id")
);
--> statement-breakpoint
ALTER TABLE "competence_settings" ADD COLUMN "open_round_results" varchar(12) DEFAULT 'steps' NOT NULL;--> statement-breakpoint
ALTER TABLE "competence_pending_changes" ADD CONSTRAINT "competence_pending_changes_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_pending_changes" ADD CONSTRAINT "competence_pending_changes_school_id_round_id_competence_rounds_school_id_id_fk" FOREIGN KEY ("school_id","round_id") REFERENCES "public"."competence_rounds"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_published_totals" ADD CONSTRAINT "competence_published_totals_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_published_totals" ADD CONSTRAINT "competence_published_totals_school_id_round_id_competence_rounds_school_id_id_fk" FOREIGN KEY ("school_id","round_id") REFERENCES "public"."competence_rounds"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_published_totals" ADD CONSTRAINT "competence_published_totals_school_id_area_id_competence_items_school_id_id_fk" FOREIGN KEY ("school_id","area_id") REFERENCES "public"."competence_items"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
INSERT INTO "competence_published_totals" SELECT "school_id", "round_id", "department_key", "area_id", "respondents", "sum_mean", "levels" FROM "competence_area_totals";
