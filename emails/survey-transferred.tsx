import { Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export type SurveyTransferredEmailProps = {
  orgName: string;
  transferredBy: string;
  /** The previous owner, when all of one member's surveys moved at once. */
  fromName?: string | null;
  /** Up to 10 titles; `total` says how many moved. */
  surveyTitles: string[];
  total: number;
  url: string;
};

export function surveyTransferredSubject(props: SurveyTransferredEmailProps) {
  return props.total === 1
    ? `You now own the survey "${props.surveyTitles[0]}" in ${props.orgName}`
    : `You now own ${props.total} surveys in ${props.orgName}`;
}

/** SPEC S2: the new owner of a transferred survey is notified (and in the inbox, N1). */
export default function SurveyTransferredEmail(props: SurveyTransferredEmailProps) {
  const more = props.total - props.surveyTitles.length;
  return (
    <EmailLayout
      preview={surveyTransferredSubject(props)}
      heading={props.total === 1 ? "A survey is now yours" : `${props.total} surveys are now yours`}
      action={{ label: props.total === 1 ? "Open the survey" : "Open your surveys", href: props.url }}
    >
      <Text style={paragraph}>
        {props.transferredBy} transferred {props.total === 1 ? "a survey" : `${props.total} surveys`}
        {props.fromName ? ` of ${props.fromName}` : ""} in {props.orgName} to you. You are now the owner: you can transfer,
        merge and force check-in {props.total === 1 ? "it" : "them"}.
      </Text>
      <Text style={{ ...paragraph, whiteSpace: "pre-line" }}>
        {props.surveyTitles.map((title) => `• ${title}`).join("\n")}
        {more > 0 ? `\n… and ${more} more` : ""}
      </Text>
    </EmailLayout>
  );
}

SurveyTransferredEmail.PreviewProps = {
  orgName: "Acme Castings",
  transferredBy: "Max Manager",
  surveyTitles: ["Foundry safety walk-through"],
  total: 1,
  url: "http://localhost:3000/o/acme-castings/surveys",
} satisfies SurveyTransferredEmailProps;
