import { Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type InvitationEmailProps = {
  url: string;
  orgName: string;
  inviterName: string;
  roleLabel: string;
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
        {props.inviterName} invited you to join {props.orgName} as {props.roleLabel}.
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
  roleLabel: "User",
  firstName: "Nia",
  expiresOn: "29 Nov 2026",
} satisfies InvitationEmailProps;
