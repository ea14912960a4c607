import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { ownershipTransfers } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { AppError, forbidden } from "@/lib/errors";
import { lockActor, targetMember, type ActingMember } from "@/lib/members/actor";
import { canReassignPlan } from "@/lib/permissions";
import { lockPlan } from "@/lib/plans/plan-seats";
import { transaction } from "@/lib/transaction";
import { handOverPlanInTx } from "./hand-over-plan";
import { personRef } from "./lock-transfer";
import { writeNotifications } from "@/lib/notifications/write-notifications";

/**
 * SPEC O4: an Admin reassigns a plan at once, without acceptance — for a subscriber who is gone
 * or does not answer. A live transfer of the plan becomes void; the plan changes hands like an
 * accepted transfer (hand-over-plan.ts); both people are notified; the audit log has it.
 */
export async function reassignPlan(ctx: MemberContext, planId: string, toUserId: string) {
  return transaction(async (tx) => reassignPlanInTx(tx, await lockActor(tx, ctx), planId, toUserId));
}

/**
 * reassignPlan inside the caller's transaction, after lockActor (SCIM's deprovisioning reassigns
 * each plan of a member before Delete User in one transaction, C3).
 */
export async function reassignPlanInTx(tx: Tx, actor: ActingMember, planId: string, toUserId: string) {
  const plan = await lockPlan(tx, actor.orgId, planId);
  if (!canReassignPlan(actor.role)) throw forbidden("Only Admins reassign a plan without acceptance.");
  const recipient = await targetMember(tx, actor.orgId, toUserId);
  if (recipient.userId === plan.subscriberId) {
    throw new AppError("CONFLICT", `${recipient.name ?? recipient.email} already subscribes to ${plan.productName}.`, {
      fieldErrors: { toUserId: ["Already the subscriber."] },
    });
  }
  if (recipient.status !== "active") {
    throw new AppError("CONFLICT", "A suspended member cannot take over a plan.", { fieldErrors: { toUserId: ["This member is suspended."] } });
  }
  const voided = await tx
    .update(ownershipTransfers)
    .set({ state: "void", resolvedAt: new Date(), resolvedById: actor.userId })
    .where(and(eq(ownershipTransfers.planId, plan.id), eq(ownershipTransfers.state, "pending")))
    .returning({ id: ownershipTransfers.id });
  const previous = await personRef(tx, plan.subscriberId);
  const handOver = await handOverPlanInTx(tx, plan, recipient.userId);
  const by = actor.name ?? actor.email;
  const newName = recipient.name ?? recipient.email;
  await writeNotifications(tx, [
    {
      userId: recipient.userId,
      orgId: actor.orgId,
      planId: plan.id,
      kind: "plan_reassigned",
      title: `${by} made you the subscriber of ${plan.productName}`,
      body: `You manage its users and their permissions from now on. ${previous.name} was its subscriber.`,
    },
    {
      userId: previous.id,
      orgId: actor.orgId,
      planId: plan.id,
      kind: "plan_reassigned",
      title: `${by} reassigned ${plan.productName} to ${newName}`,
      body: handOver.replacedPreviousSubscriber
        ? `${plan.productName} has one user, so ${newName} took your place on it.`
        : "You stay on the plan as a regular user and keep your seat.",
    },
  ]);
  await recordAudit(tx, {
    orgId: actor.orgId,
    actor: { id: actor.userId, email: actor.email },
    action: "plan.reassigned",
    target: { id: recipient.userId, email: recipient.email },
    subject: { type: "plan", id: plan.id },
    before: { subscriberId: previous.id, subscriberEmail: previous.email },
    after: { subscriberId: recipient.userId, transfersVoided: voided.length, ...handOver },
  });
  return { productName: plan.productName, recipientName: newName };
}
