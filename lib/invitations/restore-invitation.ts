import "server-only";
import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import { invitations, ownershipTransfers, planUserPermissions, planUsers, plans, productPermissions } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { lockActor } from "@/lib/members/actor";
import { canManageInvitation, canManageInvitations } from "@/lib/permissions";
import { lockPlan, reservePlanSeats } from "@/lib/plans/plan-seats";
import { reserveSeats } from "@/lib/seats/reserve-seat";
import { transaction } from "@/lib/transaction";
import { findMembershipByEmail, lockPendingInvitation } from "./lookups";
import { REVOKE_UNDO_MS } from "./revoke-invitation";

export type RestoreResult = { email: string; kind: "member" | "supplier"; expiresAt: Date; plans: string[] };

/**
 * Undo of Revoke (docs/decisions/031): the invitation becomes what it was — the same link, the
 * same expiry, its plan places and its attached transfer — or nothing changes. Allowed to those
 * who may revoke it (R1), within REVOKE_UNDO_MS of the revocation, while its expiry has not
 * passed, no newer invitation or membership holds the address, and the seat checks pass again:
 * the organization's seat (T3, T5, through reserveSeats) and each plan's seat (P3). Audited.
 * A supplier invitation (I6) holds no seat and no plan place here, and makes an organization of
 * its own: no seat is taken again, and instead of membership here, a newer supplier invitation
 * to the address accepted meanwhile makes Undo refuse.
 * Locks: organization, invitation, then each plan in id order, then the transfers.
 */
export async function restoreInvitation(ctx: MemberContext, invitationId: string, now = new Date()): Promise<RestoreResult> {
  return transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    const [invitation] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.id, invitationId), eq(invitations.orgId, actor.orgId)))
      .for("update");
    if (!invitation) throw notFound("This invitation");
    if (!canManageInvitation(actor.role, invitation.role)) {
      throw forbidden(
        invitation.kind === "supplier"
          ? "Only Admins manage supplier invitations."
          : canManageInvitations(actor.role)
            ? "Managers restore invitations for the User role only."
            : "Only Admins and Managers manage invitations.",
      );
    }
    if (invitation.status !== "revoked" || !invitation.revokedAt) {
      throw new AppError("CONFLICT", invitation.status === "pending" ? "This invitation is not revoked." : `This invitation was ${invitation.status}; there is nothing to undo.`);
    }
    const again = `Invite ${invitation.email} again instead.`;
    if (now.getTime() - invitation.revokedAt.getTime() > REVOKE_UNDO_MS) {
      throw new AppError("EXPIRED", `A revocation can be undone for ${REVOKE_UNDO_MS / 60_000} minutes. ${again}`);
    }
    if (invitation.expiresAt <= now) throw new AppError("EXPIRED", `The invitation would have expired meanwhile. ${again}`);
    const newer = await lockPendingInvitation(tx, actor.orgId, invitation.kind, invitation.email, invitation.id);
    if (newer) throw new AppError("CONFLICT", `${invitation.email} has a newer invitation; this one stays revoked.`);
    if (invitation.kind === "member") {
      const member = await findMembershipByEmail(tx, actor.orgId, invitation.email);
      if (member) throw new AppError("ALREADY_MEMBER", `${invitation.email} is a member now; there is nothing to restore.`);
    } else {
      // I6: a supplier's Admin may well be a member here too (accepting makes an organization of
      // its own); what makes this one moot is a newer supplier invitation accepted meanwhile.
      const [joined] = await tx
        .select({ id: invitations.id })
        .from(invitations)
        .where(
          and(
            eq(invitations.orgId, actor.orgId),
            eq(invitations.kind, "supplier"),
            eq(invitations.email, invitation.email),
            eq(invitations.status, "accepted"),
            gt(invitations.acceptedAt, invitation.revokedAt),
          ),
        );
      if (joined) throw new AppError("CONFLICT", `${invitation.email} accepted a newer supplier invitation; this one stays revoked.`);
    }

    // T3, T5: the invitation takes a seat again, under the organization's lock, or nothing happens.
    if (invitation.kind === "member") await reserveSeats(tx, actor.orgId, 1);
    const restoredPlans: string[] = [];
    for (const place of [...(invitation.revokedPlaces ?? [])].sort((a, b) => a.planId.localeCompare(b.planId))) {
      const plan = await lockPlan(tx, actor.orgId, place.planId);
      await reservePlanSeats(tx, plan, 1);
      const [row] = await tx
        .insert(planUsers)
        .values({ planId: plan.id, orgId: plan.orgId, invitationId: invitation.id, addedById: actor.userId })
        .returning({ id: planUsers.id });
      // The permissions it had, as far as the product still has them (P5).
      const known = place.permissions.length
        ? await tx
            .select({ key: productPermissions.key })
            .from(productPermissions)
            .where(and(eq(productPermissions.productId, plan.productId), inArray(productPermissions.key, place.permissions)))
        : [];
      if (known.length) {
        await tx.insert(planUserPermissions).values(known.map((k) => ({ planUserId: row.id, productId: plan.productId, key: k.key })));
      }
      restoredPlans.push(plan.productName);
    }
    // O3: a transfer this revocation voided comes back only if it would still be valid.
    const voided = await tx
      .select()
      .from(ownershipTransfers)
      .where(
        and(
          eq(ownershipTransfers.toInvitationId, invitation.id),
          eq(ownershipTransfers.state, "void"),
          eq(ownershipTransfers.resolvedAt, invitation.revokedAt),
          isNull(ownershipTransfers.toUserId),
        ),
      )
      .for("update");
    for (const transfer of voided) {
      const [plan] = await tx.select({ subscriberId: plans.subscriberId }).from(plans).where(eq(plans.id, transfer.planId));
      const [live] = await tx
        .select({ id: ownershipTransfers.id })
        .from(ownershipTransfers)
        .where(and(eq(ownershipTransfers.planId, transfer.planId), eq(ownershipTransfers.state, "pending")));
      if (!plan || plan.subscriberId !== transfer.fromUserId || live || transfer.expiresAt <= now) {
        throw new AppError("CONFLICT", `The ownership transfer attached to this invitation can no longer be restored. ${again}`);
      }
      await tx.update(ownershipTransfers).set({ state: "pending", resolvedAt: null }).where(eq(ownershipTransfers.id, transfer.id));
    }
    await tx
      .update(invitations)
      .set({ status: "pending", revokedAt: null, revokedById: null, revokedPlaces: null })
      .where(eq(invitations.id, invitation.id));
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: "invitation.restored",
      subject: { type: "invitation", id: invitation.id },
      before: { status: "revoked" },
      after: {
        status: "pending",
        email: invitation.email,
        role: invitation.role,
        expiresAt: invitation.expiresAt.toISOString(),
        ...(restoredPlans.length ? { plans: restoredPlans } : {}),
        ...(voided.length ? { transfersRestored: voided.length } : {}),
      },
    });
    return { email: invitation.email, kind: invitation.kind, expiresAt: invitation.expiresAt, plans: restoredPlans };
  });
}
