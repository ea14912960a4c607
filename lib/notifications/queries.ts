import "server-only";
import { and, count, desc, eq, isNull, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { notifications, ownershipTransfers } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { effectiveTransferState } from "@/lib/transfers/transfer-state";

export const NOTIFICATIONS_PAGE_SIZE = 20;

/**
 * SPEC N1: the caller's notifications in this organization, newest first, paginated in the
 * database (an inbox of 10,000 reads one page), with the state of the transfer a request is about
 * so Accept and Decline show only while it can be answered. Three statements, whatever the size.
 */
export async function listInbox(ctx: MemberContext, options: { page?: number; unreadOnly?: boolean } = {}) {
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const mine = and(eq(notifications.userId, ctx.user.id), eq(notifications.orgId, ctx.org.id));
  const where: SQL = (options.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine)!;
  const [rows, [{ total }], [{ unread }]] = await Promise.all([
    db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        title: notifications.title,
        body: notifications.body,
        readAt: notifications.readAt,
        createdAt: notifications.createdAt,
        planId: notifications.planId,
        transferId: notifications.transferId,
        transferState: ownershipTransfers.state,
        transferExpiresAt: ownershipTransfers.expiresAt,
        transferToUserId: ownershipTransfers.toUserId,
      })
      .from(notifications)
      .leftJoin(ownershipTransfers, eq(ownershipTransfers.id, notifications.transferId))
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(NOTIFICATIONS_PAGE_SIZE)
      .offset((page - 1) * NOTIFICATIONS_PAGE_SIZE),
    db.select({ total: count() }).from(notifications).where(where),
    db.select({ unread: count() }).from(notifications).where(and(mine, isNull(notifications.readAt))),
  ]);
  return {
    rows: rows.map((row) => {
      const transferState =
        row.transferState && row.transferExpiresAt ? effectiveTransferState({ state: row.transferState, expiresAt: row.transferExpiresAt }) : null;
      return {
        ...row,
        transferState,
        canAnswer: row.kind === "transfer_requested" && transferState === "pending" && row.transferToUserId === ctx.user.id,
      };
    }),
    total,
    unread,
    page,
    pageCount: Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE)),
  };
}
