ALTER TABLE "people" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
-- People deactivated before this column existed: the time of their last deactivation in the audit log, else their last change.
UPDATE "people" p SET "deactivated_at" = coalesce(
  (SELECT max(e."at") FROM "audit_events" e
   WHERE e."school_id" = p."school_id" AND e."resource_type" = 'person' AND e."resource_id" = p."id"::text AND e."action" = 'person.deactivated'),
  p."updated_at")
WHERE NOT p."active";
--> statement-breakpoint
-- deactivated_at follows active whichever code writes it (the people routes, the importer, the admin command line):
-- set when a person becomes inactive (unless the writer gives the time), cleared when they become active again.
CREATE OR REPLACE FUNCTION people_deactivated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."active" THEN
    NEW."deactivated_at" := NULL;
  ELSIF TG_OP = 'INSERT' THEN
    NEW."deactivated_at" := coalesce(NEW."deactivated_at", now());
  ELSIF OLD."active" THEN
    NEW."deactivated_at" := coalesce(NEW."deactivated_at", now());
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER people_deactivated_at BEFORE INSERT OR UPDATE OF "active" ON "people" FOR EACH ROW EXECUTE FUNCTION people_deactivated_at();
