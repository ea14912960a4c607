import "server-only";
import type { ReactElement } from "react";
import DomainVerificationEmail, { type DomainVerificationEmailProps } from "@/emails/domain-verification";
import EmailChangeConfirmEmail, { type EmailChangeConfirmEmailProps } from "@/emails/email-change-confirm";
import EmailChangeNoticeEmail, { type EmailChangeNoticeEmailProps } from "@/emails/email-change-notice";
import EmailChangedEmail, { type EmailChangedEmailProps } from "@/emails/email-changed";
import InvitationEmail, { type InvitationEmailProps } from "@/emails/invitation";
import RoleChangedEmail, { type RoleChangedEmailProps } from "@/emails/role-changed";
import SignInEmail, { type SignInEmailProps } from "@/emails/sign-in";
import SurveyTransferredEmail, { surveyTransferredSubject, type SurveyTransferredEmailProps } from "@/emails/survey-transferred";
import PlanInvitationEmail, { type PlanInvitationEmailProps } from "@/emails/plan-invitation";
import RemovedFromPlanEmail, { type RemovedFromPlanEmailProps } from "@/emails/removed-from-plan";
import SupplierInvitationEmail, { type SupplierInvitationEmailProps } from "@/emails/supplier-invitation";
import TransferOutcomeEmail, { type TransferOutcomeEmailProps } from "@/emails/transfer-outcome";
import TransferRequestEmail, { type TransferRequestEmailProps } from "@/emails/transfer-request";

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
  "plan-invitation": {
    subject: (props: PlanInvitationEmailProps) =>
      props.planNames.length
        ? `${props.inviterName} added you to ${props.planNames.join(", ")} at ${props.orgName}`
        : `${props.inviterName} invited you to ${props.orgName} on Seatwise`,
    render: (props: PlanInvitationEmailProps) => PlanInvitationEmail(props),
  },
  "supplier-invitation": {
    subject: (props: SupplierInvitationEmailProps) => `${props.clientName} invited ${props.companyName} to Seatwise as a supplier`,
    render: (props: SupplierInvitationEmailProps) => SupplierInvitationEmail(props),
  },
  "transfer-request": {
    subject: (props: TransferRequestEmailProps) => `${props.fromName} asks you to become the subscriber of ${props.planName}`,
    render: (props: TransferRequestEmailProps) => TransferRequestEmail(props),
  },
  "transfer-outcome": {
    subject: (props: TransferOutcomeEmailProps) =>
      props.outcome === "accepted"
        ? `Transfer accepted: ${props.toName} is now the subscriber of ${props.planName}`
        : props.outcome === "declined"
          ? `Transfer declined: ${props.toName} declined ${props.planName}`
          : `Transfer expired: ${props.planName}`,
    render: (props: TransferOutcomeEmailProps) => TransferOutcomeEmail(props),
  },
  "removed-from-plan": {
    subject: (props: RemovedFromPlanEmailProps) => `You were removed from ${props.planName} at ${props.orgName}`,
    render: (props: RemovedFromPlanEmailProps) => RemovedFromPlanEmail(props),
  },
  "domain-verification": {
    subject: (props: DomainVerificationEmailProps) => `Verify ${props.domain} for ${props.orgName} on Seatwise`,
    render: (props: DomainVerificationEmailProps) => DomainVerificationEmail(props),
  },
} satisfies Record<string, { subject: (props: never) => string; render: (props: never) => ReactElement }>;

export type EmailTemplateName = keyof typeof emailTemplates;
export type EmailTemplateProps<N extends EmailTemplateName> = Parameters<
  (typeof emailTemplates)[N]["render"]
>[0];
