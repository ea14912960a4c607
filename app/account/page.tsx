import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { OrganizationList } from "@/components/account/organization-list";
import { ProfileForm } from "@/components/account/profile-form";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { ActionButton } from "@/components/ui/action-button";
import { Card } from "@/components/ui/card";
import { findPendingEmailChange } from "@/lib/account/email-change";
import { loadAccount } from "@/lib/account/queries";
import { requireUserPage } from "@/lib/auth/session";
import { formatDate, formatDateTime } from "@/lib/format";
import { roleLabels } from "@/lib/permissions";
import { parseSearchParams } from "@/lib/search-params";
import { cancelOwnEmailChangeAction } from "./email/actions";

export const metadata: Metadata = { title: "Your profile" };
export const dynamic = "force-dynamic";

const searchSchema = z.object({
  org: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().regex(/^[a-z0-9-]{1,64}$/)).optional().catch(undefined),
});

/**
 * Your profile (R2: everyone edits their own name, phone and email), reached from the user menu;
 * and your organizations, each with Leave organization (R7, R5, R6). `?org=` names the
 * organization to go back to, if the person belongs to it.
 */
export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUserPage();
  const { org } = parseSearchParams(searchSchema, await searchParams);
  const [account, pending] = await Promise.all([loadAccount(user.id), findPendingEmailChange(user.id)]);
  const me = account.user!;
  const back = account.organizations.find((o) => o.slug === org && o.status === "active") ?? account.organizations.find((o) => o.status === "active");
  return (
    <div className="min-h-screen">
      <header className="border-b border-gray-200 bg-white">
        <div className="mx-auto flex h-14 max-w-3xl items-center justify-between gap-3 px-4">
          <Link href="/" className="flex items-center gap-2" aria-label="Seatwise home">
            <span aria-hidden className="grid h-8 w-8 place-items-center rounded-lg bg-indigo-600 text-sm font-bold text-white">
              S
            </span>
          </Link>
          {back ? (
            <Link href={`/o/${back.slug}/users`} className="truncate text-sm font-medium text-indigo-600 hover:text-indigo-500">
              Back to {back.name}
            </Link>
          ) : null}
        </div>
      </header>
      <main className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:py-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-gray-900">Your profile</h1>
          <p className="mt-1 text-sm text-gray-600">
            Signed in as <span className="font-medium text-gray-900">{me.email}</span>. Your name and phone show in every organization you belong to.
          </p>
        </div>
        {pending ? (
          <div role="status" className="flex flex-wrap items-center justify-between gap-3 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
            <p>
              A change of your sign-in email to <strong>{pending.newEmail}</strong> is pending: open the link we sent there, signed in, before{" "}
              {formatDateTime(pending.expiresAt)}.
            </p>
            <ActionButton action={cancelOwnEmailChangeAction} fields={{}} size="sm">
              Cancel email change
            </ActionButton>
          </div>
        ) : null}
        <Card className="p-6">
          <h2 className="mb-4 text-base font-semibold text-gray-900">Details</h2>
          <ProfileForm
            profile={{ firstName: me.firstName ?? me.name ?? "", lastName: me.lastName ?? "", email: me.email, phone: me.phone ?? "" }}
          />
        </Card>
        <Card className="p-6" aria-labelledby="organizations-heading">
          <h2 id="organizations-heading" className="text-base font-semibold text-gray-900">
            Organizations
          </h2>
          <p className="mb-4 mt-1 text-sm text-gray-600">Where you are a member. Leaving frees your seat; your account stays.</p>
          <OrganizationList
            items={account.organizations.map((o) => ({
              slug: o.slug,
              name: o.name,
              role: roleLabels[o.role],
              suspended: o.status === "suspended",
              joined: formatDate(o.joinedAt),
              leaveBlocked: o.leaveBlocked,
            }))}
          />
        </Card>
        <div className="text-center text-sm text-gray-600">
          <SignOutButton className="font-medium text-indigo-600 hover:text-indigo-500" />
        </div>
      </main>
    </div>
  );
}
