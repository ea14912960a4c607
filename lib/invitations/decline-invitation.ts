import "server-only";
import { and, eq } from "drizzle-orm";
import { invitations } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { roleLabels } from "@/lib/permissions";
import { lockOrganization } from "@/lib/seats/reserve-seat";
import { transaction } from "@/lib/transaction";
import { endInvitationInTx } from "./end-invitation";
import { hashInvitationToken } from "./token";
import { writeNotifications } from "@/lib/notifications/write-notifications";
import { emitEvent } from "@/lib/webhooks/emit";

export type DeclineInvitationOptions = {
  token: string;
  /** The person signed in in this browser, if anyone: they must be the invitee (like I4). */
  signedIn: { id: string; email: string } | null;
};

/**
 * The invitee says no, from the link (docs/decisions/034). The link proves the address, as for
 * accepting (I4), and the checks come in the same order: the invitation's state, its expiry, the
 * signed-in account. Then, in one transaction: the invitation is claimed as declined (a
 * conditional update from pending), its seat and plan places free at once (T2, P3), an attached
 * transfer is voided (O3), the inviter finds a notification in their inbox (N1), and the audit
 * entry is written (A1). The link then says it was declined.
 */
export async function declineInvitation(options: DeclineInvitationOptions): Promise<{ orgName: string }> {
  const tokenHash = hashInvitationToken(options.token);
  return transaction(async (tx) => {
    const [found] = await tx.select({ id: invitations.id, orgId: invitations.orgId }).from(invitations).where(eq(invitations.tokenHash, tokenHash));
    if (!found) throw notFound("This invitation");
    // The organization first, then the invitation: the lock order of every invitation path.
    const org = await lockOrganization(tx, found.orgId);
    const [invitation] = await tx.select().from(invitations).where(eq(invitations.id, found.id)).for("update");
    if (!org || !invitation || invitation.tokenHash !== tokenHash) {
      throw new AppError("EXPIRED", "This invitation link is no longer valid: a newer one was sent.");
    }
    if (invitation.status === "accepted") throw new AppError("ALREADY_USED", "This invitation was already accepted.");
    if (invitation.status === "declined") throw new AppError("ALREADY_USED", "This invitation was already declined.");
    if (invitation.status === "revoked") throw new AppError("REVOKED", "This invitation was revoked by the organization.");
    const now = new Date();
    if (invitation.expiresAt <= now) throw new AppError("EXPIRED", "This invitation has expired; there is nothing to decline.");
    if (options.signedIn && options.signedIn.email.toLowerCase() !== invitation.email) {
      throw new AppError(
        "WRONG_ACCOUNT",
        `This invitation is for ${invitation.email}, but you are signed in as ${options.signedIn.email}. Sign out and open the link again.`,
      );
    }
    const claimed = await tx
      .update(invitations)
      .set({ status: "declined", declinedAt: now })
      .where(and(eq(invitations.id, invitation.id), eq(invitations.status, "pending")))
      .returning({ id: invitations.id });
    if (!claimed.length) throw new AppError("ALREADY_USED", "This invitation was already answered.");
    const ended = await endInvitationInTx(tx, invitation.id, now);
    const who = invitation.kind === "supplier" && invitation.companyName ? `${invitation.companyName} (${invitation.email})` : invitation.email;
    await writeNotifications(tx, {
      userId: invitation.invitedById,
      orgId: invitation.orgId,
      kind: "invitation_declined",
      title: `${who} declined your invitation`,
      body:
        invitation.kind === "supplier"
          ? `They will not join Seatwise as a supplier of ${org.name} with this invitation.`
          : `They will not join ${org.name} as ${roleLabels[invitation.role]}. Their seat is free again.`,
    });
    await recordAudit(tx, {
      orgId: invitation.orgId,
      actor: { id: options.signedIn?.id ?? null, email: invitation.email },
      action: "invitation.declined",
      subject: { type: "invitation", id: invitation.id },
      before: { status: "pending", email: invitation.email, role: invitation.role },
      after: {
        status: "declined",
        ...(ended.places.length ? { planPlacesRemoved: ended.places.length } : {}),
        ...(ended.transfersVoided ? { transfersVoided: ended.transfersVoided } : {}),
      },
    });
    if (invitation.kind === "member") {
      const data = { invitationId: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt.toISOString() };
      await emitEvent(tx, { orgId: invitation.orgId, type: "invitation.declined", data });
    }
    return { orgName: org.name };
  });
}
