import type { OutboxEmail } from "@/db/schema";
import { outboxEmailContent } from "@/lib/email/render";

/**
 * Outbox rows as the recipient reads them: the outbox stores a template's name and props and the
 * sender renders at delivery (docs/decisions/066), so a test reads an email through the same
 * renderer — `await rendered(t.db.select().from(emailOutbox).where(…))`.
 */
export async function rendered<R extends Pick<OutboxEmail, "template" | "props" | "subject" | "html" | "text">>(
  rows: R[] | Promise<R[]>,
): Promise<(R & { subject: string; html: string; text: string })[]> {
  return Promise.all((await rows).map(async (row) => ({ ...row, ...(await outboxEmailContent(row)) })));
}
