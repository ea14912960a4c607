ALTER TYPE "public"."notification_kind" ADD VALUE 'transfer_cancelled';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'transfer_expired';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'supplier_joined';--> statement-breakpoint
DROP INDEX "invitations_org_email_pending_key";--> statement-breakpoint
ALTER TABLE "product_permissions" ADD COLUMN "description" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "done_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "done_by_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "plan_id" uuid;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_done_by_id_users_id_fk" FOREIGN KEY ("done_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ownership_transfers_due_idx" ON "ownership_transfers" USING btree ("expires_at") WHERE "ownership_transfers"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "plan_users_invitation_idx" ON "plan_users" USING btree ("invitation_id");--> statement-breakpoint
CREATE INDEX "tasks_workflow_idx" ON "tasks" USING btree ("workflow_id");--> statement-breakpoint
CREATE INDEX "workflows_plan_created_idx" ON "workflows" USING btree ("plan_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_user_created_idx" ON "notifications" USING btree ("user_id","org_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_org_email_pending_key" ON "invitations" USING btree ("org_id","kind","email") WHERE "invitations"."status" = 'pending';