import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { notifications, ownershipTransfers } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { enqueueEmail, kickEmailSender } from "@/lib/email";
import { AppError, forbidden } from "@/lib/errors";
import { lockActor, type ActingMember } from "@/lib/members/actor";
import { canRespondToTransfer } from "@/lib/permissions";
import { transaction } from "@/lib/transaction";
import { handOverPlanInTx } from "./hand-over-plan";
import { lockTransfer, personRef } from "./lock-transfer";
import { transferClosedError } from "./transfer-state";
import { writeNotifications } from "@/lib/notifications/write-notifications";
import { emitEvent } from "@/lib/webhooks/emit";

/**
 * The checks an answer to a transfer makes, in O2's order, with everything locked: addressed to
 * the caller; still pending and not expired; the plan still held by the person who asked.
 */
async function lockAnswerableTransfer(tx: Tx, actor: ActingMember, transferId: string) {
  const { plan, transfer } = await lockTransfer(tx, actor.orgId, transferId);
  if (!canRespondToTransfer(actor, transfer.toUserId)) throw forbidden("This transfer request is addressed to someone else.");
  const closed = transferClosedError(transfer);
  if (closed) throw closed;
  if (plan.subscriberId !== transfer.fromUserId) {
    throw new AppError("CONFLICT", `${plan.productName} changed hands since this request was sent, so it can no longer be answered.`);
  }
  return { plan, transfer };
}

/** Single use: pending → the answer, or nothing if someone else answered first. */
async function claim(tx: Tx, transferId: string, state: "accepted" | "declined", actorId: string) {
  const claimed = await tx
    .update(ownershipTransfers)
    .set({ state, resolvedAt: new Date(), resolvedById: actorId })
    .where(and(eq(ownershipTransfers.id, transferId), eq(ownershipTransfers.state, "pending")))
    .returning({ id: ownershipTransfers.id });
  if (!claimed.length) throw new AppError("ALREADY_USED", "This transfer was already answered.");
}

/** The request in the recipient's inbox has been acted on: it no longer counts as unread. */
async function markRequestRead(tx: Tx, transferId: string, userId: string) {
  await tx
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.transferId, transferId), eq(notifications.userId, userId), isNull(notifications.readAt)));
}

/**
 * SPEC O2, accept, in one transaction: the recipient becomes the subscriber — added to the plan
 * first when they were not on it, which needs a plan seat — and the previous subscriber stays on
 * the plan as a regular user, keeping their seat. The previous subscriber is notified (inbox and
 * email); the recipient's own request is marked read, and she gets no notice of her own answer
 * (#14.11). Accepting twice, after a
 * cancel or expiry, or after the plan changed hands changes nothing and says why.
 */
/** The requester's email about the answer, in the answer's transaction (E1). */
async function tellRequester(
  tx: Tx,
  actor: ActingMember,
  answer: { outcome: "accepted" | "declined"; to: string; planName: string; planId: string; answeredBy: string; baseUrl: string },
) {
  await enqueueEmail(tx, {
    to: answer.to,
    template: "transfer-outcome",
    props: {
      outcome: answer.outcome,
      orgName: actor.orgName,
      planName: answer.planName,
      toName: answer.answeredBy,
      audience: "requester",
      // Accepted: the previous subscriber stays on the plan, so its button opens the product area
      // (issue 14.15); declined: My Subscriptions, where they can ask someone else.
      url:
        answer.outcome === "accepted"
          ? `${answer.baseUrl}/o/${actor.orgSlug}/plans/${answer.planId}`
          : `${answer.baseUrl}/o/${actor.orgSlug}/subscriptions`,
    },
  });
}

export async function acceptTransfer(ctx: MemberContext, transferId: string, options: { baseUrl: string }) {
  const result = await transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    const { plan, transfer } = await lockAnswerableTransfer(tx, actor, transferId);
    await claim(tx, transfer.id, "accepted", actor.userId);
    const handOver = await handOverPlanInTx(tx, plan, actor.userId);
    const previous = await personRef(tx, transfer.fromUserId);
    const me = actor.name ?? actor.email;
    await markRequestRead(tx, transfer.id, actor.userId);
    // N1, #14.11: the previous subscriber is told; the recipient answered herself and sees the
    // result on screen — a notice to her about her own action would only add an unread item.
    await writeNotifications(tx, {
      userId: previous.id,
      orgId: actor.orgId,
      planId: plan.id,
      transferId: transfer.id,
      kind: "transfer_accepted",
      title: `${me} is now the subscriber of ${plan.productName}`,
      body: handOver.replacedPreviousSubscriber
        ? `${plan.productName} has one user, so ${me} took your place on it.`
        : "You stay on the plan as a regular user and keep your seat.",
    });
    await tellRequester(tx, actor, { outcome: "accepted", to: previous.email, planName: plan.productName, planId: plan.id, answeredBy: me, baseUrl: options.baseUrl });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: "transfer.accepted",
      target: { id: previous.id, email: previous.email },
      subject: { type: "plan", id: plan.id },
      before: { subscriberId: previous.id, transferId: transfer.id, state: "pending" },
      after: { subscriberId: actor.userId, state: "accepted", ...handOver },
    });
    const data = { transferId: transfer.id, planId: plan.id, fromUserId: transfer.fromUserId, toUserId: actor.userId };
    await emitEvent(tx, { orgId: actor.orgId, type: "plan.transfer.accepted", data });
    return { planId: plan.id, productName: plan.productName };
  });
  kickEmailSender();
  return result;
}

/** SPEC O1, decline: the subscriber stays; they are told in their inbox and by email. */
export async function declineTransfer(ctx: MemberContext, transferId: string, options: { baseUrl: string }) {
  const result = await transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    const { plan, transfer } = await lockAnswerableTransfer(tx, actor, transferId);
    await claim(tx, transfer.id, "declined", actor.userId);
    const requester = await personRef(tx, transfer.fromUserId);
    const me = actor.name ?? actor.email;
    await markRequestRead(tx, transfer.id, actor.userId);
    await writeNotifications(tx, {
      userId: requester.id,
      orgId: actor.orgId,
      planId: plan.id,
      transferId: transfer.id,
      kind: "transfer_declined",
      title: `${me} declined to take over ${plan.productName}`,
      body: "You remain its subscriber. You can ask someone else from My Subscriptions.",
    });
    await tellRequester(tx, actor, { outcome: "declined", to: requester.email, planName: plan.productName, planId: plan.id, answeredBy: me, baseUrl: options.baseUrl });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: "transfer.declined",
      target: { id: requester.id, email: requester.email },
      subject: { type: "transfer", id: transfer.id },
      before: { state: "pending" },
      after: { state: "declined" },
    });
    const data = { transferId: transfer.id, planId: plan.id, fromUserId: transfer.fromUserId, toUserId: actor.userId };
    await emitEvent(tx, { orgId: actor.orgId, type: "plan.transfer.declined", data });
    return { productName: plan.productName };
  });
  kickEmailSender();
  return result;
}
