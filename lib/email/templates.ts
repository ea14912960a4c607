import "server-only";
import type { ReactElement } from "react";
import SignInEmail, { type SignInEmailProps } from "@/emails/sign-in";

/**
 * Every email the app sends (SPEC E1): a react-email template and its subject. Later features
 * add their templates here, so the outbox only ever stores rendered, known kinds of email.
 */
export const emailTemplates = {
  "sign-in": {
    subject: () => "Your Seatwise sign-in link",
    render: (props: SignInEmailProps) => SignInEmail(props),
  },
} satisfies Record<string, { subject: (props: never) => string; render: (props: never) => ReactElement }>;

export type EmailTemplateName = keyof typeof emailTemplates;
export type EmailTemplateProps<N extends EmailTemplateName> = Parameters<
  (typeof emailTemplates)[N]["render"]
>[0];
