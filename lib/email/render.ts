import "server-only";
import { render, toPlainText } from "@react-email/render";
import type { ReactElement } from "react";
import { emailTemplates, type EmailTemplateName } from "./templates";

export type RenderedEmail = { subject: string; html: string; text: string };

export function isEmailTemplateName(name: string): name is EmailTemplateName {
  return Object.hasOwn(emailTemplates, name);
}

/** The template's props checked against its schema (at enqueue, and again when read back). */
export function parseEmailProps(template: string, props: unknown): unknown {
  if (!isEmailTemplateName(template)) throw new Error(`Unknown email template "${template}"`);
  return emailTemplates[template].props.parse(props);
}

/** Renders one email from its template name and props: React runs here, never in a transaction. */
export async function renderEmail(template: string, props: unknown): Promise<RenderedEmail> {
  const valid = parseEmailProps(template, props);
  const entry = emailTemplates[template as EmailTemplateName];
  const html = await render((entry.render as (p: unknown) => ReactElement)(valid));
  return { subject: (entry.subject as (p: unknown) => string)(valid), html, text: toPlainText(html) };
}

/**
 * What an outbox row says: rendered from its props, or — a row written before props were stored,
 * or one already sent — the HTML, text and subject it holds.
 */
export async function outboxEmailContent(row: {
  template: string;
  props: unknown;
  subject: string | null;
  html: string | null;
  text: string | null;
}): Promise<RenderedEmail> {
  if (row.html !== null && row.text !== null && row.subject !== null) return { subject: row.subject, html: row.html, text: row.text };
  return renderEmail(row.template, row.props);
}
