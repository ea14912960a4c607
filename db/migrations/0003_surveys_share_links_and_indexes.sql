DROP INDEX "survey_responses_survey_idx";--> statement-breakpoint
DROP INDEX "surveys_org_owner_idx";--> statement-breakpoint
ALTER TABLE "surveys" ADD COLUMN "share_token_hash" text;--> statement-breakpoint
ALTER TABLE "surveys" ADD COLUMN "share_link_created_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "survey_responses_survey_submitted_idx" ON "survey_responses" USING btree ("survey_id","submitted_at");--> statement-breakpoint
CREATE INDEX "surveys_org_updated_idx" ON "surveys" USING btree ("org_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "surveys_checked_out_by_idx" ON "surveys" USING btree ("checked_out_by_id") WHERE "surveys"."checked_out_by_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_share_token_hash_key" ON "surveys" USING btree ("share_token_hash");--> statement-breakpoint
CREATE INDEX "survey_responses_survey_idx" ON "survey_responses" USING btree ("survey_id","id");--> statement-breakpoint
CREATE INDEX "surveys_org_owner_idx" ON "surveys" USING btree ("org_id","owner_id","updated_at");--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_checkout_pair" CHECK (("surveys"."checked_out_by_id" is null) = ("surveys"."checked_out_at" is null));