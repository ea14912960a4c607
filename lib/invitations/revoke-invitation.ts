import "server-only";
import { and, eq } from "drizzle-orm";
import { invitations, ownershipTransfers, planUsers } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { transaction } from "@/lib/transaction";
import { lockManageableInvitation } from "./resend-invitation";

/**
 * Revoke (SPEC I2, I3, T2): the link dies and the seat is free at once, with the plan places the
 * invitation held (P3) and any transfer attached to it (O3).
 */
export async function revokeInvitation(ctx: MemberContext, invitationId: string) {
  await transaction(async (tx) => {
    const { actor, invitation } = await lockManageableInvitation(tx, ctx, invitationId);
    const now = new Date();
    await tx.update(invitations).set({ status: "revoked", revokedAt: now }).where(eq(invitations.id, invitation.id));
    await tx.delete(planUsers).where(eq(planUsers.invitationId, invitation.id));
    await tx
      .update(ownershipTransfers)
      .set({ state: "void", resolvedAt: now })
      .where(and(eq(ownershipTransfers.toInvitationId, invitation.id), eq(ownershipTransfers.state, "pending")));
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: "invitation.revoked",
      subject: { type: "invitation", id: invitation.id },
      before: { email: invitation.email, role: invitation.role, status: "pending" },
      after: { status: "revoked" },
    });
  });
}
