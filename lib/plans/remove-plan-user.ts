import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { notifications, ownershipTransfers, planUsers, plans, products, tasks, workflows } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";

export type RemoveFromPlanOptions = {
  planId: string;
  userId: string;
  actor: { id: string; email: string } | null;
  target: { id: string; email: string };
};

/**
 * SPEC P6, inside the caller's transaction: the user's workflows in the plan are deleted, their
 * open tasks in it move to the subscriber (assigned ones into the subscriber's Inbox, sent ones
 * into the Outbox), pending transfers of the plan to them are void, and their place is removed.
 * Nothing else of theirs is touched. The subscriber cannot be removed. Used by Remove from plan
 * and by Delete User (R6).
 */
export async function removeFromPlanInTx(tx: Tx, options: RemoveFromPlanOptions) {
  const [plan] = await tx
    .select({ id: plans.id, orgId: plans.orgId, subscriberId: plans.subscriberId, productName: products.name })
    .from(plans)
    .innerJoin(products, eq(products.id, plans.productId))
    .where(eq(plans.id, options.planId))
    .for("update", { of: plans });
  if (!plan) throw new AppError("NOT_FOUND", "This plan was not found.");
  if (plan.subscriberId === options.userId) {
    throw new AppError("HAS_DEPENDENTS", "The subscriber cannot be removed from their own plan. Transfer ownership first.");
  }
  const deletedWorkflows = await tx
    .delete(workflows)
    .where(and(eq(workflows.planId, plan.id), eq(workflows.ownerId, options.userId)))
    .returning({ id: workflows.id });
  const movedAssigned = await tx
    .update(tasks)
    .set({ assigneeId: plan.subscriberId, updatedAt: new Date() })
    .where(and(eq(tasks.planId, plan.id), eq(tasks.assigneeId, options.userId), eq(tasks.state, "open")))
    .returning({ id: tasks.id });
  const movedSent = await tx
    .update(tasks)
    .set({ senderId: plan.subscriberId, updatedAt: new Date() })
    .where(and(eq(tasks.planId, plan.id), eq(tasks.senderId, options.userId), eq(tasks.state, "open")))
    .returning({ id: tasks.id });
  await tx
    .update(ownershipTransfers)
    .set({ state: "void", resolvedAt: new Date() })
    .where(
      and(
        eq(ownershipTransfers.planId, plan.id),
        eq(ownershipTransfers.state, "pending"),
        inArray(ownershipTransfers.toUserId, [options.userId]),
      ),
    );
  const removed = await tx
    .delete(planUsers)
    .where(and(eq(planUsers.planId, plan.id), eq(planUsers.userId, options.userId)))
    .returning({ id: planUsers.id });
  if (!removed.length) throw new AppError("NOT_FOUND", "This person is not on the plan.");
  const moved = movedAssigned.length + movedSent.length;
  if (moved) {
    await tx.insert(notifications).values({
      userId: plan.subscriberId,
      orgId: plan.orgId,
      kind: "tasks_moved",
      title: `${moved} task${moved === 1 ? "" : "s"} moved to you from ${options.target.email}`,
      body: `${options.target.email} left ${plan.productName}: ${movedAssigned.length} assigned task(s) are in your Inbox and ${movedSent.length} sent task(s) in your Outbox.`,
    });
  }
  await recordAudit(tx, {
    orgId: plan.orgId,
    actor: options.actor,
    action: "plan.user_removed",
    target: options.target,
    subject: { type: "plan", id: plan.id },
    before: { plan: plan.productName, onPlan: true },
    after: {
      onPlan: false,
      workflowsDeleted: deletedWorkflows.length,
      tasksMovedToInbox: movedAssigned.length,
      tasksMovedToOutbox: movedSent.length,
    },
  });
  return { workflowsDeleted: deletedWorkflows.length, tasksMoved: moved };
}
