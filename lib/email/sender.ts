import "server-only";
import { sql } from "drizzle-orm";
import { db as defaultDb, selectRows, type Db } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { outboxEmailContent, type RenderedEmail } from "./render";
import { transportFromEnv, type Transport } from "./transport";

export const MAX_ATTEMPTS = 8;
const LEASE_SECONDS = 60;

/** Backoff after the n-th failed attempt: 10 s, 20 s, 40 s … capped at one hour. */
export function retryDelaySeconds(attempt: number): number {
  return Math.min(10 * 2 ** (attempt - 1), 3600);
}

/**
 * Delivers due emails (SPEC E1). Rows are claimed with FOR UPDATE SKIP LOCKED and leased for a
 * minute, so any number of server processes can run this at once without sending one email
 * twice; a process that dies mid-send leaves a lease that expires and the email is retried.
 */
export async function deliverDueEmails(options: { db?: Db; transport?: Transport; limit?: number } = {}) {
  const database = options.db ?? defaultDb;
  const transport = options.transport ?? transportFromEnv();
  const limit = options.limit ?? 20;
  const rows = await selectRows<{
    id: string;
    to: string;
    template: string;
    props: unknown;
    subject: string | null;
    html: string | null;
    text: string | null;
    attempts: number;
  }>(
    database,
    sql`
    update ${emailOutbox}
    set attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => ${LEASE_SECONDS})
    where id in (
      select id from ${emailOutbox}
      where status = 'pending' and next_attempt_at <= now()
      order by created_at
      limit ${limit}
      for update skip locked
    )
    returning id, "to", template, props, subject, html, text, attempts`,
  );
  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    // Rendered here, after the change committed and outside any transaction (E1, decision 066).
    let email: RenderedEmail | undefined;
    try {
      email = await outboxEmailContent(row);
      const result = await transport.send({ to: row.to, ...email });
      // What was sent is kept on the row (the mailbox shows it; a later template change does not
      // rewrite history).
      await database.execute(sql`
        update ${emailOutbox}
        set status = 'sent', sent_at = now(), transport = ${transport.name},
            provider_message_id = ${result.providerMessageId ?? null}, last_error = null,
            subject = ${email.subject}, html = ${email.html}, text = ${email.text}
        where id = ${row.id}`);
      sent++;
    } catch (error) {
      failed++;
      // Props its template cannot render never will: given up at once, not retried for hours.
      const giveUp = row.attempts >= MAX_ATTEMPTS || !email;
      const message = String((error as Error).message ?? error).slice(0, 2000);
      await database.execute(sql`
        update ${emailOutbox}
        set status = ${giveUp ? "failed" : "pending"},
            last_error = ${message},
            next_attempt_at = now() + make_interval(secs => ${retryDelaySeconds(row.attempts)})
        where id = ${row.id}`);
      // Not dropped silently: the row stays (an invitation's shows "delivery failed" on Manage
      // Invites, with Resend), and the operator reads why in the log. No link is logged.
      if (giveUp) console.error(`[mailbox] gave up on email ${row.id} to ${row.to} ("${email?.subject ?? row.template}") after ${row.attempts} attempts: ${message}`);
    }
  }
  return { claimed: rows.length, sent, failed };
}

let scheduled = false;

/** SEATWISE_EMAIL_SENDER=off: this process writes emails but leaves delivery to others (and tests). */
function senderEnabled() {
  return process.env.SEATWISE_EMAIL_SENDER !== "off";
}

/** Asks for a delivery run right after the current work (call it after commit). */
export function kickEmailSender() {
  if (scheduled || !senderEnabled()) return;
  scheduled = true;
  setTimeout(() => {
    scheduled = false;
    deliverDueEmails().catch((error) => console.warn("[mailbox] delivery run failed:", error));
  }, 0);
}

/** The periodic run that picks up retries and anything another process left behind. */
export function startEmailSender(intervalMs = 5000) {
  const g = globalThis as unknown as { __seatwiseSender?: NodeJS.Timeout };
  if (g.__seatwiseSender || !senderEnabled()) return;
  g.__seatwiseSender = setInterval(() => {
    deliverDueEmails().catch((error) => console.warn("[mailbox] delivery run failed:", error));
  }, intervalMs);
  g.__seatwiseSender.unref();
}
