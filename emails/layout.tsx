import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import type { ReactNode } from "react";

/** The frame every Seatwise email shares: a heading, the message, one button, a footer. */
export function EmailLayout(props: {
  preview: string;
  heading: string;
  children: ReactNode;
  action?: { label: string; href: string };
  footer?: string;
}) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={{ backgroundColor: "#f4f5f7", fontFamily: "Helvetica, Arial, sans-serif", margin: 0 }}>
        <Container style={{ backgroundColor: "#ffffff", borderRadius: 8, margin: "32px auto", maxWidth: 520, padding: 32 }}>
          <Text style={{ color: "#4f46e5", fontSize: 14, fontWeight: 700, letterSpacing: 0.5, margin: 0 }}>
            SEATWISE
          </Text>
          <Heading as="h1" style={{ color: "#111827", fontSize: 22, margin: "16px 0" }}>
            {props.heading}
          </Heading>
          {props.children}
          {props.action ? (
            <Section style={{ margin: "24px 0" }}>
              <Button
                href={props.action.href}
                style={{ backgroundColor: "#4f46e5", borderRadius: 6, color: "#ffffff", fontSize: 15, fontWeight: 600, padding: "12px 20px" }}
              >
                {props.action.label}
              </Button>
              <Text style={{ color: "#6b7280", fontSize: 12 }}>
                Or paste this link into your browser: {props.action.href}
              </Text>
            </Section>
          ) : null}
          <Hr style={{ borderColor: "#e5e7eb", margin: "24px 0" }} />
          <Text style={{ color: "#6b7280", fontSize: 12, margin: 0 }}>
            {props.footer ?? "You received this email because of an action in Seatwise."}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export const paragraph = { color: "#374151", fontSize: 15, lineHeight: "24px" } as const;
