import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { invitations, ownershipTransfers, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { enqueueEmail, kickEmailSender } from "@/lib/email";
import { AppError, forbidden } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { inviteOne } from "@/lib/invitations/invite-members";
import { liveInvitationEmail } from "@/lib/invitations/queries";
import { lockActor, targetMember, type ActingMember } from "@/lib/members/actor";
import { canInvite, canTransferOwnership, planAllowsAddingUsers } from "@/lib/permissions";
import { lockPlan, type LockedPlan } from "@/lib/plans/plan-seats";
import type { TransferToNewPersonInput } from "@/lib/plans/schemas";
import { assertInvitationEmailAllowed } from "@/lib/rate-limit";
import { transaction } from "@/lib/transaction";
import { expireTransferOfPlanIfDue, transferExpiry } from "./expire-transfers";
import { writeNotifications } from "@/lib/notifications/write-notifications";
import { emitEvent } from "@/lib/webhooks/emit";

const notSubscriber = "Only the plan's subscriber transfers its ownership. An Admin can reassign it at once instead.";

/**
 * O1: one live transfer per plan. A pending one past its expiry is expired first (with its
 * emails); a live one refuses the new request, naming its recipient. The partial unique index
 * (ownership_transfers_one_live_key) holds the same rule in the database.
 */
async function assertNoLiveTransfer(tx: Tx, actor: ActingMember, plan: LockedPlan, baseUrl: string) {
  await expireTransferOfPlanIfDue(tx, { id: actor.orgId, slug: actor.orgSlug, name: actor.orgName }, plan.id, baseUrl);
  const [live] = await tx
    .select({ toEmail: users.email, toName: users.name, invitedEmail: invitations.email })
    .from(ownershipTransfers)
    .leftJoin(users, eq(users.id, ownershipTransfers.toUserId))
    .leftJoin(invitations, eq(invitations.id, ownershipTransfers.toInvitationId))
    .where(and(eq(ownershipTransfers.planId, plan.id), eq(ownershipTransfers.state, "pending")));
  if (live) {
    const who = live.toName ?? live.toEmail ?? live.invitedEmail ?? "someone";
    throw new AppError("CONFLICT", `A transfer of ${plan.productName} to ${who} is waiting for an answer. Cancel it before asking someone else.`);
  }
}

/**
 * SPEC O1: the subscriber asks a member to become the plan's subscriber. The recipient gets an
 * inbox notification with Accept and Decline and an email; the request expires after 7 days.
 */
export async function requestTransfer(ctx: MemberContext, planId: string, toUserId: string, options: { baseUrl: string }) {
  const result = await transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    const plan = await lockPlan(tx, actor.orgId, planId);
    if (!canTransferOwnership(actor, plan.subscriberId)) throw forbidden(notSubscriber);
    const recipient = await targetMember(tx, actor.orgId, toUserId);
    if (recipient.userId === plan.subscriberId) {
      throw new AppError("CONFLICT", "You already subscribe to this plan: choose someone else.", { fieldErrors: { toUserId: ["Choose someone else."] } });
    }
    if (recipient.status !== "active") {
      throw new AppError("CONFLICT", "A suspended member cannot take over a plan.", { fieldErrors: { toUserId: ["This member is suspended."] } });
    }
    await assertNoLiveTransfer(tx, actor, plan, options.baseUrl);
    const expiresAt = transferExpiry();
    const [transfer] = await tx
      .insert(ownershipTransfers)
      .values({ planId: plan.id, orgId: actor.orgId, fromUserId: actor.userId, toUserId: recipient.userId, expiresAt })
      .returning();
    const fromName = actor.name ?? actor.email;
    await writeNotifications(tx, {
      userId: recipient.userId,
      orgId: actor.orgId,
      planId: plan.id,
      transferId: transfer.id,
      kind: "transfer_requested",
      title: `${fromName} asks you to become the subscriber of ${plan.productName}`,
      body: `Accept to manage the plan's users; ${fromName} stays on it as a regular user. The request expires on ${formatDate(expiresAt)}.`,
    });
    const page = `${options.baseUrl}/o/${actor.orgSlug}/transfers/${transfer.id}`;
    await enqueueEmail(tx, {
      to: recipient.email,
      template: "transfer-request",
      props: {
        orgName: actor.orgName,
        fromName,
        planName: plan.productName,
        acceptUrl: `${page}?answer=accept`,
        declineUrl: `${page}?answer=decline`,
        expiresOn: formatDate(expiresAt),
      },
    });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: "transfer.requested",
      target: { id: recipient.userId, email: recipient.email },
      subject: { type: "transfer", id: transfer.id },
      after: { plan: plan.productName, planId: plan.id, state: "pending", expiresAt: expiresAt.toISOString() },
    });
    const data = { transferId: transfer.id, planId: plan.id, fromUserId: actor.userId, toUserId: recipient.userId };
    await emitEvent(tx, { orgId: actor.orgId, type: "plan.transfer.requested", data });
    return { transferId: transfer.id, recipientName: recipient.name ?? recipient.email, productName: plan.productName };
  });
  kickEmailSender();
  return result;
}

/**
 * SPEC O3: Transfer Ownership to a new person. Send Invitation invites them (User role) onto the
 * plan — an organization seat and a plan seat (P3, T5) — and, when asked, attaches the transfer to
 * the invitation, so the request is in their inbox the moment they join (accept-invitation.ts).
 * On a plan of one user the invitation holds no place: the transfer, attached, is the point.
 */
export async function transferToNewPerson(ctx: MemberContext, input: TransferToNewPersonInput, options: { baseUrl: string }) {
  const result = await transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    const plan = await lockPlan(tx, actor.orgId, input.planId);
    if (!canTransferOwnership(actor, plan.subscriberId)) throw forbidden(notSubscriber);
    if (!canInvite(actor.role, "user")) {
      throw forbidden("Only Admins and Managers invite new people. Ask one of them to invite the person, then transfer to them.");
    }
    await assertInvitationEmailAllowed(tx, actor.orgId, input.email);
    const several = planAllowsAddingUsers(plan.userMode);
    if (!several && !input.attachTransfer) {
      throw new AppError("VALIDATION", "Please correct the highlighted fields.", {
        fieldErrors: { attachTransfer: [`${plan.productName} has one user: attach the transfer, or invite them from Invite Teammate.`] },
      });
    }
    if (input.attachTransfer) await assertNoLiveTransfer(tx, actor, plan, options.baseUrl);
    const attached: { transferId: string | null } = { transferId: null };
    const outcome = await inviteOne(
      tx,
      ctx,
      { email: input.email, role: "user", firstName: input.firstName, lastName: input.lastName, planIds: several ? [plan.id] : [] },
      {
        baseUrl: options.baseUrl,
        keepLiveLink: true,
        beforeEmail: input.attachTransfer
          ? async (innerTx, _actor, invitationId) => {
              const expiresAt = transferExpiry();
              const [transfer] = await innerTx
                .insert(ownershipTransfers)
                .values({ planId: plan.id, orgId: actor.orgId, fromUserId: actor.userId, toInvitationId: invitationId, expiresAt })
                .returning({ id: ownershipTransfers.id });
              attached.transferId = transfer.id;
              await recordAudit(innerTx, {
                orgId: actor.orgId,
                actor: { id: actor.userId, email: actor.email },
                action: "transfer.requested",
                target: null,
                subject: { type: "transfer", id: transfer.id },
                after: { plan: plan.productName, planId: plan.id, state: "pending", invitationId, email: input.email, expiresAt: expiresAt.toISOString() },
              });
              const data = { transferId: transfer.id, planId: plan.id, fromUserId: actor.userId, toUserId: null };
              await emitEvent(innerTx, { orgId: actor.orgId, type: "plan.transfer.requested", data });
              return { transferPlanName: plan.productName };
            }
          : undefined,
      },
    );
    if (outcome.outcome === "already_member") {
      const message = `${input.email} is already a member of ${actor.orgName}: choose them in the list of members instead.`;
      throw new AppError("ALREADY_MEMBER", message, { fieldErrors: { email: [message] } });
    }
    return { ...outcome, transferId: attached.transferId, productName: plan.productName };
  });
  kickEmailSender();
  return result;
}

/**
 * Issue 14.5: Transfer Ownership to someone picked as Invited — the transfer is attached to her
 * live invitation (O3), which keeps its link (14.2).
 */
export async function transferToInvitee(ctx: MemberContext, planId: string, invitationId: string, options: { baseUrl: string }) {
  const email = await liveInvitationEmail(ctx, invitationId);
  return transferToNewPerson(ctx, { planId, email, firstName: undefined, lastName: undefined, attachTransfer: true }, options);
}
