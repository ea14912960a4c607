import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { planUsers, plans, tasks, workflows } from "@/db/schema";
import { grantAllPermissions, insertPlanPlace } from "@/lib/plans/plan-places";
import { reservePlanSeats, type LockedPlan } from "@/lib/plans/plan-seats";

export type HandOver = {
  /** The recipient was not on the plan and took a new place (and a plan seat). */
  addedToPlan: boolean;
  /** A plan of one user (Company Profile): the previous subscriber's place passed to the recipient. */
  replacedPreviousSubscriber: boolean;
};

/**
 * The one way a plan changes hands (O2 accept, O4 reassign), inside the caller's transaction with
 * the organization and the plan locked. The plan always has exactly one subscriber, who is a plan
 * user with every permission (P1, P5):
 * - the recipient already on the plan keeps their place and gets every permission;
 * - a recipient not on it takes a place first, through the plan's seat check (P3, T5);
 * - on a plan of one user there is no second place: the previous subscriber's place, with its
 *   workflows and open tasks, passes to the recipient (docs/decisions/012).
 * The previous subscriber otherwise stays on the plan as a regular user, keeping their seat.
 */
export async function handOverPlanInTx(tx: Tx, plan: LockedPlan, toUserId: string): Promise<HandOver> {
  const fromUserId = plan.subscriberId;
  const [place] = await tx
    .select({ id: planUsers.id })
    .from(planUsers)
    .where(and(eq(planUsers.planId, plan.id), eq(planUsers.userId, toUserId)));
  let addedToPlan = false;
  let replacedPreviousSubscriber = false;
  if (place) {
    await grantAllPermissions(tx, place, plan.productId);
  } else if (plan.userMode === "single") {
    const now = new Date();
    const [moved] = await tx
      .update(planUsers)
      .set({ userId: toUserId, addedById: fromUserId })
      .where(and(eq(planUsers.planId, plan.id), eq(planUsers.userId, fromUserId)))
      .returning({ id: planUsers.id });
    if (moved) await grantAllPermissions(tx, moved, plan.productId);
    else await insertPlanPlace(tx, plan, { userId: toUserId }, { addedById: fromUserId, permissions: "all" });
    await tx.update(workflows).set({ ownerId: toUserId }).where(and(eq(workflows.planId, plan.id), eq(workflows.ownerId, fromUserId)));
    await tx
      .update(tasks)
      .set({ assigneeId: toUserId, updatedAt: now })
      .where(and(eq(tasks.planId, plan.id), eq(tasks.assigneeId, fromUserId), eq(tasks.state, "open")));
    await tx
      .update(tasks)
      .set({ senderId: toUserId, updatedAt: now })
      .where(and(eq(tasks.planId, plan.id), eq(tasks.senderId, fromUserId), eq(tasks.state, "open")));
    addedToPlan = true;
    replacedPreviousSubscriber = true;
  } else {
    await reservePlanSeats(tx, plan, 1);
    await insertPlanPlace(tx, plan, { userId: toUserId }, { addedById: fromUserId, permissions: "all" });
    addedToPlan = true;
  }
  await tx.update(plans).set({ subscriberId: toUserId }).where(eq(plans.id, plan.id));
  return { addedToPlan, replacedPreviousSubscriber };
}
