import { Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type WebhookDisabledEmailProps = {
  orgName: string;
  /** The endpoint's host only: a URL's path and query can hold a receiver's own secret. */
  endpointHost: string;
  reason: string;
  url: string;
};

export default function WebhookDisabledEmail(props: WebhookDisabledEmailProps) {
  return (
    <EmailLayout
      preview={`A webhook endpoint of ${props.orgName} was disabled`}
      heading="A webhook endpoint was disabled"
      action={{ label: "Open Webhooks settings", href: props.url }}
    >
      <Text style={paragraph}>
        Seatwise stopped sending events of {props.orgName} to the endpoint at {props.endpointHost}: {props.reason}
      </Text>
      <Text style={paragraph}>
        Fix the receiver, then re-enable the endpoint on the Webhooks settings page. Events that could not be delivered are
        listed there, each with Replay.
      </Text>
    </EmailLayout>
  );
}

WebhookDisabledEmail.PreviewProps = {
  orgName: "Acme Castings",
  endpointHost: "hooks.example.com",
  reason: "every delivery attempt failed for 3 days (last: HTTP 500).",
  url: "http://localhost:3000/o/acme-castings/settings/webhooks",
} satisfies WebhookDisabledEmailProps;
