import { Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type RemovedFromPlanEmailProps = {
  orgName: string;
  planName: string;
  removedBy: string;
  subscriberName: string;
  url: string;
};

/** SPEC P6: a plan user is told they were removed from a plan. */
export default function RemovedFromPlanEmail(props: RemovedFromPlanEmailProps) {
  return (
    <EmailLayout
      preview={`You were removed from ${props.planName} at ${props.orgName}`}
      heading={`You were removed from ${props.planName}`}
      action={{ label: "Open My Subscriptions", href: props.url }}
    >
      <Text style={paragraph}>
        {props.removedBy} removed you from {props.planName} at {props.orgName}. Your workflows in the plan were deleted and
        your open tasks there moved to {props.subscriberName}, its subscriber. Your other plans and work are unchanged.
      </Text>
    </EmailLayout>
  );
}

RemovedFromPlanEmail.PreviewProps = {
  orgName: "Acme Castings",
  planName: "PDoc Share",
  removedBy: "Ada Admin",
  subscriberName: "Ada Admin",
  url: "http://localhost:3000/o/acme-castings/subscriptions",
} satisfies RemovedFromPlanEmailProps;
