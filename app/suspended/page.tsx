import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requireUserPage } from "@/lib/auth/session";
import { suspendedIn } from "@/lib/orgs/suspended";
import { SignOutButton } from "@/components/shell/sign-out-button";

export const metadata: Metadata = { title: "Access suspended" };

/** SPEC R9: a suspended member cannot use the organization until re-activated. */
export default async function SuspendedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUserPage();
  const slug = z.string().max(64).regex(/^[a-z0-9-]+$/).safeParse((await searchParams).org);
  // #14.12: say which organization, and whom to ask — only where this person really is suspended.
  const where = slug.success ? await suspendedIn(user.id, slug.data) : null;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md rounded-xl bg-white p-8 shadow-sm ring-1 ring-gray-200">
        <h1 className="text-xl font-semibold text-gray-900">
          {where ? `Your access to ${where.orgName} is suspended` : "Your access is suspended"}
        </h1>
        <p className="mt-2 text-sm text-gray-600">
          An Admin or Manager of {where?.orgName ?? "this organization"} has paused your access. Your seat and your work are kept;{" "}
          {where?.whoCanHelp ? `ask ${where.whoCanHelp} (Admin) to re-activate you.` : "ask them to re-activate you."}
        </p>
        <div className="mt-6 flex items-center justify-between text-sm">
          <Link href="/onboarding" className="font-medium text-indigo-600 hover:text-indigo-500">
            Your other organizations
          </Link>
          <div className="text-gray-500">
            {user.email} · <SignOutButton className="font-medium text-indigo-600" />
          </div>
        </div>
      </div>
    </main>
  );
}
