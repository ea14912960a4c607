import "server-only";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { AppError, forbidden } from "@/lib/errors";
import { canLeaveOrganization } from "@/lib/permissions";
import { transaction } from "@/lib/transaction";
import { lockActor, targetMember } from "./actor";
import { assertAdminRemains } from "./assert-admin-remains";
import { memberDependents } from "./member-dependents";
import { removeMembershipInTx } from "./remove-membership";
import { emitEvent } from "@/lib/webhooks/emit";

/** R5's sentence for oneself: "Transfer your 2 surveys and ownership of PDoc Share first." */
export function leaveBlockedMessage(d: { surveys: number; subscribedPlans: string[] }): string | null {
  const parts: string[] = [];
  if (d.surveys) parts.push(`your ${d.surveys} survey${d.surveys === 1 ? "" : "s"}`);
  if (d.subscribedPlans.length) parts.push(`ownership of ${d.subscribedPlans.join(", ")}`);
  return parts.length ? `Transfer ${parts.join(" and ")} first.` : null;
}

/**
 * Leave organization (docs/decisions/035), in one transaction: the organization is locked and the
 * caller's membership read again (R8); R7 with the same assertAdminRemains as a step-down (the
 * last active Admin stays); R5 as for Delete User (surveys and plans they own are transferred
 * first); then Delete User's R6 effects through removeMembershipInTx — plans left with P6's
 * effects, transfers voided, check-outs released, the seat freed — except that their sessions
 * live on: they keep their account. Audited as member.left.
 */
export async function leaveOrganization(ctx: MemberContext) {
  return transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    if (!canLeaveOrganization(actor.role)) throw forbidden("You cannot leave this organization.");
    const me = await targetMember(tx, actor.orgId, actor.userId);
    if (me.role === "admin") {
      try {
        await assertAdminRemains(tx, actor.orgId, me.userId);
      } catch (error) {
        if (error instanceof AppError && error.code === "LAST_ADMIN") {
          throw new AppError(
            "LAST_ADMIN",
            `You are the only Admin of ${actor.orgName}. Make another member an Admin first: an organization always needs one.`,
          );
        }
        throw error;
      }
    }
    const blocked = leaveBlockedMessage(await memberDependents(tx, actor.orgId, me.userId));
    if (blocked) throw new AppError("HAS_DEPENDENTS", blocked);
    const self = { id: me.userId, email: me.email };
    const { plansLeft } = await removeMembershipInTx(tx, {
      orgId: actor.orgId,
      actor: self,
      target: { userId: me.userId, email: me.email, membershipId: me.membershipId },
      endSessionsWhenNoOtherOrganization: false,
    });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: self,
      action: "member.left",
      target: self,
      subject: { type: "membership", id: me.membershipId },
      before: { role: me.role, status: me.status, plans: plansLeft },
      after: { member: false },
    });
    await emitEvent(tx, { orgId: actor.orgId, type: "member.deleted", data: { userId: me.userId, email: me.email, name: me.name, role: me.role, reason: "left" } });
    return { orgName: actor.orgName, plansLeft };
  });
}
