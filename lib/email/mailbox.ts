import "server-only";
import { desc } from "drizzle-orm";
import { db } from "@/db/client";
import { emailOutbox } from "@/db/schema";

/** /dev/mailbox exists in development, and in production only with SEATWISE_DEV_MAILBOX=1. */
export function devMailboxEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.NODE_ENV !== "production" || env.SEATWISE_DEV_MAILBOX === "1";
}

/** Whether emails stay local (no RESEND_API_KEY), so the mailbox is where they arrive. */
export function emailsStayLocal(env: Record<string, string | undefined> = process.env): boolean {
  return !env.RESEND_API_KEY;
}

export async function listMailbox(limit = 50) {
  return db.select().from(emailOutbox).orderBy(desc(emailOutbox.createdAt)).limit(limit);
}
