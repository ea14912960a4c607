import "server-only";
import { render, toPlainText } from "@react-email/render";
import type { DbOrTx } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { emailTemplates, type EmailTemplateName, type EmailTemplateProps } from "./templates";

export type QueuedEmail<N extends EmailTemplateName> = {
  to: string;
  template: N;
  props: EmailTemplateProps<N>;
  /** The invitation this email carries, so a delivery that fails for good shows on Manage Invites. */
  invitationId?: string;
};

/**
 * Writes an email to the outbox with the caller's transaction (SPEC E1): the email exists if and
 * only if the change that caused it committed. Delivery happens after commit (see sender.ts).
 */
export async function enqueueEmail<N extends EmailTemplateName>(
  tx: DbOrTx,
  email: QueuedEmail<N>,
): Promise<{ id: string }> {
  const template = emailTemplates[email.template];
  const element = (template.render as (p: EmailTemplateProps<N>) => React.ReactElement)(email.props);
  const html = await render(element);
  const text = toPlainText(html);
  const subject = (template.subject as (p: EmailTemplateProps<N>) => string)(email.props);
  const [row] = await tx
    .insert(emailOutbox)
    .values({ to: email.to.trim().toLowerCase(), subject, template: email.template, html, text, invitationId: email.invitationId ?? null })
    .returning({ id: emailOutbox.id });
  return row;
}
