import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { notifications } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";

/** SPEC N1: the caller's notifications in this organization, newest first. */
export async function listNotifications(ctx: MemberContext, limit = 50) {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, ctx.user.id), eq(notifications.orgId, ctx.org.id)))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}
