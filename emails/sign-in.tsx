import { Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type SignInEmailProps = { url: string; host: string };

export default function SignInEmail({ url, host }: SignInEmailProps) {
  return (
    <EmailLayout
      preview="Your sign-in link for Seatwise"
      heading="Sign in to Seatwise"
      action={{ label: "Sign in", href: url }}
      footer="If you did not ask to sign in, you can ignore this email: nothing happens without the link."
    >
      <Text style={paragraph}>
        Click the button below to sign in to Seatwise at {host}. The link works once and expires in
        24 hours.
      </Text>
    </EmailLayout>
  );
}

SignInEmail.PreviewProps = {
  url: "http://localhost:3000/api/auth/callback/resend?token=example",
  host: "localhost:3000",
} satisfies SignInEmailProps;
