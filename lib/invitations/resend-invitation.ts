import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { invitations } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { kickEmailSender } from "@/lib/email";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { lockActor } from "@/lib/members/actor";
import { transaction } from "@/lib/transaction";
import { canManageInvitation, canManageInvitations } from "@/lib/permissions";
import { hitInvitationEmailLimit, retryMinutes } from "@/lib/rate-limit";
import { reserveSeats } from "@/lib/seats/reserve-seat";
import { enqueueInvitationEmail } from "./invitation-email";
import { reclaimInvitationPlanPlaces } from "./invitation-plans";
import { replaceInvitationToken } from "./replace-token";
import { invitationExpiry } from "./token";

/** A pending invitation of the caller's organization, locked; any other id is not found. */
export async function lockPendingInvitation(tx: Tx, orgId: string, invitationId: string) {
  const [invitation] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.orgId, orgId)))
    .for("update");
  if (!invitation) throw notFound("This invitation");
  if (invitation.status === "accepted") throw new AppError("ALREADY_USED", "This invitation was already accepted.");
  if (invitation.status === "revoked") throw new AppError("REVOKED", "This invitation was revoked.");
  if (invitation.status === "declined") throw new AppError("REVOKED", `${invitation.email} declined this invitation.`);
  return invitation;
}

/**
 * The common start of Resend and Revoke: the caller read again, the organization locked, the
 * pending invitation locked, and R1 applied to its role (I3).
 */
export async function lockManageableInvitation(tx: Tx, ctx: MemberContext, invitationId: string) {
  const actor = await lockActor(tx, ctx);
  const invitation = await lockPendingInvitation(tx, actor.orgId, invitationId);
  if (!canManageInvitation(actor.role, invitation.role)) {
    throw forbidden(
      invitation.kind === "supplier"
        ? "Only Admins manage supplier invitations."
        : canManageInvitations(actor.role)
          ? "Managers resend and revoke invitations for the User role only."
          : "Only Admins and Managers resend or revoke invitations.",
    );
  }
  return { actor, invitation };
}

/**
 * Resend (SPEC I2, I3): a new token and a new 7-day expiry; the old link dies. An expired
 * invitation takes a seat again, so it goes through the seat check (T3, T5), and so do its plan
 * places (P3). A supplier invitation (I6) holds no seat of this organization.
 */
export async function resendInvitation(ctx: MemberContext, invitationId: string, options: { baseUrl: string }) {
  await transaction(async (tx) => {
    const { actor, invitation } = await lockManageableInvitation(tx, ctx, invitationId);
    // The same count as Invite Teammate's for this address: resending cannot sidestep it.
    const limit = await hitInvitationEmailLimit(actor.orgId, invitation.email, { db: tx });
    if (!limit.allowed) {
      throw new AppError(
        "RATE_LIMITED",
        `Too many invitations were sent to ${invitation.email} lately. Try again in ${retryMinutes(limit.retryAfterSeconds)}.`,
      );
    }
    const now = new Date();
    if (invitation.expiresAt <= now) {
      if (invitation.kind === "member") await reserveSeats(tx, actor.orgId, 1);
      await reclaimInvitationPlanPlaces(tx, actor.orgId, invitation.id);
    }
    const expiresAt = invitationExpiry(now);
    // Whoever sends it now is the inviter the email names, as when inviting the address again.
    const token = await replaceInvitationToken(tx, invitation, { expiresAt, sentAt: now, invitedById: actor.userId });
    await enqueueInvitationEmail(tx, { invitationId: invitation.id, token, baseUrl: options.baseUrl });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: "invitation.resent",
      subject: { type: "invitation", id: invitation.id },
      before: { expiresAt: invitation.expiresAt.toISOString() },
      after: { email: invitation.email, role: invitation.role, expiresAt: expiresAt.toISOString() },
    });
  });
  kickEmailSender();
}
