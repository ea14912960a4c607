import { Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type TransferOutcomeEmailProps = {
  outcome: "accepted" | "declined" | "expired";
  orgName: string;
  planName: string;
  /** The recipient of the request. */
  toName: string;
  /** Who reads this email: the subscriber who asked, or the recipient (expired only). */
  audience: "requester" | "recipient";
  url: string;
};

const headings = {
  accepted: (p: TransferOutcomeEmailProps) => `${p.toName} is now the subscriber of ${p.planName}`,
  declined: (p: TransferOutcomeEmailProps) => `${p.toName} declined to take over ${p.planName}`,
  expired: (p: TransferOutcomeEmailProps) => `The transfer of ${p.planName} expired`,
};

/** SPEC O1, O2: the outcome of an ownership transfer — accepted, declined or expired. */
export default function TransferOutcomeEmail(props: TransferOutcomeEmailProps) {
  const heading = headings[props.outcome](props);
  return (
    <EmailLayout preview={heading} heading={heading} action={{ label: `Open ${props.planName}`, href: props.url }}>
      <Text style={paragraph}>
        {props.outcome === "accepted"
          ? `${props.toName} accepted your request. You stay on ${props.planName} at ${props.orgName} as a regular user and keep your seat; managing its users is now theirs.`
          : props.outcome === "declined"
            ? `${props.toName} declined your request, so you remain the subscriber of ${props.planName} at ${props.orgName}. You can ask someone else from My Subscriptions.`
            : props.audience === "requester"
              ? `Nobody answered within 7 days, so you remain the subscriber of ${props.planName} at ${props.orgName}. You can send a new request from My Subscriptions.`
              : `The request to become the subscriber of ${props.planName} at ${props.orgName} was not answered within 7 days and can no longer be accepted.`}
      </Text>
    </EmailLayout>
  );
}

TransferOutcomeEmail.PreviewProps = {
  outcome: "accepted",
  orgName: "Acme Castings",
  planName: "PDoc Share",
  toName: "Max Manager",
  audience: "requester",
  url: "http://localhost:3000/o/acme-castings/subscriptions",
} satisfies TransferOutcomeEmailProps;
