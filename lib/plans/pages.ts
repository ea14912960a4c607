import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireMemberPage, type MemberContext } from "@/lib/auth/session";
import { canManagePlanUsers, canReassignPlan, canTransferOwnership } from "@/lib/permissions";
import { findPlan, type ManagedPlan } from "./queries";

/**
 * The start of every plan-management page (Manage Users, Add User To Plan, a plan user's pages,
 * Transfer Ownership): the member, then the plan of their organization, then P7 (or O1/O4 for
 * Transfer Ownership). Anything else answers 404, like a plan that does not exist.
 */
export async function requirePlanManagerPage(
  orgSlug: string,
  planId: string,
  rule: "manage" | "transfer" = "manage",
): Promise<{ ctx: MemberContext; plan: ManagedPlan }> {
  const ctx = await requireMemberPage(orgSlug);
  if (!z.uuid().safeParse(planId).success) notFound();
  const plan = await findPlan(ctx, planId);
  if (!plan) notFound();
  const actor = { userId: ctx.user.id, role: ctx.membership.role };
  const allowed =
    rule === "manage"
      ? canManagePlanUsers(actor, plan.subscriberId)
      : canTransferOwnership(actor, plan.subscriberId) || canReassignPlan(ctx.membership.role);
  if (!allowed) notFound();
  return { ctx, plan };
}
