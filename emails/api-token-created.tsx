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
  /** A SCIM token (issue 17) is the same machinery, named as such; absent on emails queued before it existed. */
  kind?: "api" | "scim";
};

/** K1: told to the token's creator, so a token made without them (a stolen session) is noticed. */
export default function ApiTokenCreatedEmail(props: ApiTokenCreatedEmailProps) {
  const what = apiTokenKindWords(props.kind);
  return (
    <EmailLayout
      preview={`A new ${what} “${props.tokenName}” was created in ${props.orgName}`}
      heading={`New ${what} in ${props.orgName}`}
      action={{ label: `Review ${what}s`, href: props.url }}
    >
      {props.kind === "scim" ? (
        <Text style={paragraph}>
          You created the SCIM token “{props.tokenName}” ({props.prefix}…)
          {props.expiresAt ? `, expiring on ${props.expiresAt}` : ", with no expiry"}. Your identity provider uses it to create, suspend
          and delete members of {props.orgName}, acting as an Admin would.
        </Text>
      ) : (
        <Text style={paragraph}>
          You created the API token “{props.tokenName}” ({props.prefix}…) with the {props.role} role
          {props.expiresAt ? `, expiring on ${props.expiresAt}` : ", with no expiry"}. It can act in {props.orgName} as a {props.role} would.
        </Text>
      )}
      <Text style={paragraph}>If this was not you, revoke the token now and sign out of your other sessions.</Text>
    </EmailLayout>
  );
}

/** "API token" or "SCIM token", for the subject and the body. */
export function apiTokenKindWords(kind: ApiTokenCreatedEmailProps["kind"]): string {
  return kind === "scim" ? "SCIM token" : "API token";
}

ApiTokenCreatedEmail.PreviewProps = {
  orgName: "Acme Castings",
  tokenName: "HR sync",
  prefix: "sw_AbCdEfGh",
  role: "Manager",
  expiresAt: "2027-03-01",
  url: "http://localhost:3000/o/acme-castings/settings/api-tokens",
  kind: "api",
} satisfies ApiTokenCreatedEmailProps;
