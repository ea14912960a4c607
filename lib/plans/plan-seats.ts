import "server-only";
import { and, eq, inArray, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { invitations, planUsers, plans, products } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import type { PlanUserMode } from "@/lib/permissions";
import { planSeatBreakdown } from "@/lib/plans/format";
import { lockOrganization } from "@/lib/seats/reserve-seat";
import { outer } from "@/db/sql";

export type PlanSeatUsage = {
  /** null: no limit (Custom Plan). */
  limit: number | null;
  users: number;
  pendingInvitations: number;
  used: number;
};

/** A plan's seat limit by its product's kind (SPEC §5): its seats, one, or none. */
export function planSeatLimit(userMode: PlanUserMode, seats: number | null): number | null {
  if (userMode === "unlimited") return null;
  if (userMode === "single") return 1;
  return seats ?? 1;
}

/**
 * Plan seats in use, like T2 for the organization: plan users (suspended members included) and
 * places held by live invitations (pending, not expired), as SQL for one plan (its id, or the
 * `plans.id` column of an enclosing query) — so pages read a plan's meter in their own statement.
 */
export function planSeatCountsSql(plan: string | SQL | AnyColumn, now = new Date()) {
  const planId = outer(plan);
  return {
    users: sql<number>`(select count(*)::int from ${planUsers} pu_s where pu_s.plan_id = ${planId} and pu_s.user_id is not null)`,
    pendingInvitations: sql<number>`(
      select count(*)::int from ${planUsers} pu_i join ${invitations} i_s on i_s.id = pu_i.invitation_id
      where pu_i.plan_id = ${planId} and i_s.status = 'pending' and i_s.expires_at > ${now.toISOString()}::timestamptz)`,
  };
}

/** Plan seats in use for each plan (see planSeatCountsSql): one statement whatever the number of plans. */
export async function planSeatCounts(db: DbOrTx, planIds: string[], now = new Date()) {
  const result = new Map<string, { users: number; pendingInvitations: number }>();
  if (!planIds.length) return result;
  const counts = planSeatCountsSql(plans.id, now);
  const rows = await db
    .select({ planId: plans.id, users: counts.users, pendingInvitations: counts.pendingInvitations })
    .from(plans)
    .where(inArray(plans.id, planIds));
  for (const id of planIds) result.set(id, { users: 0, pendingInvitations: 0 });
  for (const row of rows) result.set(row.planId, { users: Number(row.users), pendingInvitations: Number(row.pendingInvitations) });
  return result;
}

export function toPlanSeatUsage(
  plan: { userMode: PlanUserMode; seats: number | null },
  counts: { users: number; pendingInvitations: number } | undefined,
): PlanSeatUsage {
  const users = counts?.users ?? 0;
  const pendingInvitations = counts?.pendingInvitations ?? 0;
  return { limit: planSeatLimit(plan.userMode, plan.seats), users, pendingInvitations, used: users + pendingInvitations };
}

/** "3 plan users, 1 pending invitation". */
export function planSeatHolders(usage: Pick<PlanSeatUsage, "users" | "pendingInvitations">): string {
  return planSeatBreakdown(usage);
}

export function planSeatLimitMessage(productName: string, usage: PlanSeatUsage): string {
  return (
    `${productName} has ${usage.limit} seat${usage.limit === 1 ? "" : "s"} and ${usage.used} ${usage.used === 1 ? "is" : "are"} in use ` +
    `(${planSeatHolders(usage)}). Remove someone from the plan, revoke a pending invitation, or ask the plan's subscriber or ` +
    "an Admin to raise its seats."
  );
}

export type LockedPlan = {
  id: string;
  orgId: string;
  productId: string;
  productName: string;
  userMode: PlanUserMode;
  supplierOnly: boolean;
  subscriberId: string;
  seats: number | null;
};

/**
 * A plan of this organization, locked for the transaction — after the organization's row (one
 * lock order on every path: organization, plan, rows under it). Another organization's plan id,
 * or any id that is not a plan here, is not found.
 */
export async function lockPlan(tx: Tx, orgId: string, planId: string): Promise<LockedPlan> {
  await lockOrganization(tx, orgId);
  const [plan] = await tx
    .select({
      id: plans.id,
      orgId: plans.orgId,
      productId: plans.productId,
      productName: products.name,
      userMode: products.userMode,
      supplierOnly: products.supplierOnly,
      subscriberId: plans.subscriberId,
      seats: plans.seats,
    })
    .from(plans)
    .innerJoin(products, eq(products.id, plans.productId))
    .where(and(eq(plans.id, planId), eq(plans.orgId, orgId)))
    .for("update", { of: plans });
  if (!plan) throw notFound("This plan");
  return plan;
}

/**
 * SPEC P3 with T3/T5 for plan seats: takes `count` more places on the plan, or refuses with
 * PLAN_SEAT_LIMIT before the caller writes. Locks the organization, then the plan row, then
 * counts — in the caller's transaction, so no two reservations can both see the last free seat.
 * With `count` 0 it re-checks that the plan is within its seats (an acceptance turning an
 * invitation's place into a member's). Every path that adds a place calls it: Add User To Plan,
 * a plan invitation, Invite Teammate's plans to join, the resend of an expired invitation that
 * holds places, and a transfer or reassignment that adds the recipient.
 */
export async function reservePlanSeats(tx: Tx, plan: { orgId: string; id: string }, count = 1): Promise<PlanSeatUsage> {
  const locked = await lockPlan(tx, plan.orgId, plan.id);
  const usage = toPlanSeatUsage(locked, (await planSeatCounts(tx, [locked.id])).get(locked.id));
  if (usage.limit !== null && usage.used + count > usage.limit) {
    throw new AppError("PLAN_SEAT_LIMIT", planSeatLimitMessage(locked.productName, usage));
  }
  return usage;
}
