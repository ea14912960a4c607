import "server-only";
import { desc } from "drizzle-orm";
import { db } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { outboxEmailContent } from "./render";

/** /dev/mailbox exists in development, and in production only with SEATWISE_DEV_MAILBOX=1. */
export function devMailboxEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.NODE_ENV !== "production" || env.SEATWISE_DEV_MAILBOX === "1";
}

/** Whether emails stay local (no RESEND_API_KEY), so the mailbox is where they arrive. */
export function emailsStayLocal(env: Record<string, string | undefined> = process.env): boolean {
  return !env.RESEND_API_KEY;
}

/** The newest emails, each as it reads: what was sent, or rendered from its props while it waits. */
export async function listMailbox(limit = 50) {
  const rows = await db.select().from(emailOutbox).orderBy(desc(emailOutbox.createdAt)).limit(limit);
  return Promise.all(
    rows.map(async (row) => {
      const content = await outboxEmailContent(row).catch((error: Error) => ({
        subject: `An email of the "${row.template}" template that cannot be rendered`,
        html: "",
        text: error.message,
      }));
      return { ...row, ...content };
    }),
  );
}
