import { Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type EmailChangeNoticeEmailProps = {
  currentEmail: string;
  newEmail: string;
  requestedBy: string | null;
  /** Where the person sees the pending change and cancels it. */
  url: string;
};

/** To the old address, so a change the person did not ask for never goes unnoticed (R2). */
export default function EmailChangeNoticeEmail(props: EmailChangeNoticeEmailProps) {
  return (
    <EmailLayout
      preview={`A change of your Seatwise sign-in email to ${props.newEmail} was requested`}
      heading="Your sign-in email may change"
      action={{ label: "Review or cancel", href: props.url }}
    >
      <Text style={paragraph}>
        {props.requestedBy ? `${props.requestedBy} asked` : "You asked"} to change the sign-in email of your Seatwise account
        from <strong>{props.currentEmail}</strong> to <strong>{props.newEmail}</strong>.
      </Text>
      <Text style={paragraph}>
        Nothing changes unless the link sent to {props.newEmail} is opened while signed in as you. If you did not expect
        this, cancel it.
      </Text>
    </EmailLayout>
  );
}

EmailChangeNoticeEmail.PreviewProps = {
  currentEmail: "una@acme.test",
  newEmail: "una.user@acme.test",
  requestedBy: "Ada Admin",
  url: "http://localhost:3000/account/email",
} satisfies EmailChangeNoticeEmailProps;
