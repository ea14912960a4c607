import "server-only";
import type { Tx } from "@/db/client";
import { notifications } from "@/db/schema";

export type NewNotification = typeof notifications.$inferInsert;

/**
 * The one writer of inbox notifications (N1, issue 14.24): every service that tells someone
 * something calls this inside the transaction of the change it reports, so a notification exists
 * if and only if its change committed.
 */
export async function writeNotifications(tx: Tx, rows: NewNotification | NewNotification[]): Promise<void> {
  const list = Array.isArray(rows) ? rows : [rows];
  if (!list.length) return;
  await tx.insert(notifications).values(list);
}
