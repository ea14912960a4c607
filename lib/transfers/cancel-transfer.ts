import "server-only";
import { and, eq } from "drizzle-orm";
import { ownershipTransfers } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { AppError, forbidden } from "@/lib/errors";
import { lockActor } from "@/lib/members/actor";
import { canCancelTransfer } from "@/lib/permissions";
import { transaction } from "@/lib/transaction";
import { lockTransfer } from "./lock-transfer";
import { transferClosedError } from "./transfer-state";
import { writeNotifications } from "@/lib/notifications/write-notifications";
import { emitEvent } from "@/lib/webhooks/emit";

/**
 * SPEC O1: the subscriber cancels their live transfer. Racing an accept, exactly one of the two
 * happens: both lock the organization, the plan and the transfer, and claim it from pending.
 */
export async function cancelTransfer(ctx: MemberContext, transferId: string) {
  return transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    const { plan, transfer } = await lockTransfer(tx, actor.orgId, transferId);
    if (!canCancelTransfer(actor, transfer, plan.subscriberId)) throw forbidden("Only the subscriber who sent this transfer cancels it.");
    const closed = transferClosedError(transfer);
    if (closed) throw closed;
    const claimed = await tx
      .update(ownershipTransfers)
      .set({ state: "cancelled", resolvedAt: new Date(), resolvedById: actor.userId })
      .where(and(eq(ownershipTransfers.id, transfer.id), eq(ownershipTransfers.state, "pending")))
      .returning({ id: ownershipTransfers.id });
    if (!claimed.length) throw new AppError("ALREADY_USED", "This transfer was already answered.");
    if (transfer.toUserId) {
      await writeNotifications(tx, {
        userId: transfer.toUserId,
        orgId: actor.orgId,
        planId: plan.id,
        transferId: transfer.id,
        kind: "transfer_cancelled",
        title: `${actor.name ?? actor.email} cancelled the transfer of ${plan.productName}`,
        body: "The request to become its subscriber no longer stands.",
      });
    }
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: "transfer.cancelled",
      subject: { type: "transfer", id: transfer.id },
      before: { state: "pending" },
      after: { state: "cancelled" },
    });
    const data = { transferId: transfer.id, planId: plan.id, fromUserId: transfer.fromUserId, toUserId: transfer.toUserId };
    await emitEvent(tx, { orgId: actor.orgId, type: "plan.transfer.cancelled", data });
    return { productName: plan.productName };
  });
}
