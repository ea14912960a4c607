import "server-only";
import { and, eq } from "drizzle-orm";
import { planUsers } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { AppError, forbidden } from "@/lib/errors";
import type { Tx } from "@/db/client";
import { lockActor, targetMember, type ActingMember } from "@/lib/members/actor";
import { canManagePlanUsers, planAllowsAddingUsers } from "@/lib/permissions";
import { transaction } from "@/lib/transaction";
import { insertPlanPlace } from "./plan-places";
import { lockPlan, reservePlanSeats } from "./plan-seats";
import { writeNotifications } from "@/lib/notifications/write-notifications";
import { emitEvent } from "@/lib/webhooks/emit";

/** P3's refusal on a plan of one user (Company Profile): there is no Add User To Plan. */
export function singleUserPlanError(productName: string) {
  return new AppError("CONFLICT", `${productName} has one user, its subscriber: people are not added to it.`);
}

/**
 * SPEC P3, an existing member: the plan's managers (P7) add an active member who is not on the
 * plan, within the plan's seats (T3/T5 for plan seats), with the product's default permissions
 * (P5). The member is told in their inbox (N1 "plan added").
 */
export async function addPlanUser(ctx: MemberContext, planId: string, userId: string) {
  return transaction(async (tx) => addPlanUserInTx(tx, await lockActor(tx, ctx), planId, userId));
}

/**
 * addPlanUser inside the caller's transaction, after it locked the organization (lockActor): the
 * same checks and effects. SCIM groups mapped to a plan (C4) add several members in one transaction.
 */
export async function addPlanUserInTx(tx: Tx, actor: ActingMember, planId: string, userId: string) {
  const plan = await lockPlan(tx, actor.orgId, planId);
  if (!canManagePlanUsers(actor, plan.subscriberId)) throw forbidden("Only the plan's subscriber and Admins add users to it.");
  if (!planAllowsAddingUsers(plan.userMode)) throw singleUserPlanError(plan.productName);
  const member = await targetMember(tx, actor.orgId, userId);
  if (member.status !== "active") {
    throw new AppError("CONFLICT", `${member.name ?? member.email} is suspended: a suspended member cannot be added to a plan. Re-activate them first.`, {
      fieldErrors: { userId: ["This member is suspended."] },
    });
  }
  const [already] = await tx
    .select({ id: planUsers.id })
    .from(planUsers)
    .where(and(eq(planUsers.planId, plan.id), eq(planUsers.userId, member.userId)));
  if (already) {
    throw new AppError("CONFLICT", `${member.name ?? member.email} is already on ${plan.productName}.`, {
      fieldErrors: { userId: ["Already on this plan."] },
    });
  }
  await reservePlanSeats(tx, plan, 1);
  const place = await insertPlanPlace(tx, plan, { userId: member.userId }, { addedById: actor.userId, permissions: "default" });
  await writeNotifications(tx, {
    userId: member.userId,
    orgId: actor.orgId,
    planId: plan.id,
    kind: "plan_added",
    title: `You were added to ${plan.productName}`,
    body: `${actor.name ?? actor.email} added you to the plan. Open it from My Subscriptions.`,
  });
  await recordAudit(tx, {
    orgId: actor.orgId,
    actor: { id: actor.userId, email: actor.email },
    action: "plan.user_added",
    target: { id: member.userId, email: member.email },
    subject: { type: "plan", id: plan.id },
    before: { onPlan: false },
    after: { plan: plan.productName, onPlan: true, permissions: place.keys },
  });
  const data = { planId: plan.id, product: plan.productName, userId: member.userId, email: member.email };
  await emitEvent(tx, { orgId: actor.orgId, type: "plan.user_added", data });
  return { planUserId: place.id, name: member.name ?? member.email };
}
