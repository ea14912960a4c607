"use server";

import { memberAction } from "@/lib/action";
import { addPlanUser } from "@/lib/plans/add-plan-user";
import { changePlanSeats } from "@/lib/plans/change-plan-seats";
import { addInviteeToPlan, invitePlanUser } from "@/lib/plans/invite-plan-user";
import { removePlanUser } from "@/lib/plans/remove-plan-user";
import {
  addPlanUserSchema,
  changePlanSeatsSchema,
  completeTaskSchema,
  createWorkflowSchema,
  invitePlanUserSchema,
  planUserSchema,
  reassignPlanSchema,
  requestTransferSchema,
  sendTaskSchema,
  transferIdSchema,
  transferToNewPersonSchema,
  updatePlanUserPermissionsSchema,
} from "@/lib/plans/schemas";
import { updatePlanUserPermissions } from "@/lib/plans/update-plan-user-permissions";
import { refreshOrganization } from "@/lib/revalidate";
import { cancelTransfer } from "@/lib/transfers/cancel-transfer";
import { reassignPlan } from "@/lib/transfers/reassign-plan";
import { requestTransfer, transferToInvitee, transferToNewPerson } from "@/lib/transfers/request-transfer";
import { acceptTransfer, declineTransfer } from "@/lib/transfers/respond-to-transfer";
import { appBaseUrl } from "@/lib/url";
import { completeTask } from "@/lib/work/complete-task";
import { createWorkflow } from "@/lib/work/create-workflow";
import { sendTask } from "@/lib/work/send-task";

// POST (server action) – change a plan's seats (P1): its subscriber or an Admin, never below use.
export const changePlanSeatsAction = memberAction(changePlanSeatsSchema, async ({ planId, seats }, ctx) => {
  const { changed } = await changePlanSeats(ctx, planId, seats);
  refreshOrganization(ctx.org.slug);
  return changed ? `The plan now has ${seats} seat${seats === 1 ? "" : "s"}.` : "Nothing to change.";
});

// POST (server action) – Add User To Plan, an existing member (P3, P7, T5 for plan seats).
export const addPlanUserAction = memberAction(addPlanUserSchema, async ({ planId, userId: picked }, ctx) => {
  if (picked.invitationId) {
    // Issue 14.5: an invitee picked from the list: her invitation gets the place, its link kept.
    const result = await addInviteeToPlan(ctx, planId, picked.invitationId, { baseUrl: await appBaseUrl() });
    refreshOrganization(ctx.org.slug);
    return result.outcome === "unchanged"
      ? `${result.email}'s invitation already includes ${result.productName}.`
      : `${result.email} is invited: ${result.productName} was added to the invitation, and the link already sent still works.`;
  }
  const added = await addPlanUser(ctx, planId, picked.userId!);
  refreshOrganization(ctx.org.slug);
  return { message: `${added.name} was added to the plan.`, data: added };
});

// POST (server action) – Add User To Plan, a new person: Send Invitation (P3, I1, T2, T5).
export const invitePlanUserAction = memberAction(invitePlanUserSchema, async (input, ctx) => {
  const result = await invitePlanUser(ctx, input, { baseUrl: await appBaseUrl() });
  refreshOrganization(ctx.org.slug);
  // Issue 14.2: a live invitation keeps its link; only an expired one is sent again with a new one.
  if (result.outcome === "updated") return `${input.email} had a live invitation: it now includes ${result.productName}, and the link already sent still works. They were told by email.`;
  if (result.outcome === "unchanged") return `${input.email}'s invitation already includes ${result.productName}: nothing was sent.`;
  return result.outcome === "resent"
    ? `${input.email} had an expired invitation: it was sent again with a new link, and now includes ${result.productName}.`
    : `Invitation sent to ${input.email}. They are on ${result.productName} already and hold a seat until they accept.`;
});

// POST (server action) – Edit User Permissions (P5, P7).
export const updatePlanUserPermissionsAction = memberAction(updatePlanUserPermissionsSchema, async (input, ctx) => {
  const { changed } = await updatePlanUserPermissions(ctx, input.planId, input.planUserId, input.permissions);
  refreshOrganization(ctx.org.slug);
  return changed ? "Permissions saved. They apply from the user's next click." : "Nothing to change.";
});

// POST (server action) – Remove from plan (P6, P7).
export const removePlanUserAction = memberAction(planUserSchema, async ({ planId, planUserId }, ctx) => {
  const result = await removePlanUser(ctx, planId, planUserId, { baseUrl: await appBaseUrl() });
  refreshOrganization(ctx.org.slug);
  return { message: `Removed from ${result.productName}.`, data: result };
});

// POST (server action) – Transfer Ownership to a member (O1).
export const requestTransferAction = memberAction(requestTransferSchema, async ({ planId, toUserId: picked }, ctx) => {
  if (picked.invitationId) {
    // Issue 14.5: an invitee picked from the list: the transfer is attached to her invitation (O3).
    const result = await transferToInvitee(ctx, planId, picked.invitationId, { baseUrl: await appBaseUrl() });
    refreshOrganization(ctx.org.slug);
    return `${result.email} is invited: the transfer of ${result.productName} waits in her Inbox the moment she joins. The link already sent still works.`;
  }
  const result = await requestTransfer(ctx, planId, picked.userId!, { baseUrl: await appBaseUrl() });
  refreshOrganization(ctx.org.slug);
  return `Transfer request sent to ${result.recipientName}. ${result.productName} stays yours until they accept.`;
});

// POST (server action) – Transfer Ownership to a new person: Send Invitation, transfer attached (O3).
export const transferToNewPersonAction = memberAction(transferToNewPersonSchema, async (input, ctx) => {
  const result = await transferToNewPerson(ctx, input, { baseUrl: await appBaseUrl() });
  refreshOrganization(ctx.org.slug);
  if (result.outcome === "unchanged") return `${input.email}'s invitation already includes ${result.productName}: nothing was sent.`;
  if (result.outcome === "updated") {
    return result.transferId
      ? `${input.email}'s live invitation now carries the transfer of ${result.productName}; the link already sent still works.`
      : `${input.email}'s live invitation now includes ${result.productName}; the link already sent still works.`;
  }
  return result.transferId
    ? `Invitation sent to ${input.email}. The transfer of ${result.productName} will be in their Inbox when they join.`
    : `Invitation sent to ${input.email}. Once they have joined, come back here to transfer ${result.productName} to them.`;
});

// POST (server action) – cancel a live transfer (O1).
export const cancelTransferAction = memberAction(transferIdSchema, async ({ transferId }, ctx) => {
  const result = await cancelTransfer(ctx, transferId);
  refreshOrganization(ctx.org.slug);
  return `The transfer of ${result.productName} was cancelled.`;
});

// POST (server action) – accept a transfer (O2).
export const acceptTransferAction = memberAction(transferIdSchema, async ({ transferId }, ctx) => {
  const result = await acceptTransfer(ctx, transferId, { baseUrl: await appBaseUrl() });
  refreshOrganization(ctx.org.slug);
  return { message: `You are now the subscriber of ${result.productName}.`, data: { transferId, planId: result.planId } };
});

// POST (server action) – decline a transfer (O1).
export const declineTransferAction = memberAction(transferIdSchema, async ({ transferId }, ctx) => {
  const result = await declineTransfer(ctx, transferId, { baseUrl: await appBaseUrl() });
  refreshOrganization(ctx.org.slug);
  return { message: `You declined ${result.productName}.`, data: { transferId } };
});

// POST (server action) – an Admin reassigns a plan at once (O4).
export const reassignPlanAction = memberAction(reassignPlanSchema, async ({ planId, toUserId }, ctx) => {
  const result = await reassignPlan(ctx, planId, toUserId);
  refreshOrganization(ctx.org.slug);
  return `${result.recipientName} is now the subscriber of ${result.productName}.`;
});

// POST (server action) – start a workflow in the product area (§6, P5 workflows.create).
export const createWorkflowAction = memberAction(createWorkflowSchema, async ({ planId, title }, ctx) => {
  const result = await createWorkflow(ctx, planId, title);
  refreshOrganization(ctx.org.slug);
  return { message: `Workflow "${title}" started.`, data: result };
});

// POST (server action) – send a task to a plan user (§6, P5 tasks.send).
export const sendTaskAction = memberAction(sendTaskSchema, async (input, ctx) => {
  const result = await sendTask(ctx, input);
  refreshOrganization(ctx.org.slug);
  return { message: `Task "${input.title}" sent.`, data: result };
});

// POST (server action) – mark a task done (§6).
export const completeTaskAction = memberAction(completeTaskSchema, async ({ planId, taskId }, ctx) => {
  const result = await completeTask(ctx, planId, taskId);
  refreshOrganization(ctx.org.slug);
  return { message: `"${result.title}" is done.`, data: { taskId } };
});
