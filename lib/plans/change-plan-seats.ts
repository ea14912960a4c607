import "server-only";
import { eq } from "drizzle-orm";
import { plans } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { AppError, forbidden } from "@/lib/errors";
import { lockActor } from "@/lib/members/actor";
import { canChangePlanSeats } from "@/lib/permissions";
import { transaction } from "@/lib/transaction";
import { lockPlan, planSeatCounts, planSeatHolders, toPlanSeatUsage } from "./plan-seats";

/**
 * SPEC P1: a plan's seats are changed by its subscriber or an Admin, never below the seats in use
 * (plan users and live plan invitations), counted under the plan's lock.
 */
export async function changePlanSeats(ctx: MemberContext, planId: string, seats: number) {
  return transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    const plan = await lockPlan(tx, actor.orgId, planId);
    if (!canChangePlanSeats(actor, plan.subscriberId)) throw forbidden("Only the plan's subscriber and Admins change its seats.");
    if (plan.userMode !== "several") {
      throw new AppError("CONFLICT", `${plan.productName} has no seat count: ${plan.userMode === "single" ? "it has one user" : "its users are unlimited"}.`);
    }
    const usage = toPlanSeatUsage(plan, (await planSeatCounts(tx, [plan.id])).get(plan.id));
    if (seats < usage.used) {
      const message = `${usage.used} seat${usage.used === 1 ? " is" : "s are"} in use (${planSeatHolders(usage)}): remove people from the plan before going below that.`;
      throw new AppError("VALIDATION", message, { fieldErrors: { seats: [message] } });
    }
    if (seats === plan.seats) return { changed: false };
    await tx.update(plans).set({ seats }).where(eq(plans.id, plan.id));
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: "plan.seats_changed",
      subject: { type: "plan", id: plan.id },
      before: { seats: plan.seats },
      after: { seats },
    });
    return { changed: true };
  });
}
