ALTER TYPE "public"."notification_kind" ADD VALUE 'checkin_requested';--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "survey_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_survey_idx" ON "notifications" USING btree ("survey_id") WHERE "notifications"."survey_id" is not null;