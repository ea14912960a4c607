import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { notifications } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { notFound } from "@/lib/errors";
import { lockOwnMembership } from "@/lib/members/actor";
import { transaction } from "@/lib/transaction";

/**
 * N1: marks one of the caller's notifications read. A notification of another user or another
 * organization is not found, exactly like one that does not exist. Reading is personal state,
 * not a change to the organization, so it writes no audit entry (docs/decisions/015).
 */
export async function markNotificationRead(ctx: MemberContext, notificationId: string) {
  return transaction(async (tx) => {
    const actor = await lockOwnMembership(tx, ctx);
    const mine = and(eq(notifications.id, notificationId), eq(notifications.userId, actor.userId), eq(notifications.orgId, actor.orgId));
    // Personal state: no organization lock, one conditional UPDATE (docs/decisions/065).
    const [marked] = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(mine, isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    if (marked) return { changed: true };
    const [row] = await tx.select({ id: notifications.id }).from(notifications).where(mine);
    if (!row) throw notFound("This notification");
    return { changed: false };
  });
}

/** N1: marks every unread notification of the caller in this organization read. */
export async function markAllNotificationsRead(ctx: MemberContext) {
  return transaction(async (tx) => {
    const actor = await lockOwnMembership(tx, ctx);
    const updated = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.userId, actor.userId), eq(notifications.orgId, actor.orgId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return { marked: updated.length };
  });
}
