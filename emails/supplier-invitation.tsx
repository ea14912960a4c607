import { Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type SupplierInvitationEmailProps = {
  url: string;
  clientName: string;
  inviterName: string;
  companyName: string;
  firstName?: string | null;
  expiresOn: string;
};

/** SPEC I6: a client invites a supplier company to serve it on Seatwise. */
export default function SupplierInvitationEmail(props: SupplierInvitationEmailProps) {
  return (
    <EmailLayout
      preview={`${props.clientName} invited ${props.companyName} to Seatwise as a supplier`}
      heading={`${props.clientName} invited ${props.companyName} as a supplier`}
      action={{ label: "Accept and set up your company", href: props.url }}
      footer={`This invitation works once and expires on ${props.expiresOn}. If you weren't expecting it, you can ignore this email.`}
    >
      <Text style={paragraph}>
        {props.firstName ? `Hi ${props.firstName}, ` : "Hi, "}
        {props.inviterName} of {props.clientName} invited {props.companyName} to Seatwise as a supplier.
      </Text>
      <Text style={paragraph}>
        Accepting creates {props.companyName}&apos;s organization with you as its Admin, subscribed to Service: the plan
        for serving your customers and managing your customer service team.
      </Text>
    </EmailLayout>
  );
}

SupplierInvitationEmail.PreviewProps = {
  url: "http://localhost:3000/invite/example",
  clientName: "Acme Castings",
  inviterName: "Ada Admin",
  companyName: "Bolt Supply Co",
  firstName: "Sam",
  expiresOn: "29 Nov 2026",
} satisfies SupplierInvitationEmailProps;
