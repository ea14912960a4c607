import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { CenteredCard } from "@/components/ui/centered-card";
import { getSessionUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { db } from "@/db/client";
import { findInvitationByToken } from "@/lib/invitations/queries";
import { findReplacedInvitation } from "@/lib/invitations/replace-token";
import { roleLabels } from "@/lib/permissions";
import { isTokenShaped } from "@/lib/token-shape";
import { AcceptForm } from "./accept-form";

export const metadata: Metadata = { title: "Invitation" };
export const dynamic = "force-dynamic";

/** SPEC I4: opening the link shows the organization, the inviter and the role. GET changes nothing. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const validShape = isTokenShaped(token);
  const [invitation, user] = await Promise.all([
    validShape ? findInvitationByToken(token) : null,
    getSessionUser(),
  ]);
  const replaced = !invitation && validShape ? await findReplacedInvitation(db, token) : null;
  if (replaced) {
    // I2 (issue 14.2): Resend replaced this link. Say so, rather than a dead end.
    return (
      <CenteredCard title="A newer invitation was sent to this address">
        <p>
          This link to join {replaced.orgName} was replaced: a newer invitation was sent to {replaced.email}
          {replaced.status === "pending" ? ` on ${formatDateTime(replaced.sentAt)}` : ""}. Open the link in the newest email; this one no
          longer works.
        </p>
      </CenteredCard>
    );
  }
  if (!invitation) {
    return (
      <CenteredCard title="This invitation link is not valid">
        <p>It may have been replaced by a newer invitation, or mistyped. Ask the person who invited you to send it again.</p>
      </CenteredCard>
    );
  }
  if (invitation.state === "accepted") {
    return (
      <CenteredCard title="Invitation already accepted">
        <p>This invitation to {invitation.orgName} was already accepted.</p>
        <Link href="/" className="font-medium text-indigo-600 hover:text-indigo-500">Open Seatwise</Link>
      </CenteredCard>
    );
  }
  if (invitation.state === "revoked") {
    return (
      <CenteredCard title="Invitation revoked">
        <p>{invitation.orgName} revoked this invitation. Ask {invitation.inviterName ?? invitation.inviterEmail} if you think this is a mistake.</p>
      </CenteredCard>
    );
  }
  if (invitation.state === "declined") {
    return (
      <CenteredCard title="Invitation declined">
        <p>
          This invitation to {invitation.orgName} was declined
          {invitation.declinedAt ? ` on ${formatDateTime(invitation.declinedAt)}` : ""}. If that was a mistake, ask{" "}
          {invitation.inviterName ?? invitation.inviterEmail} to invite you again.
        </p>
      </CenteredCard>
    );
  }
  if (invitation.state === "expired") {
    return (
      <CenteredCard title="Invitation expired">
        <p>
          This invitation to {invitation.orgName} expired on {formatDateTime(invitation.expiresAt)}. Ask{" "}
          {invitation.inviterName ?? invitation.inviterEmail} to send it again.
        </p>
      </CenteredCard>
    );
  }
  const wrongAccount = user && user.email.toLowerCase() !== invitation.email;
  if (invitation.kind === "supplier") {
    // I6: the supplier company gets an organization of its own, with the invitee as its Admin.
    return (
      <CenteredCard title={`Set up ${invitation.companyName ?? "your company"} on Seatwise`}>
        <p>
          {invitation.inviterName ?? invitation.inviterEmail} of {invitation.orgName} invited your company as a supplier. Accepting creates{" "}
          {invitation.companyName ?? "your company"}&apos;s organization with you as its Admin, subscribed to Service.
        </p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-md bg-gray-50 p-4">
          <dt className="font-medium text-gray-900">Company</dt>
          <dd>{invitation.companyName}</dd>
          <dt className="font-medium text-gray-900">Customer</dt>
          <dd>{invitation.orgName}</dd>
          <dt className="font-medium text-gray-900">Your role</dt>
          <dd>Admin</dd>
          <dt className="font-medium text-gray-900">For</dt>
          <dd>{invitation.email}</dd>
        </dl>
        {wrongAccount ? (
          <div role="alert" className="rounded-md bg-amber-50 p-3 text-amber-900 ring-1 ring-inset ring-amber-200">
            You are signed in as {user.email}, but this invitation is for {invitation.email}.{" "}
            <SignOutButton className="font-semibold underline" /> and open the link again.
          </div>
        ) : (
          <AcceptForm token={token} orgName={invitation.orgName} inviter={invitation.inviterName ?? invitation.inviterEmail} />
        )}
      </CenteredCard>
    );
  }
  return (
    <CenteredCard title={`Join ${invitation.orgName}`}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-md bg-gray-50 p-4">
        <dt className="font-medium text-gray-900">Organization</dt>
        <dd>{invitation.orgName}</dd>
        <dt className="font-medium text-gray-900">Invited by</dt>
        <dd>{invitation.inviterName ?? invitation.inviterEmail}</dd>
        <dt className="font-medium text-gray-900">Role</dt>
        <dd>{roleLabels[invitation.role]}</dd>
        <dt className="font-medium text-gray-900">For</dt>
        <dd>{invitation.email}</dd>
        {invitation.planNames.length ? (
          <>
            <dt className="font-medium text-gray-900">Plans</dt>
            <dd>{invitation.planNames.join(", ")}</dd>
          </>
        ) : null}
      </dl>
      {wrongAccount ? (
        <div role="alert" className="rounded-md bg-amber-50 p-3 text-amber-900 ring-1 ring-inset ring-amber-200">
          You are signed in as {user.email}, but this invitation is for {invitation.email}.{" "}
          <SignOutButton className="font-semibold underline" /> and open the link again.
        </div>
      ) : (
        <AcceptForm token={token} orgName={invitation.orgName} inviter={invitation.inviterName ?? invitation.inviterEmail} />
      )}
    </CenteredCard>
  );
}
