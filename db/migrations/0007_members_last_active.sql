ALTER TABLE "memberships" ADD COLUMN "last_active_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "memberships_org_created_idx" ON "memberships" USING btree ("org_id","created_at");