import { Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type PlanInvitationEmailProps = {
  url: string;
  orgName: string;
  inviterName: string;
  /** Who invited, by address too (issue 14.15). */
  inviterEmail?: string;
  /** The role and one line on what it lets them do (SPEC §3). */
  roleLabel?: string;
  roleMeaning?: string;
  firstName?: string | null;
  /** The plans the invitee is on from the moment of the invitation (P3). */
  planNames: string[];
  /** O3: a plan whose ownership transfer waits for them when they join. */
  transferPlanName?: string | null;
  expiresOn: string;
};

/** SPEC P3 / O3: an invitation that puts a new person on plans (and may offer one plan's ownership). */
export default function PlanInvitationEmail(props: PlanInvitationEmailProps) {
  const plans = props.planNames.join(", ");
  return (
    <EmailLayout
      preview={`${props.inviterName} added you to ${plans || props.orgName} on Seatwise`}
      heading={plans ? `You're on ${plans} at ${props.orgName}` : `Join ${props.orgName} on Seatwise`}
      action={{ label: "Accept invitation", href: props.url }}
      footer={`This invitation works once and expires on ${props.expiresOn}. If you weren't expecting it, you can ignore this email.`}
    >
      <Text style={paragraph}>
        {props.firstName ? `Hi ${props.firstName}, ` : "Hi, "}
        {props.inviterName}
        {props.inviterEmail && props.inviterEmail !== props.inviterName ? ` (${props.inviterEmail})` : ""} invited you to {props.orgName} on Seatwise
        {plans ? ` and added you to ${plans}` : ""}. Accept the invitation to create your account and start using{" "}
        {plans ? "it" : "Seatwise"} right away.
        {props.roleLabel && props.roleMeaning ? ` You join ${props.orgName} as ${props.roleLabel}: you ${props.roleMeaning}.` : ""} The
        invitation expires on {props.expiresOn}.
      </Text>
      {props.transferPlanName ? (
        <Text style={paragraph}>
          {props.inviterName} also asks you to become the subscriber of {props.transferPlanName}. The request will be
          waiting in your Inbox as soon as you join, to accept or decline.
        </Text>
      ) : null}
    </EmailLayout>
  );
}

PlanInvitationEmail.PreviewProps = {
  url: "http://localhost:3000/invite/example",
  orgName: "Acme Castings",
  inviterName: "Ada Admin",
  inviterEmail: "ada@acme.test",
  roleLabel: "User",
  roleMeaning: "create and edit surveys, manage the surveys you own, and use the products you are added to",
  firstName: "Nia",
  planNames: ["PDoc Share"],
  transferPlanName: null,
  expiresOn: "29 Nov 2026",
} satisfies PlanInvitationEmailProps;
