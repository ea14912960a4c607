import type { Metadata } from "next";
import Link from "next/link";
import { requireUserPage } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { listInvitationsForEmail, listUserOrganizations } from "@/lib/orgs/queries";
import { roleLabels } from "@/lib/permissions";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { listJoinOffers } from "@/lib/domains/join";
import { CreateOrgForm } from "./create-org-form";
import { JoinOffers } from "./join-offers";

export const metadata: Metadata = { title: "Create your organization" };
export const dynamic = "force-dynamic";

/** SPEC I5: a signed-in person without an organization is offered to create one. */
export default async function OnboardingPage() {
  const user = await requireUserPage();
  const [orgs, invitations, offers] = await Promise.all([listUserOrganizations(user.id), listInvitationsForEmail(user.email), listJoinOffers(user)]);
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-md space-y-6">
        {/* D2: a person whose address is at a verified domain is offered that organization first. */}
        {offers.length > 0 ? <JoinOffers offers={offers} email={user.email} /> : null}
        <div className="rounded-xl bg-white p-8 shadow-sm ring-1 ring-gray-200">
          {offers.length > 0 ? (
            <h2 className="text-xl font-semibold text-gray-900">Or create your own organization</h2>
          ) : (
            <h1 className="text-xl font-semibold text-gray-900">Create your organization</h1>
          )}
          <p className="mt-1 mb-6 text-sm text-gray-600">
            You&apos;ll be its Admin, on the Free tier (up to 4 seats). You can invite teammates next.
          </p>
          <CreateOrgForm askName={!user.name} />
        </div>
        {invitations.length > 0 ? (
          <div className="rounded-xl bg-white p-6 text-sm shadow-sm ring-1 ring-gray-200">
            <h2 className="font-semibold text-gray-900">Waiting for you</h2>
            <p className="mt-1 text-gray-600">Open the invitation email to join:</p>
            <ul className="mt-3 space-y-1">
              {invitations.map((inv, i) => (
                <li key={i}>
                  {inv.orgName} as {roleLabels[inv.role]} (until {formatDate(inv.expiresAt)})
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {orgs.length > 0 ? (
          <div className="rounded-xl bg-white p-6 text-sm shadow-sm ring-1 ring-gray-200">
            <h2 className="font-semibold text-gray-900">Your organizations</h2>
            <ul className="mt-2 space-y-1">
              {orgs.map((o) => (
                <li key={o.slug}>
                  <Link className="font-medium text-indigo-600 hover:text-indigo-500" href={`/o/${o.slug}/users`}>
                    {o.name}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {/* A div, not a p: the Sign out button is a form, which a paragraph cannot hold. */}
        <div className="text-center text-sm text-gray-600">
          Signed in as {user.email}. <SignOutButton className="font-medium text-indigo-600 hover:text-indigo-500" />
        </div>
      </div>
    </main>
  );
}
