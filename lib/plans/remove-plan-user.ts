import "server-only";
import { and, count, eq, inArray, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { ownershipTransfers, planUsers, plans, products, tasks, users, workflows } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { enqueueEmail, kickEmailSender } from "@/lib/email";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { lockActor } from "@/lib/members/actor";
import { canManagePlanUsers, canRemoveFromPlan } from "@/lib/permissions";
import { transaction } from "@/lib/transaction";
import { qualified } from "@/db/sql";
import { lockPlan } from "./plan-seats";
import { writeNotifications } from "@/lib/notifications/write-notifications";
import { emitEvent } from "@/lib/webhooks/emit";

/**
 * What P6 touches, as conditions: the user's workflows in the plan, and their open tasks in it
 * (assigned to them, sent by them). The preview and the removal use the very same ones, so the
 * dialog's numbers are what happens.
 */
type Who = string[] | AnyColumn;
const by = (column: AnyColumn, who: Who): SQL => (Array.isArray(who) ? inArray(column, who) : sql`${column} = ${qualified(who)}`);

const removalScope = {
  workflows: (planId: string, who: Who): SQL => and(eq(workflows.planId, planId), by(workflows.ownerId, who))!,
  assignedOpen: (planId: string, who: Who): SQL => and(eq(tasks.planId, planId), by(tasks.assigneeId, who), eq(tasks.state, "open"))!,
  sentOpen: (planId: string, who: Who): SQL => and(eq(tasks.planId, planId), by(tasks.senderId, who), eq(tasks.state, "open"))!,
};

/**
 * P6's preview as SQL for the user in `userColumn` of an enclosing query (Manage Users reads a
 * page of plan users and their previews in one statement), with the same conditions as the removal.
 */
export function removalPreviewSql(planId: string, userColumn: AnyColumn) {
  return {
    workflows: sql<number>`(select count(*)::int from ${workflows} where ${removalScope.workflows(planId, userColumn)})`,
    toInbox: sql<number>`(select count(*)::int from ${tasks} where ${removalScope.assignedOpen(planId, userColumn)})`,
    toOutbox: sql<number>`(select count(*)::int from ${tasks} where ${removalScope.sentOpen(planId, userColumn)})`,
  };
}

export type RemovalPreview = { workflows: number; toInbox: number; toOutbox: number };

/**
 * P6's preview for the confirm dialog: for each user, how many workflows will be deleted and how
 * many open tasks move to the subscriber's Inbox and Outbox. Three grouped queries for a whole
 * page of plan users.
 */
export async function removalPreview(db: DbOrTx, planId: string, userIds: string[]): Promise<Map<string, RemovalPreview>> {
  const result = new Map<string, RemovalPreview>();
  if (!userIds.length) return result;
  const [flows, assigned, sent] = await Promise.all([
    db.select({ userId: workflows.ownerId, n: count() }).from(workflows).where(removalScope.workflows(planId, userIds)).groupBy(workflows.ownerId),
    db.select({ userId: tasks.assigneeId, n: count() }).from(tasks).where(removalScope.assignedOpen(planId, userIds)).groupBy(tasks.assigneeId),
    db.select({ userId: tasks.senderId, n: count() }).from(tasks).where(removalScope.sentOpen(planId, userIds)).groupBy(tasks.senderId),
  ]);
  for (const id of userIds) result.set(id, { workflows: 0, toInbox: 0, toOutbox: 0 });
  for (const row of flows) result.get(row.userId)!.workflows = row.n;
  for (const row of assigned) result.get(row.userId)!.toInbox = row.n;
  for (const row of sent) result.get(row.userId)!.toOutbox = row.n;
  return result;
}

export type RemoveFromPlanOptions = {
  planId: string;
  userId: string;
  actor: { id: string; email: string } | null;
  target: { id: string; email: string };
  /** Remove from plan tells the person (N1, E1); Delete User (R6) does not, per plan. */
  notify?: { orgSlug: string; orgName: string; actorName: string; baseUrl: string };
};

export type RemovalResult = { workflowsDeleted: number; movedToInbox: number; movedToOutbox: number; tasksMoved: number };

/**
 * SPEC P6, inside the caller's transaction: the user's workflows in the plan are deleted, their
 * open tasks in it move to the subscriber (assigned ones into the subscriber's Inbox, sent ones
 * into the Outbox), pending transfers of the plan to them are void, and their place is removed —
 * so they lose the product area at their next request. Nothing else of theirs is touched. The
 * subscriber cannot be removed. Used by Remove from plan and by Delete User (R6).
 */
export async function removeFromPlanInTx(tx: Tx, options: RemoveFromPlanOptions): Promise<RemovalResult> {
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
  const who = [options.userId];
  const deletedWorkflows = await tx.delete(workflows).where(removalScope.workflows(plan.id, who)).returning({ id: workflows.id });
  const movedAssigned = await tx
    .update(tasks)
    .set({ assigneeId: plan.subscriberId, updatedAt: new Date() })
    .where(removalScope.assignedOpen(plan.id, who))
    .returning({ id: tasks.id });
  const movedSent = await tx
    .update(tasks)
    .set({ senderId: plan.subscriberId, updatedAt: new Date() })
    .where(removalScope.sentOpen(plan.id, who))
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
    await writeNotifications(tx, {
      userId: plan.subscriberId,
      orgId: plan.orgId,
      planId: plan.id,
      kind: "tasks_moved",
      title: `${moved} task${moved === 1 ? "" : "s"} moved to you from ${options.target.email}`,
      body: `${options.target.email} left ${plan.productName}: ${movedAssigned.length} assigned task${movedAssigned.length === 1 ? " is" : "s are"} in your Inbox and ${movedSent.length} sent task${movedSent.length === 1 ? " is" : "s are"} in your Outbox.`,
    });
  }
  if (options.notify) {
    const [subscriber] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, plan.subscriberId));
    await writeNotifications(tx, {
      userId: options.userId,
      orgId: plan.orgId,
      kind: "plan_removed",
      title: `You were removed from ${plan.productName}`,
      body: `${options.notify.actorName} removed you from the plan. Your open tasks there moved to its subscriber.`,
    });
    await enqueueEmail(tx, {
      to: options.target.email,
      template: "removed-from-plan",
      props: {
        orgName: options.notify.orgName,
        planName: plan.productName,
        removedBy: options.notify.actorName,
        subscriberName: subscriber.name ?? subscriber.email,
        url: `${options.notify.baseUrl}/o/${options.notify.orgSlug}/subscriptions`,
      },
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
  const data = { planId: plan.id, product: plan.productName, userId: options.userId, email: options.target.email };
  await emitEvent(tx, { orgId: plan.orgId, type: "plan.user_removed", data });
  return { workflowsDeleted: deletedWorkflows.length, movedToInbox: movedAssigned.length, movedToOutbox: movedSent.length, tasksMoved: moved };
}

/**
 * Remove from plan (SPEC P4, P6, P7): the plan's managers remove a plan user — with P6's effects,
 * told by notification and email — or an invitee's place (which frees its plan seat; the
 * invitation itself stays). The subscriber cannot be removed.
 */
export async function removePlanUser(ctx: MemberContext, planId: string, planUserId: string, options: { baseUrl: string }) {
  const result = await transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    const plan = await lockPlan(tx, actor.orgId, planId);
    if (!canManagePlanUsers(actor, plan.subscriberId)) throw forbidden("Only the plan's subscriber and Admins remove its users.");
    const [place] = await tx
      .select({ id: planUsers.id, userId: planUsers.userId, invitationId: planUsers.invitationId, email: users.email })
      .from(planUsers)
      .leftJoin(users, eq(users.id, planUsers.userId))
      .where(and(eq(planUsers.id, planUserId), eq(planUsers.planId, plan.id)))
      .for("update", { of: planUsers });
    if (!place) throw notFound("This plan user");
    if (!canRemoveFromPlan(actor, plan.subscriberId, place.userId)) {
      throw new AppError("HAS_DEPENDENTS", "The subscriber cannot be removed from their own plan. Transfer ownership first.");
    }
    const actorRef = { id: actor.userId, email: actor.email };
    if (!place.userId) {
      await tx.delete(planUsers).where(eq(planUsers.id, place.id));
      await recordAudit(tx, {
        orgId: actor.orgId,
        actor: actorRef,
        action: "plan.invitee_removed",
        subject: { type: "plan", id: plan.id },
        before: { plan: plan.productName, invitationId: place.invitationId },
        after: { onPlan: false },
      });
      return { workflowsDeleted: 0, movedToInbox: 0, movedToOutbox: 0, tasksMoved: 0, productName: plan.productName };
    }
    const removal = await removeFromPlanInTx(tx, {
      planId: plan.id,
      userId: place.userId,
      actor: actorRef,
      target: { id: place.userId, email: place.email! },
      notify: { orgSlug: actor.orgSlug, orgName: actor.orgName, actorName: actor.name ?? actor.email, baseUrl: options.baseUrl },
    });
    return { ...removal, productName: plan.productName };
  });
  kickEmailSender();
  return result;
}
