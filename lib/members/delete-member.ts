import "server-only";
import type { Tx } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { AppError, forbidden } from "@/lib/errors";
import { canDeleteMember } from "@/lib/permissions";
import { transaction } from "@/lib/transaction";
import { lockActor, refusedOnTokenCreator, targetMember, type ActingMember } from "./actor";
import { assertAdminRemains } from "./assert-admin-remains";
import { dependentsMessage, memberDependents } from "./member-dependents";
import { removeMembershipInTx } from "./remove-membership";
import { emitEvent } from "@/lib/webhooks/emit";

/**
 * Delete User (SPEC R4, R5, R6), in one transaction: refuses while the member owns surveys or
 * subscribes to a plan; removes them from every plan with P6's effects; voids transfers to or from
 * them; deletes the membership (the seat is free); ends every session of theirs if they belong to
 * no other organization; writes the audit entry. Their data elsewhere is untouched.
 */
export async function deleteMember(ctx: MemberContext, userId: string) {
  return transaction(async (tx) => deleteMemberInTx(tx, await lockActor(tx, ctx), userId));
}

type Target = Awaited<ReturnType<typeof targetMember>>;

/**
 * R4 (with R7) for one target, under the organization's lock: who may delete whom, and — for the
 * directory, the only actor that may delete an Admin — never the last active Admin.
 */
export async function assertMayDeleteMember(tx: Tx, actor: ActingMember, target: Target) {
  if (!canDeleteMember(actor, target)) {
    throw forbidden(
      refusedOnTokenCreator(actor, target, "deleting") ??
        (actor.userId === target.userId
          ? "You cannot delete yourself."
          : target.role === "admin"
            ? "Nobody deletes an Admin. An Admin can step down to Manager or User first."
            : "Only Admins and Managers delete users."),
    );
  }
  if (target.role === "admin") await assertAdminRemains(tx, actor.orgId, target.userId);
}

/**
 * deleteMember inside the caller's transaction, after lockActor: the one Delete User of the Users
 * page and of SCIM's DELETE (C3), which may first transfer what R5 asks for in the same transaction.
 */
export async function deleteMemberInTx(tx: Tx, actor: ActingMember, userId: string) {
  const target = await targetMember(tx, actor.orgId, userId);
  await assertMayDeleteMember(tx, actor, target);
  const message = dependentsMessage(await memberDependents(tx, actor.orgId, target.userId));
  if (message) throw new AppError("HAS_DEPENDENTS", message);

  const actorRef = { id: actor.userId, email: actor.email };
  const targetRef = { id: target.userId, email: target.email };
  const { plansLeft, sessionsEnded } = await removeMembershipInTx(tx, {
    orgId: actor.orgId,
    actor: actorRef,
    target: { userId: target.userId, email: target.email, membershipId: target.membershipId },
    endSessionsWhenNoOtherOrganization: true,
  });
  await recordAudit(tx, {
    orgId: actor.orgId,
    actor: actorRef,
    action: "member.deleted",
    target: targetRef,
    subject: { type: "membership", id: target.membershipId },
    before: { role: target.role, status: target.status, plans: plansLeft },
    after: { member: false, sessionsEnded },
  });
  const data = { userId: target.userId, email: target.email, name: target.name, role: target.role, reason: "deleted" as const };
  await emitEvent(tx, { orgId: actor.orgId, type: "member.deleted", data });
  return { name: target.name ?? target.email, email: target.email, plansLeft, sessionsEnded };
}
