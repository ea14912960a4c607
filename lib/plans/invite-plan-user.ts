import "server-only";
import type { MemberContext } from "@/lib/auth/session";
import { kickEmailSender } from "@/lib/email";
import { AppError, forbidden } from "@/lib/errors";
import { inviteOne } from "@/lib/invitations/invite-members";
import { liveInvitationEmail } from "@/lib/invitations/queries";
import { lockActor } from "@/lib/members/actor";
import { canInviteToPlan, planAllowsAddingUsers } from "@/lib/permissions";
import { assertInvitationEmailAllowed } from "@/lib/rate-limit";
import { transaction } from "@/lib/transaction";
import { singleUserPlanError } from "./add-plan-user";
import { lockPlan } from "./plan-seats";
import type { InvitePlanUserInput } from "./schemas";

/** Why a person may not invite from a plan (P3 with R1), in their words. */
export function invitePlanRefusal(actor: { role: string }): string {
  return actor.role === "user"
    ? "Only Admins and Managers invite new people to the organization. Pick an existing member, or ask an Admin to invite them."
    : "Only the plan's subscriber and Admins add people to it.";
}

/**
 * SPEC P3, a new person: Send Invitation makes an invitation (User role) that is on the plan at
 * once, holding an organization seat (T2) and a plan seat until it ends — both checked in this one
 * transaction (T5). The invitee lands on the plan when they accept (I4). An address with a live
 * invitation keeps it, and its link, now also holding a place on this plan (issue 14.2).
 */
export async function invitePlanUser(ctx: MemberContext, input: InvitePlanUserInput, options: { baseUrl: string }) {
  const result = await transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    const plan = await lockPlan(tx, actor.orgId, input.planId);
    if (!canInviteToPlan(actor, plan.subscriberId)) throw forbidden(invitePlanRefusal(actor));
    if (!planAllowsAddingUsers(plan.userMode)) throw singleUserPlanError(plan.productName);
    await assertInvitationEmailAllowed(tx, actor.orgId, input.email);
    const outcome = await inviteOne(
      tx,
      ctx,
      { email: input.email, role: "user", firstName: input.firstName, lastName: input.lastName, planIds: [plan.id] },
      { ...options, keepLiveLink: true },
    );
    if (outcome.outcome === "already_member") {
      const message = `${input.email} is already a member of ${actor.orgName}: pick them from the existing members instead.`;
      throw new AppError("ALREADY_MEMBER", message, { fieldErrors: { email: [message] } });
    }
    return { ...outcome, productName: plan.productName };
  });
  kickEmailSender();
  return result;
}

/**
 * Issue 14.5: Add User To Plan with someone picked as Invited — a place on the plan is added to
 * her live invitation, through the same path as inviting her address (its link is kept, 14.2).
 */
export async function addInviteeToPlan(ctx: MemberContext, planId: string, invitationId: string, options: { baseUrl: string }) {
  const email = await liveInvitationEmail(ctx, invitationId);
  return invitePlanUser(ctx, { planId, email, firstName: undefined, lastName: undefined }, options);
}
