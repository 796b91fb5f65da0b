-- Successful sign-ins no longer count against any limit: forget those kept so far.
DELETE FROM "login_attempts" WHERE "success" = 'yes';--> statement-breakpoint
ALTER TABLE "login_attempts" DROP COLUMN "success";
