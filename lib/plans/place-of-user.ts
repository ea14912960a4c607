import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { planUsers, plans } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { actingMember } from "@/lib/members/actor";
import { canManagePlanUsers, canRemoveFromPlan } from "@/lib/permissions";
import { findPlan, listPlanUsers } from "./queries";
import { removalPreview, type RemovalPreview } from "./remove-plan-user";

/**
 * The place (plan_users row) of a member on a plan of the caller's organization: the API names plan
 * users by their user id. Another organization's plan, or a user not on it, is not found.
 */
export async function planPlaceOfUser(ctx: MemberContext, planId: string, userId: string): Promise<string> {
  const [row] = await db
    .select({ id: planUsers.id })
    .from(planUsers)
    .innerJoin(plans, eq(plans.id, planUsers.planId))
    .where(and(eq(plans.id, planId), eq(plans.orgId, ctx.org.id), eq(planUsers.userId, userId)));
  if (!row) throw notFound("This plan user");
  return row.id;
}

/**
 * P6's preview of Remove from plan, changing nothing: what removing this user would delete and
 * move. Asked under the removal's own rules (P7: the subscriber and Admins; the subscriber is never
 * removed), so the preview refuses exactly what the removal would.
 */
export async function previewPlanUserRemoval(ctx: MemberContext, planId: string, userId: string): Promise<RemovalPreview> {
  const actor = await actingMember(db, ctx);
  const [plan] = await db.select({ id: plans.id, subscriberId: plans.subscriberId }).from(plans).where(and(eq(plans.id, planId), eq(plans.orgId, ctx.org.id)));
  if (!plan) throw notFound("This plan");
  if (!canManagePlanUsers(actor, plan.subscriberId)) throw forbidden("Only the plan's subscriber and Admins remove its users.");
  await planPlaceOfUser(ctx, planId, userId);
  if (!canRemoveFromPlan(actor, plan.subscriberId, userId)) {
    throw new AppError("HAS_DEPENDENTS", "The subscriber cannot be removed from their own plan. Transfer ownership first.");
  }
  const previews = await removalPreview(db, plan.id, [userId]);
  return previews.get(userId) ?? { workflows: 0, toInbox: 0, toOutbox: 0 };
}

/**
 * Manage Users of a plan for a caller who may manage it (P7): the plan of their organization
 * (another organization's is not found), then the rule, then the page's list.
 */
export async function listManagedPlanUsers(ctx: MemberContext, planId: string, options: { q?: string; page?: number }) {
  const plan = await findPlan(ctx, planId);
  if (!plan) throw notFound("This plan");
  const actor = await actingMember(db, ctx);
  if (!canManagePlanUsers(actor, plan.subscriberId)) throw forbidden("Only the plan's subscriber and Admins manage its users.");
  return listPlanUsers(ctx, plan, options);
}
