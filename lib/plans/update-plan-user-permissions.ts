import "server-only";
import { and, eq } from "drizzle-orm";
import { planUserPermissions, planUsers, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { lockActor } from "@/lib/members/actor";
import { canEditPlanUserPermissions, canManagePlanUsers } from "@/lib/permissions";
import { transaction } from "@/lib/transaction";
import { productPermissionKeys } from "./plan-places";
import { lockPlan } from "./plan-seats";

/**
 * Edit User Permissions (SPEC P4, P5, P7): the plan's managers set which of the product's own
 * permissions a plan user (or an invitee's place) holds. A permission the product does not have
 * is refused on its field; the subscriber's are not edited — they always hold all of them.
 * The change applies at the user's next request: every page and action reads them again.
 */
export async function updatePlanUserPermissions(ctx: MemberContext, planId: string, planUserId: string, keys: string[]) {
  return transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    const plan = await lockPlan(tx, actor.orgId, planId);
    if (!canManagePlanUsers(actor, plan.subscriberId)) throw forbidden("Only the plan's subscriber and Admins edit its users' permissions.");
    const [place] = await tx
      .select({ id: planUsers.id, userId: planUsers.userId, email: users.email })
      .from(planUsers)
      .leftJoin(users, eq(users.id, planUsers.userId))
      .where(and(eq(planUsers.id, planUserId), eq(planUsers.planId, plan.id)))
      .for("update", { of: planUsers });
    if (!place) throw notFound("This plan user");
    if (!canEditPlanUserPermissions(actor, plan.subscriberId, place.userId)) {
      throw new AppError("CONFLICT", "The subscriber always has every permission of the plan.");
    }
    const available = await productPermissionKeys(tx, plan.productId, "all");
    const unknown = keys.filter((k) => !available.includes(k));
    if (unknown.length) {
      throw new AppError("VALIDATION", "Please correct the highlighted fields.", {
        fieldErrors: { permissions: [`${plan.productName} has no permission "${unknown[0]}".`] },
      });
    }
    const before = (
      await tx.select({ key: planUserPermissions.key }).from(planUserPermissions).where(eq(planUserPermissions.planUserId, place.id))
    ).map((r) => r.key);
    const wanted = available.filter((k) => keys.includes(k));
    if (before.length === wanted.length && wanted.every((k) => before.includes(k))) return { changed: false };
    await tx.delete(planUserPermissions).where(eq(planUserPermissions.planUserId, place.id));
    if (wanted.length) {
      await tx.insert(planUserPermissions).values(wanted.map((key) => ({ planUserId: place.id, productId: plan.productId, key })));
    }
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: "plan.permissions_changed",
      target: place.userId && place.email ? { id: place.userId, email: place.email } : null,
      subject: { type: "plan", id: plan.id },
      before: { permissions: before.sort() },
      after: { permissions: wanted },
    });
    return { changed: true };
  });
}
