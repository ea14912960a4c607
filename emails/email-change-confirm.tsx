import { Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type EmailChangeConfirmEmailProps = {
  currentEmail: string;
  newEmail: string;
  /** Who asked for the change: the person themselves, or an Admin or Manager (R2). */
  requestedBy: string | null;
  url: string;
  expiresIn: string;
};

export default function EmailChangeConfirmEmail(props: EmailChangeConfirmEmailProps) {
  return (
    <EmailLayout
      preview="Confirm your new Seatwise sign-in email"
      heading="Confirm your new sign-in email"
      action={{ label: "Confirm this address", href: props.url }}
      footer="If you don't know this Seatwise account, ignore this email: nothing changes without the confirmation."
    >
      <Text style={paragraph}>
        {props.requestedBy ? `${props.requestedBy} asked` : "You asked"} to change the sign-in email of the Seatwise account{" "}
        <strong>{props.currentEmail}</strong> to <strong>{props.newEmail}</strong>.
      </Text>
      <Text style={paragraph}>
        To confirm, open the link while signed in as {props.currentEmail}. Until then, nothing changes. The link works
        once and expires in {props.expiresIn}.
      </Text>
    </EmailLayout>
  );
}

EmailChangeConfirmEmail.PreviewProps = {
  currentEmail: "una@acme.test",
  newEmail: "una.user@acme.test",
  requestedBy: null,
  url: "http://localhost:3000/account/email/confirm/abc",
  expiresIn: "24 hours",
} satisfies EmailChangeConfirmEmailProps;
