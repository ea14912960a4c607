import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { planUserPermissions, planUsers, plans, products } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { hasPlanPermission, type PlanCapability, type PlanUserMode } from "@/lib/permissions";

export type PlanArea = {
  plan: { id: string; orgId: string; productId: string; productName: string; userMode: PlanUserMode; subscriberId: string };
  /** The caller as a plan user: their place and the permissions they hold (P5). */
  me: { userId: string; placeId: string; granted: string[]; isSubscriber: boolean };
  can: (capability: PlanCapability) => boolean;
};

/**
 * SPEC §6: the product area opens only to the plan's users. The caller's place on a plan of
 * their organization, with their permissions read again (P5, R8); anyone else — a member not on
 * the plan, someone removed a moment ago, another organization's plan — gets NOT_FOUND, exactly
 * like a plan that does not exist. Two statements.
 */
export async function requirePlanUser(
  db: DbOrTx,
  orgId: string,
  userId: string,
  planId: string,
  options: { lockPlace?: boolean } = {},
): Promise<PlanArea> {
  const query = db
    .select({
      id: plans.id,
      orgId: plans.orgId,
      productId: plans.productId,
      productName: products.name,
      userMode: products.userMode,
      subscriberId: plans.subscriberId,
      placeId: planUsers.id,
    })
    .from(plans)
    .innerJoin(products, eq(products.id, plans.productId))
    .innerJoin(planUsers, and(eq(planUsers.planId, plans.id), eq(planUsers.userId, userId)))
    .where(and(eq(plans.id, planId), eq(plans.orgId, orgId)));
  // A personal write (completing a task) holds its place under FOR SHARE instead of locking the
  // plan: a removal from the plan (FOR UPDATE on the place) waits for it, or it for the removal,
  // and then finds no place (docs/decisions/065).
  const [row] = await (options.lockPlace ? query.for("share", { of: planUsers }) : query);
  if (!row) throw notFound("This plan");
  const granted = (
    await db.select({ key: planUserPermissions.key }).from(planUserPermissions).where(eq(planUserPermissions.planUserId, row.placeId))
  ).map((p) => p.key);
  const { placeId, ...plan } = row;
  const me = { userId, placeId, granted, isSubscriber: plan.subscriberId === userId };
  return { plan, me, can: (capability) => hasPlanPermission(me, plan.subscriberId, capability) };
}
