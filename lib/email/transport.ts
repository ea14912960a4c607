import "server-only";
import { Resend } from "resend";

export type OutgoingEmail = { to: string; subject: string; html: string; text: string };
export type Transport = {
  name: "resend" | "local";
  send: (email: OutgoingEmail) => Promise<{ providerMessageId?: string }>;
};

/**
 * With RESEND_API_KEY, mail goes through Resend. Without it, "sending" is keeping the row as a
 * delivered message of the local mailbox (/dev/mailbox) and printing it to the server log.
 */
export function transportFromEnv(env: Record<string, string | undefined> = process.env): Transport {
  if (env.RESEND_API_KEY) {
    const resend = new Resend(env.RESEND_API_KEY);
    const from = env.EMAIL_FROM ?? "Seatwise <onboarding@resend.dev>";
    return {
      name: "resend",
      async send(email) {
        const { data, error } = await resend.emails.send({ from, ...email });
        if (error) throw new Error(`Resend refused the email: ${error.message}`);
        return { providerMessageId: data?.id };
      },
    };
  }
  return {
    name: "local",
    async send(email) {
      if (!env.VITEST) {
        // Links carry sign-in and invitation tokens: printed in development only, never in a
        // production log (where the local mailbox is a demo's, and logs are kept and shipped).
        const links =
          env.NODE_ENV === "production" ? [] : [...new Set([...email.text.matchAll(/https?:\/\/[^\s\]]+/g)].map((m) => m[0]))];
        console.info(`[mailbox] to=${email.to} subject="${email.subject}"${links.length ? ` links: ${links.join(" ")}` : ""}`);
      }
      return {};
    },
  };
}
