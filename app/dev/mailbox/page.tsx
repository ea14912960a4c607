import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { devMailboxEnabled, emailsStayLocal, listMailbox } from "@/lib/email/mailbox";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Local mailbox" };
export const dynamic = "force-dynamic";

function linkify(text: string) {
  const parts = text.split(/(https?:\/\/[^\s\]]+)/g);
  return parts.map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a key={i} href={part} className="break-all font-medium text-indigo-600 underline hover:text-indigo-500">
        {part}
      </a>
    ) : (
      <span key={i}>{part}</span>
    ),
  );
}

/** Every email the app wrote, newest first, with its links clickable (development only). */
export default async function MailboxPage() {
  if (!devMailboxEnabled()) notFound();
  const emails = await listMailbox();
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <PageHeader
        title="Local mailbox"
        description={
          emailsStayLocal()
            ? "No RESEND_API_KEY is set, so every email Seatwise sends lands here (and in the server log)."
            : "RESEND_API_KEY is set: these emails were handed to Resend. This page lists them for development."
        }
      />
      <Card>
        {emails.length === 0 ? (
          <EmptyState title="No emails yet">Ask for a sign-in link and it will appear here.</EmptyState>
        ) : (
          <ul className="divide-y divide-gray-200" aria-label="Emails">
            {emails.map((email) => (
              <li key={email.id} className="p-5">
                <article aria-label={`Email to ${email.to}: ${email.subject}`}>
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <h2 className="text-sm font-semibold text-gray-900">{email.subject}</h2>
                    <Badge tone={email.status === "sent" ? "green" : email.status === "failed" ? "red" : "amber"}>
                      {email.status === "sent" ? "delivered" : email.status === "failed" ? "failed" : "queued"}
                    </Badge>
                  </div>
                  <p className="mt-1 text-xs text-gray-500">
                    To <span className="font-medium text-gray-700">{email.to}</span> · {formatDateTime(email.createdAt)}
                  </p>
                  <div className="mt-3 whitespace-pre-wrap text-sm text-gray-700">{linkify(email.text)}</div>
                </article>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </main>
  );
}
