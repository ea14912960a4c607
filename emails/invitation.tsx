import { Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type InvitationEmailProps = {
  url: string;
  orgName: string;
  inviterName: string;
  /** Who invited, by address too (issue 14.15): a name alone can be anyone's. */
  inviterEmail?: string;
  roleLabel: string;
  /** One line on what the role lets them do (SPEC §3). */
  roleMeaning?: string;
  firstName?: string | null;
  expiresOn: string;
  planNames?: string[];
};

export default function InvitationEmail(props: InvitationEmailProps) {
  return (
    <EmailLayout
      preview={`${props.inviterName} invited you to ${props.orgName} on Seatwise`}
      heading={`Join ${props.orgName} on Seatwise`}
      action={{ label: "Accept invitation", href: props.url }}
      footer={`This invitation works once and expires on ${props.expiresOn}. If you weren't expecting it, you can ignore this email.`}
    >
      <Text style={paragraph}>
        {props.firstName ? `Hi ${props.firstName}, ` : "Hi, "}
        {props.inviterName}
        {props.inviterEmail && props.inviterEmail !== props.inviterName ? ` (${props.inviterEmail})` : ""} invited you to join{" "}
        {props.orgName} as {props.roleLabel}.
      </Text>
      <Text style={paragraph}>
        {props.orgName} uses Seatwise to share its product subscriptions and surveys among its people.
        {props.roleMeaning ? ` As ${props.roleLabel}, you ${props.roleMeaning}.` : ""} The invitation expires on {props.expiresOn}.
      </Text>
      {props.planNames?.length ? (
        <Text style={paragraph}>You will also be added to: {props.planNames.join(", ")}.</Text>
      ) : null}
    </EmailLayout>
  );
}

InvitationEmail.PreviewProps = {
  url: "http://localhost:3000/invite/example",
  orgName: "Acme Castings",
  inviterName: "Ada Admin",
  inviterEmail: "ada@acme.test",
  roleLabel: "User",
  roleMeaning: "create and edit surveys, manage the surveys you own, and use the products you are added to",
  firstName: "Nia",
  expiresOn: "29 Nov 2026",
} satisfies InvitationEmailProps;
