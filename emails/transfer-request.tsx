import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type TransferRequestEmailProps = {
  orgName: string;
  fromName: string;
  planName: string;
  acceptUrl: string;
  declineUrl: string;
  expiresOn: string;
};

const button = { borderRadius: 6, fontSize: 15, fontWeight: 600, padding: "12px 20px" } as const;

/** SPEC O1: the recipient of an ownership transfer is asked to accept or decline. */
export default function TransferRequestEmail(props: TransferRequestEmailProps) {
  return (
    <EmailLayout
      preview={`${props.fromName} asks you to become the subscriber of ${props.planName}`}
      heading={`Become the subscriber of ${props.planName}?`}
      footer={`The request expires on ${props.expiresOn}. Both buttons open Seatwise, where you confirm your answer.`}
    >
      <Text style={paragraph}>
        {props.fromName} asks you to take over {props.planName} at {props.orgName}. As its subscriber you manage the
        plan&apos;s users and their permissions; {props.fromName} stays on the plan as a regular user.
      </Text>
      <Section style={{ margin: "24px 0" }}>
        <Button href={props.acceptUrl} style={{ ...button, backgroundColor: "#4f46e5", color: "#ffffff" }}>
          Accept
        </Button>{" "}
        <Button href={props.declineUrl} style={{ ...button, backgroundColor: "#ffffff", border: "1px solid #d1d5db", color: "#111827" }}>
          Decline
        </Button>
      </Section>
    </EmailLayout>
  );
}

TransferRequestEmail.PreviewProps = {
  orgName: "Acme Castings",
  fromName: "Ada Admin",
  planName: "PDoc Share",
  acceptUrl: "http://localhost:3000/o/acme-castings/transfers/example?answer=accept",
  declineUrl: "http://localhost:3000/o/acme-castings/transfers/example?answer=decline",
  expiresOn: "29 Nov 2026",
} satisfies TransferRequestEmailProps;
