import "server-only";
import { forbidden, notFound } from "next/navigation";
import { z } from "zod";
import { requireMemberPage, type MemberContext } from "@/lib/auth/session";
import { canManagePlanUsers, canReassignPlan, canTransferOwnership } from "@/lib/permissions";
import { findPlan, type ManagedPlan } from "./queries";

/**
 * The start of every plan-management page (Manage Users, Add User To Plan, a plan user's pages,
 * Transfer Ownership): the member, then the plan of their organization, then P7 (or O1/O4 for
 * Transfer Ownership). A plan of another organization answers 404, like one that does not exist;
 * a plan of theirs they may not manage answers 403 (docs/decisions/030).
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
  // A plan of their own organization that they may not manage: 403 saying who may (P7, O1, O4).
  if (!allowed) forbidden();
  return { ctx, plan };
}
