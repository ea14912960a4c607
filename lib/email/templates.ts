import "server-only";
import type { ReactElement } from "react";
import EmailChangeConfirmEmail, { type EmailChangeConfirmEmailProps } from "@/emails/email-change-confirm";
import EmailChangeNoticeEmail, { type EmailChangeNoticeEmailProps } from "@/emails/email-change-notice";
import EmailChangedEmail, { type EmailChangedEmailProps } from "@/emails/email-changed";
import InvitationEmail, { type InvitationEmailProps } from "@/emails/invitation";
import RoleChangedEmail, { type RoleChangedEmailProps } from "@/emails/role-changed";
import SignInEmail, { type SignInEmailProps } from "@/emails/sign-in";
import SurveyTransferredEmail, { surveyTransferredSubject, type SurveyTransferredEmailProps } from "@/emails/survey-transferred";

/**
 * Every email the app sends (SPEC E1): a react-email template and its subject. Later features
 * add their templates here, so the outbox only ever stores rendered, known kinds of email.
 */
export const emailTemplates = {
  "sign-in": {
    subject: () => "Your Seatwise sign-in link",
    render: (props: SignInEmailProps) => SignInEmail(props),
  },
  invitation: {
    subject: (props: InvitationEmailProps) => `${props.inviterName} invited you to ${props.orgName} on Seatwise`,
    render: (props: InvitationEmailProps) => InvitationEmail(props),
  },
  "role-changed": {
    subject: (props: RoleChangedEmailProps) => `Your role in ${props.orgName} is now ${props.toRole}`,
    render: (props: RoleChangedEmailProps) => RoleChangedEmail(props),
  },
  "email-change-confirm": {
    subject: () => "Confirm your new Seatwise sign-in email",
    render: (props: EmailChangeConfirmEmailProps) => EmailChangeConfirmEmail(props),
  },
  "email-change-notice": {
    subject: () => "A change of your Seatwise sign-in email was requested",
    render: (props: EmailChangeNoticeEmailProps) => EmailChangeNoticeEmail(props),
  },
  "email-changed": {
    subject: () => "Your Seatwise sign-in email changed",
    render: (props: EmailChangedEmailProps) => EmailChangedEmail(props),
  },
  "survey-transferred": {
    subject: (props: SurveyTransferredEmailProps) => surveyTransferredSubject(props),
    render: (props: SurveyTransferredEmailProps) => SurveyTransferredEmail(props),
  },
} satisfies Record<string, { subject: (props: never) => string; render: (props: never) => ReactElement }>;

export type EmailTemplateName = keyof typeof emailTemplates;
export type EmailTemplateProps<N extends EmailTemplateName> = Parameters<
  (typeof emailTemplates)[N]["render"]
>[0];
