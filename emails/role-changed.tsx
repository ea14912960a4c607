import { Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type RoleChangedEmailProps = {
  orgName: string;
  changedBy: string;
  fromRole: string;
  toRole: string;
  url: string;
};

export default function RoleChangedEmail(props: RoleChangedEmailProps) {
  return (
    <EmailLayout
      preview={`Your role in ${props.orgName} is now ${props.toRole}`}
      heading={`Your role in ${props.orgName} changed`}
      action={{ label: `Open ${props.orgName}`, href: props.url }}
    >
      <Text style={paragraph}>
        {props.changedBy} changed your role from {props.fromRole} to {props.toRole}. It takes effect right away.
      </Text>
    </EmailLayout>
  );
}

RoleChangedEmail.PreviewProps = {
  orgName: "Acme Castings",
  changedBy: "Ada Admin",
  fromRole: "User",
  toRole: "Manager",
  url: "http://localhost:3000/o/acme-castings/users",
} satisfies RoleChangedEmailProps;
