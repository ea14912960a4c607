import "server-only";
import { and, eq, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import { invitations, ownershipTransfers, plans, products, users } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { effectiveTransferState } from "./transfer-state";

/**
 * The transfer page (the email's Accept and Decline lead here): a transfer of this organization
 * that the caller sent or received. Anyone else's, or another organization's, is null (404).
 */
export async function findTransfer(ctx: MemberContext, transferId: string) {
  const from = alias(users, "from_user");
  const to = alias(users, "to_user");
  const [row] = await db
    .select({
      id: ownershipTransfers.id,
      planId: ownershipTransfers.planId,
      productName: products.name,
      subscriberId: plans.subscriberId,
      fromUserId: ownershipTransfers.fromUserId,
      fromName: from.name,
      fromEmail: from.email,
      toUserId: ownershipTransfers.toUserId,
      toName: to.name,
      toEmail: to.email,
      invitedEmail: invitations.email,
      state: ownershipTransfers.state,
      createdAt: ownershipTransfers.createdAt,
      expiresAt: ownershipTransfers.expiresAt,
      resolvedAt: ownershipTransfers.resolvedAt,
    })
    .from(ownershipTransfers)
    .innerJoin(plans, eq(plans.id, ownershipTransfers.planId))
    .innerJoin(products, eq(products.id, plans.productId))
    .innerJoin(from, eq(from.id, ownershipTransfers.fromUserId))
    .leftJoin(to, eq(to.id, ownershipTransfers.toUserId))
    .leftJoin(invitations, eq(invitations.id, ownershipTransfers.toInvitationId))
    .where(
      and(
        eq(ownershipTransfers.id, transferId),
        eq(ownershipTransfers.orgId, ctx.org.id),
        or(eq(ownershipTransfers.fromUserId, ctx.user.id), eq(ownershipTransfers.toUserId, ctx.user.id)),
      ),
    );
  return row ? { ...row, effectiveState: effectiveTransferState(row) } : null;
}
