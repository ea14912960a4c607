import "server-only";
import type { DbOrTx } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { parseEmailProps } from "./render";
import type { EmailTemplateName, EmailTemplateProps } from "./templates";

export type QueuedEmail<N extends EmailTemplateName> = {
  to: string;
  template: N;
  props: EmailTemplateProps<N>;
  /** The invitation this email carries, so a delivery that fails for good shows on Manage Invites. */
  invitationId?: string;
};

/**
 * Writes an email to the outbox with the caller's transaction (SPEC E1): the email exists if and
 * only if the change that caused it committed. Only the template's name and its props (checked
 * by the template's zod schema) are written: nothing is rendered while the caller holds its
 * locks; the sender renders after commit (sender.ts, docs/decisions/066).
 */
export async function enqueueEmail<N extends EmailTemplateName>(
  tx: DbOrTx,
  email: QueuedEmail<N>,
): Promise<{ id: string }> {
  const props = parseEmailProps(email.template, email.props);
  const [row] = await tx
    .insert(emailOutbox)
    .values({ to: email.to.trim().toLowerCase(), template: email.template, props, invitationId: email.invitationId ?? null })
    .returning({ id: emailOutbox.id });
  return row;
}
