import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/ui/action-button";
import { CenteredCard } from "@/components/ui/centered-card";
import { findPendingEmailChange } from "@/lib/account/email-change";
import { requireUserPage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { cancelOwnEmailChangeAction } from "./actions";

export const metadata: Metadata = { title: "Sign-in email" };
export const dynamic = "force-dynamic";

/** Where the notice to the old address leads: the pending change, and a way to cancel it (R2). */
export default async function AccountEmailPage() {
  const user = await requireUserPage();
  const pending = await findPendingEmailChange(user.id);
  return (
    <CenteredCard title="Your sign-in email">
      <p>
        You sign in as <strong className="text-gray-900">{user.email}</strong>.
      </p>
      {pending ? (
        <div role="status" className="space-y-3 rounded-md bg-amber-50 p-4 text-amber-900 ring-1 ring-inset ring-amber-200">
          <p>
            A change to <strong>{pending.newEmail}</strong> is pending confirmation
            {pending.requestedById && pending.requestedById !== user.id
              ? `, asked for by ${pending.requestedByName ?? pending.requestedByEmail}`
              : ""}
            . Nothing changes unless you open the link sent to that address while signed in. The link expires{" "}
            {formatDateTime(pending.expiresAt)}.
          </p>
          <ActionButton action={cancelOwnEmailChangeAction} fields={{}} size="sm">
            Cancel email change
          </ActionButton>
        </div>
      ) : (
        <p>No change of your sign-in email is pending.</p>
      )}
      <Link href="/" className="inline-block font-medium text-indigo-600 hover:text-indigo-500">
        Open Seatwise
      </Link>
    </CenteredCard>
  );
}
