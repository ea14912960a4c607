import "server-only";
import { and, eq, inArray, or } from "drizzle-orm";
import { memberships, ownershipTransfers, planUsers, plans, sessions, surveys } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { AppError, forbidden } from "@/lib/errors";
import { canDeleteMember } from "@/lib/permissions";
import { removeFromPlanInTx } from "@/lib/plans/remove-plan-user";
import { transaction } from "@/lib/transaction";
import { lockActor, targetMember } from "./actor";
import { dependentsMessage, memberDependents } from "./member-dependents";

/**
 * Delete User (SPEC R4, R5, R6), in one transaction: refuses while the member owns surveys or
 * subscribes to a plan; removes them from every plan with P6's effects; voids transfers to or from
 * them; deletes the membership (the seat is free); ends every session of theirs if they belong to
 * no other organization; writes the audit entry. Their data elsewhere is untouched.
 */
export async function deleteMember(ctx: MemberContext, userId: string) {
  return transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    const target = await targetMember(tx, actor.orgId, userId);
    if (!canDeleteMember(actor, target)) {
      throw forbidden(
        actor.userId === target.userId
          ? "You cannot delete yourself."
          : target.role === "admin"
            ? "Nobody deletes an Admin. An Admin can step down to Manager or User first."
            : "Only Admins and Managers delete users.",
      );
    }
    const message = dependentsMessage(await memberDependents(tx, actor.orgId, target.userId));
    if (message) throw new AppError("HAS_DEPENDENTS", message);

    const actorRef = { id: actor.userId, email: actor.email };
    const targetRef = { id: target.userId, email: target.email };
    const places = await tx
      .select({ planId: planUsers.planId })
      .from(planUsers)
      .innerJoin(plans, eq(plans.id, planUsers.planId))
      .where(and(eq(plans.orgId, actor.orgId), eq(planUsers.userId, target.userId)));
    for (const place of places) {
      await removeFromPlanInTx(tx, { planId: place.planId, userId: target.userId, actor: actorRef, target: targetRef });
    }
    await tx
      .update(ownershipTransfers)
      .set({ state: "void", resolvedAt: new Date() })
      .where(
        and(
          eq(ownershipTransfers.orgId, actor.orgId),
          eq(ownershipTransfers.state, "pending"),
          or(eq(ownershipTransfers.toUserId, target.userId), eq(ownershipTransfers.fromUserId, target.userId)),
        ),
      );
    // Their check-outs in this organization are released: nobody else could ever edit those surveys.
    await tx
      .update(surveys)
      .set({ checkedOutById: null, checkedOutAt: null })
      .where(and(eq(surveys.orgId, actor.orgId), eq(surveys.checkedOutById, target.userId)));
    await tx.delete(memberships).where(eq(memberships.id, target.membershipId));

    const remaining = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(eq(memberships.userId, target.userId))
      .limit(1);
    let sessionsEnded = 0;
    if (!remaining.length) {
      const ended = await tx.delete(sessions).where(inArray(sessions.userId, [target.userId])).returning({ t: sessions.sessionToken });
      sessionsEnded = ended.length;
    }
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: actorRef,
      action: "member.deleted",
      target: targetRef,
      subject: { type: "membership", id: target.membershipId },
      before: { role: target.role, status: target.status, plans: places.length },
      after: { member: false, sessionsEnded },
    });
    return { name: target.name ?? target.email, plansLeft: places.length, sessionsEnded };
  });
}
