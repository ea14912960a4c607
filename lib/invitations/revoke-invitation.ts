import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { invitations, type Invitation } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { transaction } from "@/lib/transaction";
import { endInvitationInTx } from "./end-invitation";
import { lockManageableInvitation } from "./resend-invitation";
import { emitEvent } from "@/lib/webhooks/emit";

/**
 * How long a revocation can be undone (docs/decisions/031): long enough to notice a slip of the
 * pointer or of the list, short enough that a revocation meant as a security measure (a link sent
 * to the wrong address) stays one.
 */
export const REVOKE_UNDO_MS = 10 * 60 * 1000;

export type RevokeResult = { invitationId: string; email: string; kind: "member" | "supplier"; undoUntil: Date };

/**
 * Revoke (SPEC I2, I3, T2): the link dies and the seat is free at once, with the plan places the
 * invitation held (P3) and any transfer attached to it (O3). The places are kept on the
 * invitation so that Undo (restoreInvitation) can put them back through the seat checks.
 */
export async function revokeInvitation(ctx: MemberContext, invitationId: string): Promise<RevokeResult> {
  return transaction(async (tx) => {
    const { actor, invitation } = await lockManageableInvitation(tx, ctx, invitationId);
    return revokeInvitationInTx(tx, actor, invitation);
  });
}

/**
 * The revocation itself, inside the caller's transaction with the organization and the pending
 * invitation locked and the actor's right to it checked. Also used when SCIM makes the invitee a
 * member directly: the invitation's seat passes to the membership (C1, T2; docs/decisions/086).
 */
export async function revokeInvitationInTx(tx: Tx, actor: { userId: string; email: string; orgId: string }, invitation: Invitation): Promise<RevokeResult> {
  const now = new Date();
  const ended = await endInvitationInTx(tx, invitation.id, now);
  await tx
    .update(invitations)
    .set({ status: "revoked", revokedAt: now, revokedById: actor.userId, revokedPlaces: ended.places })
    .where(eq(invitations.id, invitation.id));
  await recordAudit(tx, {
    orgId: actor.orgId,
    actor: { id: actor.userId, email: actor.email },
    action: "invitation.revoked",
    subject: { type: "invitation", id: invitation.id },
    before: { email: invitation.email, role: invitation.role, status: "pending" },
    after: {
      status: "revoked",
      ...(ended.places.length ? { planPlacesRemoved: ended.places.length } : {}),
      ...(ended.transfersVoided ? { transfersVoided: ended.transfersVoided } : {}),
    },
  });
  if (invitation.kind === "member") {
    const data = { invitationId: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt.toISOString() };
    await emitEvent(tx, { orgId: actor.orgId, type: "invitation.revoked", data });
  }
  return { invitationId: invitation.id, email: invitation.email, kind: invitation.kind, undoUntil: new Date(now.getTime() + REVOKE_UNDO_MS) };
}
