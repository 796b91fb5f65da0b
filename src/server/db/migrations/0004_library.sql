CREATE TABLE "glossary_terms" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"term" text NOT NULL,
	"definition" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "glossary_terms_school_id_id_pk" PRIMARY KEY("school_id","id")
);
--> statement-breakpoint
CREATE TABLE "library_coauthors" (
	"school_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "library_coauthors_school_id_item_id_person_id_pk" PRIMARY KEY("school_id","item_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "library_comments" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "library_comments_school_id_id_pk" PRIMARY KEY("school_id","id")
);
--> statement-breakpoint
CREATE TABLE "library_item_materials" (
	"school_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"material_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "library_item_materials_school_id_item_id_material_id_pk" PRIMARY KEY("school_id","item_id","material_id")
);
--> statement-breakpoint
CREATE TABLE "library_items" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" varchar(10) NOT NULL,
	"author_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"programme_id" uuid,
	"subject" text,
	"duration" text,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"fields_text" text DEFAULT '' NOT NULL,
	"lms_url" text,
	"material_type" varchar(20),
	"url" text,
	"file_key" text,
	"file_name" text,
	"file_mime" text,
	"file_size" integer,
	"tags" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"licence" varchar(20) DEFAULT 'all_rights' NOT NULL,
	"language" varchar(5) DEFAULT 'da' NOT NULL,
	"status" varchar(12) DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"reviewer_id" uuid,
	"locked_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"adapted_from_school_id" uuid,
	"adapted_from_id" uuid,
	"adapted_from_title" text,
	"adapted_from_school_name" text,
	"adapted_from_author_name" text,
	"network_shared" boolean DEFAULT false NOT NULL,
	"network_featured" boolean DEFAULT false NOT NULL,
	"network_withdrawn" boolean DEFAULT false NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('danish'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('danish'::regconfig, coalesce(summary, '')), 'B') || setweight(to_tsvector('danish'::regconfig, coalesce(fields_text, '')), 'C')) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "library_items_school_id_id_pk" PRIMARY KEY("school_id","id")
);
--> statement-breakpoint
CREATE TABLE "library_lexemes" (
	"school_id" uuid NOT NULL,
	"lexeme" text NOT NULL,
	CONSTRAINT "library_lexemes_school_id_lexeme_pk" PRIMARY KEY("school_id","lexeme")
);
--> statement-breakpoint
CREATE TABLE "library_reviews" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"checklist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"field_comments" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"decision" varchar(10),
	"feedback" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "library_reviews_school_id_id_pk" PRIMARY KEY("school_id","id")
);
--> statement-breakpoint
CREATE TABLE "library_settings" (
	"school_id" uuid PRIMARY KEY NOT NULL,
	"required_fields" jsonb NOT NULL,
	"criteria" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "library_versions" (
	"school_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"event" varchar(12) NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "library_versions_school_id_id_pk" PRIMARY KEY("school_id","id")
);
--> statement-breakpoint
ALTER TABLE "glossary_terms" ADD CONSTRAINT "glossary_terms_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_coauthors" ADD CONSTRAINT "library_coauthors_school_id_item_id_library_items_school_id_id_fk" FOREIGN KEY ("school_id","item_id") REFERENCES "public"."library_items"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_coauthors" ADD CONSTRAINT "library_coauthors_school_id_person_id_people_school_id_id_fk" FOREIGN KEY ("school_id","person_id") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_comments" ADD CONSTRAINT "library_comments_school_id_item_id_library_items_school_id_id_fk" FOREIGN KEY ("school_id","item_id") REFERENCES "public"."library_items"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_comments" ADD CONSTRAINT "library_comments_school_id_author_id_people_school_id_id_fk" FOREIGN KEY ("school_id","author_id") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_item_materials" ADD CONSTRAINT "library_item_materials_school_id_item_id_library_items_school_id_id_fk" FOREIGN KEY ("school_id","item_id") REFERENCES "public"."library_items"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_item_materials" ADD CONSTRAINT "library_item_materials_school_id_material_id_library_items_school_id_id_fk" FOREIGN KEY ("school_id","material_id") REFERENCES "public"."library_items"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_items" ADD CONSTRAINT "library_items_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_items" ADD CONSTRAINT "library_items_school_id_author_id_people_school_id_id_fk" FOREIGN KEY ("school_id","author_id") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_items" ADD CONSTRAINT "library_items_school_id_programme_id_programmes_school_id_id_fk" FOREIGN KEY ("school_id","programme_id") REFERENCES "public"."programmes"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_lexemes" ADD CONSTRAINT "library_lexemes_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_reviews" ADD CONSTRAINT "library_reviews_school_id_item_id_library_items_school_id_id_fk" FOREIGN KEY ("school_id","item_id") REFERENCES "public"."library_items"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_reviews" ADD CONSTRAINT "library_reviews_school_id_reviewer_id_people_school_id_id_fk" FOREIGN KEY ("school_id","reviewer_id") REFERENCES "public"."people"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_settings" ADD CONSTRAINT "library_settings_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_versions" ADD CONSTRAINT "library_versions_school_id_item_id_library_items_school_id_id_fk" FOREIGN KEY ("school_id","item_id") REFERENCES "public"."library_items"("school_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "glossary_terms_term_idx" ON "glossary_terms" USING btree ("school_id",lower("term"));--> statement-breakpoint
CREATE INDEX "library_coauthors_person_idx" ON "library_coauthors" USING btree ("school_id","person_id");--> statement-breakpoint
CREATE INDEX "library_comments_item_idx" ON "library_comments" USING btree ("school_id","item_id");--> statement-breakpoint
CREATE INDEX "library_items_status_idx" ON "library_items" USING btree ("school_id","status");--> statement-breakpoint
CREATE INDEX "library_items_author_idx" ON "library_items" USING btree ("school_id","author_id");--> statement-breakpoint
CREATE INDEX "library_items_adapted_idx" ON "library_items" USING btree ("adapted_from_school_id","adapted_from_id");--> statement-breakpoint
CREATE INDEX "library_items_network_idx" ON "library_items" USING btree ("network_shared","status");--> statement-breakpoint
CREATE INDEX "library_items_search_idx" ON "library_items" USING gin ("search");--> statement-breakpoint
CREATE INDEX "library_items_text_trgm_idx" ON "library_items" USING gin (lower("title" || ' ' || "summary") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "library_lexemes_trgm_idx" ON "library_lexemes" USING gin ("lexeme" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "library_reviews_item_idx" ON "library_reviews" USING btree ("school_id","item_id");--> statement-breakpoint
CREATE INDEX "library_versions_item_idx" ON "library_versions" USING btree ("school_id","item_id","version");