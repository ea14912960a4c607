import "server-only";
import type { ReactElement } from "react";
import { z } from "zod";
import ApiTokenCreatedEmail, { apiTokenKindWords, type ApiTokenCreatedEmailProps } from "@/emails/api-token-created";
import DomainVerificationEmail, { type DomainVerificationEmailProps } from "@/emails/domain-verification";
import EmailChangeConfirmEmail, { type EmailChangeConfirmEmailProps } from "@/emails/email-change-confirm";
import EmailChangeNoticeEmail, { type EmailChangeNoticeEmailProps } from "@/emails/email-change-notice";
import EmailChangedEmail, { type EmailChangedEmailProps } from "@/emails/email-changed";
import InvitationEmail, { type InvitationEmailProps } from "@/emails/invitation";
import InvitationUpdatedEmail, { type InvitationUpdatedEmailProps } from "@/emails/invitation-updated";
import RoleChangedEmail, { type RoleChangedEmailProps } from "@/emails/role-changed";
import SignInEmail, { type SignInEmailProps } from "@/emails/sign-in";
import SurveyTransferredEmail, { surveyTransferredSubject, type SurveyTransferredEmailProps } from "@/emails/survey-transferred";
import PlanInvitationEmail, { type PlanInvitationEmailProps } from "@/emails/plan-invitation";
import RemovedFromPlanEmail, { type RemovedFromPlanEmailProps } from "@/emails/removed-from-plan";
import SupplierInvitationEmail, { type SupplierInvitationEmailProps } from "@/emails/supplier-invitation";
import TransferOutcomeEmail, { type TransferOutcomeEmailProps } from "@/emails/transfer-outcome";
import TransferRequestEmail, { type TransferRequestEmailProps } from "@/emails/transfer-request";
import WebhookDisabledEmail, { type WebhookDisabledEmailProps } from "@/emails/webhook-disabled";

/**
 * Every email the app sends (SPEC E1). Adding one is this one entry: `props`, the zod schema of
 * what the outbox row stores (plain JSON: strings, numbers, booleans, arrays, null — no Date, no
 * element), `satisfies z.ZodType<ItsProps>` so it cannot drift from the component; `subject` and
 * `render`, pure functions of those props. The outbox stores the template name and its validated
 * props in the transaction of the change; the sender renders when it sends (docs/decisions/066).
 */
export const emailTemplates = {
  "sign-in": {
    props: z.object({ url: z.string(), host: z.string() }) satisfies z.ZodType<SignInEmailProps>,
    subject: () => "Your Seatwise sign-in link",
    render: (props: SignInEmailProps) => SignInEmail(props),
  },
  invitation: {
    props: z.object({ url: z.string(), orgName: z.string(), inviterName: z.string(), inviterEmail: z.string().optional(), roleLabel: z.string(), roleMeaning: z.string().optional(), firstName: z.string().nullish(), expiresOn: z.string(), planNames: z.array(z.string()).optional() }) satisfies z.ZodType<InvitationEmailProps>,
    subject: (props: InvitationEmailProps) => `${props.inviterName} invited you to ${props.orgName} on Seatwise`,
    render: (props: InvitationEmailProps) => InvitationEmail(props),
  },
  "invitation-updated": {
    props: z.object({
      orgName: z.string(),
      changedByName: z.string(),
      firstName: z.string().nullish(),
      addedPlanNames: z.array(z.string()),
      transferPlanName: z.string().nullish(),
      sentOn: z.string(),
      expiresOn: z.string(),
    }) satisfies z.ZodType<InvitationUpdatedEmailProps>,
    subject: (props: InvitationUpdatedEmailProps) => `Your invitation to ${props.orgName} was updated: your link still works`,
    render: (props: InvitationUpdatedEmailProps) => InvitationUpdatedEmail(props),
  },
  "role-changed": {
    props: z.object({ orgName: z.string(), changedBy: z.string(), fromRole: z.string(), toRole: z.string(), url: z.string() }) satisfies z.ZodType<RoleChangedEmailProps>,
    subject: (props: RoleChangedEmailProps) => `Your role in ${props.orgName} is now ${props.toRole}`,
    render: (props: RoleChangedEmailProps) => RoleChangedEmail(props),
  },
  "email-change-confirm": {
    props: z.object({ currentEmail: z.string(), newEmail: z.string(), requestedBy: z.string().nullable(), url: z.string(), expiresIn: z.string() }) satisfies z.ZodType<EmailChangeConfirmEmailProps>,
    subject: () => "Confirm your new Seatwise sign-in email",
    render: (props: EmailChangeConfirmEmailProps) => EmailChangeConfirmEmail(props),
  },
  "email-change-notice": {
    props: z.object({ currentEmail: z.string(), newEmail: z.string(), requestedBy: z.string().nullable(), url: z.string() }) satisfies z.ZodType<EmailChangeNoticeEmailProps>,
    subject: () => "A change of your Seatwise sign-in email was requested",
    render: (props: EmailChangeNoticeEmailProps) => EmailChangeNoticeEmail(props),
  },
  "email-changed": {
    props: z.object({ previousEmail: z.string(), newEmail: z.string() }) satisfies z.ZodType<EmailChangedEmailProps>,
    subject: () => "Your Seatwise sign-in email changed",
    render: (props: EmailChangedEmailProps) => EmailChangedEmail(props),
  },
  "survey-transferred": {
    props: z.object({ orgName: z.string(), transferredBy: z.string(), fromName: z.string().nullish(), surveyTitles: z.array(z.string()), total: z.number(), url: z.string() }) satisfies z.ZodType<SurveyTransferredEmailProps>,
    subject: (props: SurveyTransferredEmailProps) => surveyTransferredSubject(props),
    render: (props: SurveyTransferredEmailProps) => SurveyTransferredEmail(props),
  },
  "plan-invitation": {
    props: z.object({ url: z.string(), orgName: z.string(), inviterName: z.string(), inviterEmail: z.string().optional(), roleLabel: z.string().optional(), roleMeaning: z.string().optional(), firstName: z.string().nullish(), planNames: z.array(z.string()), transferPlanName: z.string().nullish(), expiresOn: z.string() }) satisfies z.ZodType<PlanInvitationEmailProps>,
    subject: (props: PlanInvitationEmailProps) =>
      props.planNames.length
        ? `${props.inviterName} added you to ${props.planNames.join(", ")} at ${props.orgName}`
        : `${props.inviterName} invited you to ${props.orgName} on Seatwise`,
    render: (props: PlanInvitationEmailProps) => PlanInvitationEmail(props),
  },
  "supplier-invitation": {
    props: z.object({ url: z.string(), clientName: z.string(), inviterName: z.string(), companyName: z.string(), firstName: z.string().nullish(), expiresOn: z.string() }) satisfies z.ZodType<SupplierInvitationEmailProps>,
    subject: (props: SupplierInvitationEmailProps) => `${props.clientName} invited ${props.companyName} to Seatwise as a supplier`,
    render: (props: SupplierInvitationEmailProps) => SupplierInvitationEmail(props),
  },
  "transfer-request": {
    props: z.object({ orgName: z.string(), fromName: z.string(), planName: z.string(), acceptUrl: z.string(), declineUrl: z.string(), expiresOn: z.string() }) satisfies z.ZodType<TransferRequestEmailProps>,
    subject: (props: TransferRequestEmailProps) => `${props.fromName} asks you to become the subscriber of ${props.planName}`,
    render: (props: TransferRequestEmailProps) => TransferRequestEmail(props),
  },
  "transfer-outcome": {
    props: z.object({ outcome: z.enum(["accepted", "declined", "expired"]), orgName: z.string(), planName: z.string(), toName: z.string(), audience: z.enum(["requester", "recipient"]), url: z.string() }) satisfies z.ZodType<TransferOutcomeEmailProps>,
    subject: (props: TransferOutcomeEmailProps) =>
      props.outcome === "accepted"
        ? `Transfer accepted: ${props.toName} is now the subscriber of ${props.planName}`
        : props.outcome === "declined"
          ? `Transfer declined: ${props.toName} declined ${props.planName}`
          : `Transfer expired: ${props.planName}`,
    render: (props: TransferOutcomeEmailProps) => TransferOutcomeEmail(props),
  },
  "removed-from-plan": {
    props: z.object({ orgName: z.string(), planName: z.string(), removedBy: z.string(), subscriberName: z.string(), url: z.string() }) satisfies z.ZodType<RemovedFromPlanEmailProps>,
    subject: (props: RemovedFromPlanEmailProps) => `You were removed from ${props.planName} at ${props.orgName}`,
    render: (props: RemovedFromPlanEmailProps) => RemovedFromPlanEmail(props),
  },
  "api-token-created": {
    props: z.object({ orgName: z.string(), tokenName: z.string(), prefix: z.string(), role: z.string(), expiresAt: z.string().nullable(), url: z.string(), kind: z.enum(["api", "scim"]).optional() }) satisfies z.ZodType<ApiTokenCreatedEmailProps>,
    subject: (props: ApiTokenCreatedEmailProps) => `New ${apiTokenKindWords(props.kind)} “${props.tokenName}” in ${props.orgName}`,
    render: (props: ApiTokenCreatedEmailProps) => ApiTokenCreatedEmail(props),
  },
  "webhook-disabled": {
    props: z.object({ orgName: z.string(), endpointHost: z.string(), reason: z.string(), url: z.string() }) satisfies z.ZodType<WebhookDisabledEmailProps>,
    subject: (props: WebhookDisabledEmailProps) => `A webhook endpoint of ${props.orgName} was disabled`,
    render: (props: WebhookDisabledEmailProps) => WebhookDisabledEmail(props),
  },
  "domain-verification": {
    props: z.object({ orgName: z.string(), requestedBy: z.string(), domain: z.string(), url: z.string(), expiresIn: z.string() }) satisfies z.ZodType<DomainVerificationEmailProps>,
    subject: (props: DomainVerificationEmailProps) => `Verify ${props.domain} for ${props.orgName} on Seatwise`,
    render: (props: DomainVerificationEmailProps) => DomainVerificationEmail(props),
  },
} satisfies Record<string, { props: z.ZodType; subject: (props: never) => string; render: (props: never) => ReactElement }>;

export type EmailTemplateName = keyof typeof emailTemplates;
export type EmailTemplateProps<N extends EmailTemplateName> = Parameters<
  (typeof emailTemplates)[N]["render"]
>[0];

/**
 * Every template's props schema describes exactly its props: zod drops keys a schema does not
 * name, so a prop added to a template but not to its schema would silently vanish from the email
 * (the outbox stores what the schema lets through). This fails to compile when they differ.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type PropsMismatch = {
  [N in EmailTemplateName]: Same<Required<EmailTemplateProps<N>>, Required<z.output<(typeof emailTemplates)[N]["props"]>>> extends true ? never : N;
}[EmailTemplateName];
export const templatePropsMatchTheirSchemas: [PropsMismatch] extends [never] ? true : { mismatch: PropsMismatch } = true;
