import { Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type InvitationUpdatedEmailProps = {
  orgName: string;
  /** Who changed the invitation now (may differ from who sent it). */
  changedByName: string;
  firstName?: string | null;
  /** Plans the invitation now also holds a place on (P3). */
  addedPlanNames: string[];
  /** O3: a plan whose ownership transfer now waits for them when they join. */
  transferPlanName?: string | null;
  /** When the invitation email with the link was sent. */
  sentOn: string;
  expiresOn: string;
};

/**
 * Issue 14.2 (I2, P3, O3): a live invitation changed — a plan place or a transfer was added. The
 * link already sent keeps working; this short notice carries no link of its own (only a hash of
 * the invitation's token is stored), it points to the first email.
 */
export default function InvitationUpdatedEmail(props: InvitationUpdatedEmailProps) {
  const plans = props.addedPlanNames.join(", ");
  const what = [plans ? `added you to ${plans}` : null, props.transferPlanName ? `asks you to become the subscriber of ${props.transferPlanName}` : null]
    .filter(Boolean)
    .join(" and ");
  return (
    <EmailLayout
      preview={`Your invitation to ${props.orgName} now includes more`}
      heading={`Your invitation to ${props.orgName} was updated`}
      footer={`Your invitation expires on ${props.expiresOn}. If you no longer have the first email, ask ${props.changedByName} to resend it.`}
    >
      <Text style={paragraph}>
        {props.firstName ? `Hi ${props.firstName}, ` : "Hi, "}
        {props.changedByName} {what} with your pending invitation to {props.orgName}.
      </Text>
      <Text style={paragraph}>
        Nothing else to do: the link in the invitation email of {props.sentOn} still works, and accepting it now also
        {props.transferPlanName && !plans ? " brings you the transfer request." : " gives you this."}
      </Text>
    </EmailLayout>
  );
}

InvitationUpdatedEmail.PreviewProps = {
  orgName: "Acme Castings",
  changedByName: "Ada Admin",
  firstName: "Nia",
  addedPlanNames: ["PDoc Share"],
  transferPlanName: null,
  sentOn: "22 Nov 2026",
  expiresOn: "29 Nov 2026",
} satisfies InvitationUpdatedEmailProps;
