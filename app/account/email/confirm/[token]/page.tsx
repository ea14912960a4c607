import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { CenteredCard } from "@/components/ui/centered-card";
import { findEmailChangeByToken } from "@/lib/account/email-change";
import { getSessionUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { secretTokenPattern } from "@/lib/tokens";
import { ConfirmEmailForm } from "./confirm-form";

export const metadata: Metadata = { title: "Confirm your new email" };
export const dynamic = "force-dynamic";

/**
 * R2: the link sent to the new address. Opening it changes nothing (GET); the change needs the
 * account's owner, signed in, to press Confirm — the link alone proves only the new address.
 */
export default async function ConfirmEmailChangePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [request, user] = await Promise.all([
    secretTokenPattern.test(token) ? findEmailChangeByToken(token) : null,
    getSessionUser(),
  ]);
  if (!request) {
    return (
      <CenteredCard title="This link is not valid">
        <p>It may be mistyped. Ask for the email change again from your profile.</p>
      </CenteredCard>
    );
  }
  if (request.status === "confirmed") {
    return (
      <CenteredCard title="Already confirmed">
        <p>This change of sign-in email was already confirmed.</p>
        <Link href="/" className="inline-block font-medium text-indigo-600 hover:text-indigo-500">Open Seatwise</Link>
      </CenteredCard>
    );
  }
  if (request.status !== "pending") {
    return (
      <CenteredCard title="This link no longer works">
        <p>The email change was cancelled, or a newer one was asked for. Nothing was changed.</p>
      </CenteredCard>
    );
  }
  if (request.expiresAt <= new Date()) {
    return (
      <CenteredCard title="This link has expired">
        <p>It expired on {formatDateTime(request.expiresAt)}. Nothing was changed; ask for the change again.</p>
      </CenteredCard>
    );
  }
  const here = `/account/email/confirm/${token}`;
  if (!user) {
    return (
      <CenteredCard title="Confirm your new sign-in email">
        <p>
          To change the sign-in email of <strong className="text-gray-900">{request.currentEmail}</strong> to{" "}
          <strong className="text-gray-900">{request.newEmail}</strong>, sign in first as {request.currentEmail}, then open
          this link again.
        </p>
        <Link
          href={`/signin?${new URLSearchParams({ redirectTo: here, email: request.currentEmail })}`}
          className="inline-block font-medium text-indigo-600 hover:text-indigo-500"
        >
          Sign in as {request.currentEmail}
        </Link>
      </CenteredCard>
    );
  }
  if (user.id !== request.userId) {
    return (
      <CenteredCard title="Signed in as someone else">
        <div role="alert" className="rounded-md bg-amber-50 p-3 text-amber-900 ring-1 ring-inset ring-amber-200">
          This change is for the account {request.currentEmail}, but you are signed in as {user.email}. Only the
          account&apos;s owner can confirm it. <SignOutButton className="font-semibold underline" /> and sign in as{" "}
          {request.currentEmail}.
        </div>
      </CenteredCard>
    );
  }
  return (
    <CenteredCard title="Confirm your new sign-in email">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-md bg-gray-50 p-4">
        <dt className="font-medium text-gray-900">Now</dt>
        <dd className="break-all">{request.currentEmail}</dd>
        <dt className="font-medium text-gray-900">From now on</dt>
        <dd className="break-all">{request.newEmail}</dd>
      </dl>
      <p>
        Only confirm if {request.newEmail} is your own address: whoever reads its mail can sign in to your account. Your
        other browsers will be signed out.
      </p>
      <ConfirmEmailForm token={token} newEmail={request.newEmail} />
    </CenteredCard>
  );
}
