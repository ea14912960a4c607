ALTER TYPE "public"."invitation_status" ADD VALUE 'declined';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'member_joined';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'invitation_declined';--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "revoked_by_id" uuid;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "revoked_places" jsonb;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "declined_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_revoked_by_id_users_id_fk" FOREIGN KEY ("revoked_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;