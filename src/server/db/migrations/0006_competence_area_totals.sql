CREATE TABLE "competence_area_totals" (
	"school_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"department_key" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"respondents" integer NOT NULL,
	"sum_mean" double precision NOT NULL,
	"levels" integer[] NOT NULL,
	CONSTRAINT "competence_area_totals_school_id_round_id_department_key_area_id_pk" PRIMARY KEY("school_id","round_id","department_key","area_id")
);
--> statement-breakpoint
ALTER TABLE "competence_area_totals" ADD CONSTRAINT "competence_area_totals_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_area_totals" ADD CONSTRAINT "competence_area_totals_school_id_round_id_competence_rounds_school_id_id_fk" FOREIGN KEY ("school_id","round_id") REFERENCES "public"."competence_rounds"("school_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_area_totals" ADD CONSTRAINT "competence_area_totals_school_id_area_id_competence_items_school_id_id_fk" FOREIGN KEY ("school_id","area_id") REFERENCES "public"."competence_items"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
INSERT INTO "competence_area_totals" ("school_id", "round_id", "department_key", "area_id", "respondents", "sum_mean", "levels")
SELECT "school_id", "round_id", coalesce("department_id", '00000000-0000-0000-0000-000000000000'::uuid), "area_id", count(*)::int, sum("mean")::float8,
  array[(count(*) filter (where floor("mean" + 1e-9) = 0))::int, (count(*) filter (where floor("mean" + 1e-9) = 1))::int, (count(*) filter (where floor("mean" + 1e-9) = 2))::int, (count(*) filter (where floor("mean" + 1e-9) = 3))::int, (count(*) filter (where floor("mean" + 1e-9) = 4))::int, (count(*) filter (where floor("mean" + 1e-9) = 5))::int, (count(*) filter (where floor("mean" + 1e-9) = 6))::int]
FROM "competence_area_levels"
GROUP BY "school_id", "round_id", coalesce("department_id", '00000000-0000-0000-0000-000000000000'::uuid), "area_id";
