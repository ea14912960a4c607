import { Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type ApiTokenCreatedEmailProps = {
  orgName: string;
  tokenName: string;
  prefix: string;
  role: string;
  /** YYYY-MM-DD, or null for a token without expiry. */
  expiresAt: string | null;
  url: string;
};

/** K1: told to the token's creator, so a token made without them (a stolen session) is noticed. */
export default function ApiTokenCreatedEmail(props: ApiTokenCreatedEmailProps) {
  return (
    <EmailLayout
      preview={`A new API token “${props.tokenName}” was created in ${props.orgName}`}
      heading={`New API token in ${props.orgName}`}
      action={{ label: "Review API tokens", href: props.url }}
    >
      <Text style={paragraph}>
        You created the API token “{props.tokenName}” ({props.prefix}…) with the {props.role} role
        {props.expiresAt ? `, expiring on ${props.expiresAt}` : ", with no expiry"}. It can act in {props.orgName} as a {props.role} would.
      </Text>
      <Text style={paragraph}>If this was not you, revoke the token now and sign out of your other sessions.</Text>
    </EmailLayout>
  );
}

ApiTokenCreatedEmail.PreviewProps = {
  orgName: "Acme Castings",
  tokenName: "HR sync",
  prefix: "sw_AbCdEfGh",
  role: "Manager",
  expiresAt: "2027-03-01",
  url: "http://localhost:3000/o/acme-castings/settings/api-tokens",
} satisfies ApiTokenCreatedEmailProps;
