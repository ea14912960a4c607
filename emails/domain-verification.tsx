import { Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type DomainVerificationEmailProps = {
  orgName: string;
  requestedBy: string;
  domain: string;
  url: string;
  expiresIn: string;
};

/** SPEC D1: the link that proves the organization controls an address at the domain. */
export default function DomainVerificationEmail(props: DomainVerificationEmailProps) {
  return (
    <EmailLayout
      preview={`Verify ${props.domain} for ${props.orgName} on Seatwise`}
      heading={`Verify ${props.domain}`}
      action={{ label: `Verify ${props.domain}`, href: props.url }}
      footer="If you don't know this organization, ignore this email: the domain stays unverified."
    >
      <Text style={paragraph}>
        {props.requestedBy} asked to verify <strong>{props.domain}</strong> as a domain of <strong>{props.orgName}</strong> on
        Seatwise. Once verified, the organization can let people with an address at {props.domain} join it, and sign them in
        through its identity provider.
      </Text>
      <Text style={paragraph}>Open the link to confirm. It works once and expires in {props.expiresIn}.</Text>
    </EmailLayout>
  );
}

DomainVerificationEmail.PreviewProps = {
  orgName: "Brightforge",
  requestedBy: "Ada Admin",
  domain: "brightforge.test",
  url: "http://localhost:3000/domains/verify/abc",
  expiresIn: "24 hours",
} satisfies DomainVerificationEmailProps;
