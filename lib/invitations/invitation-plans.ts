import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { planUsers } from "@/db/schema";
import { forbidden } from "@/lib/errors";
import { canOfferPlanOnInvite, type Actor } from "@/lib/permissions";
import { insertPlanPlace } from "@/lib/plans/plan-places";
import { lockPlan, reservePlanSeats } from "@/lib/plans/plan-seats";

/**
 * An expired invitation holds no plan seat (like T2). Renewing it (Resend, or inviting the address
 * again) takes each of its plan places back through the seat check, before the invitation is made
 * live again — so it is never counted twice.
 */
export async function reclaimInvitationPlanPlaces(tx: Tx, orgId: string, invitationId: string) {
  const places = await tx
    .select({ planId: planUsers.planId })
    .from(planUsers)
    .where(eq(planUsers.invitationId, invitationId))
    .orderBy(planUsers.planId);
  for (const place of places) await reservePlanSeats(tx, { orgId, id: place.planId }, 1);
}

/**
 * I1 "plans to join" and P3's invitation: the invitation takes a place on each plan it does not
 * hold yet, each through the plan's seat check (P3, T5), with the product's default permissions.
 * Only plans the inviter manages and that allow several users (P7, P3); another organization's
 * plan is not found. Plans are locked in id order, after the organization.
 */
export async function addInvitationPlanPlaces(
  tx: Tx,
  actor: Actor & { orgId: string },
  invitationId: string,
  planIds: readonly string[],
): Promise<string[]> {
  if (!planIds.length) return [];
  const held = new Set(
    (await tx.select({ planId: planUsers.planId }).from(planUsers).where(eq(planUsers.invitationId, invitationId))).map((p) => p.planId),
  );
  const added: string[] = [];
  for (const planId of [...new Set(planIds)].sort()) {
    const plan = await lockPlan(tx, actor.orgId, planId);
    if (!canOfferPlanOnInvite(actor, plan)) {
      throw forbidden(
        plan.userMode === "single"
          ? `${plan.productName} has one user, its subscriber: nobody is invited onto it.`
          : `Only ${plan.productName}'s subscriber and Admins add people to it.`,
      );
    }
    if (held.has(plan.id)) continue;
    await reservePlanSeats(tx, plan, 1);
    await insertPlanPlace(tx, plan, { invitationId }, { addedById: actor.userId, permissions: "default" });
    added.push(plan.productName);
  }
  return added;
}
