import { Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type EmailChangedEmailProps = { previousEmail: string; newEmail: string };

/** To the old address once the change is confirmed: the account now signs in elsewhere. */
export default function EmailChangedEmail(props: EmailChangedEmailProps) {
  return (
    <EmailLayout preview="Your Seatwise sign-in email changed" heading="Your sign-in email changed">
      <Text style={paragraph}>
        The Seatwise account that signed in as <strong>{props.previousEmail}</strong> now signs in as{" "}
        <strong>{props.newEmail}</strong>. The change was confirmed from the new address, and every other browser was signed
        out.
      </Text>
      <Text style={paragraph}>If this was not you, contact an Admin of your organization right away.</Text>
    </EmailLayout>
  );
}

EmailChangedEmail.PreviewProps = { previousEmail: "una@acme.test", newEmail: "una.user@acme.test" } satisfies EmailChangedEmailProps;
