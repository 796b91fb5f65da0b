CREATE TABLE "library_lexemes" (
	"school_id" uuid NOT NULL,
	"lexeme" text NOT NULL,
	CONSTRAINT "library_lexemes_school_id_lexeme_pk" PRIMARY KEY("school_id","lexeme")
);
--> statement-breakpoint
ALTER TABLE "library_lexemes" ADD CONSTRAINT "library_lexemes_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "library_lexemes_trgm_idx" ON "library_lexemes" USING gin ("lexeme" gin_trgm_ops);