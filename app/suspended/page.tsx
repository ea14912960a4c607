import type { Metadata } from "next";
import Link from "next/link";
import { requireUserPage } from "@/lib/auth/session";
import { SignOutButton } from "@/components/shell/sign-out-button";

export const metadata: Metadata = { title: "Access suspended" };

/** SPEC R9: a suspended member cannot use the organization until re-activated. */
export default async function SuspendedPage() {
  const user = await requireUserPage();
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md rounded-xl bg-white p-8 shadow-sm ring-1 ring-gray-200">
        <h1 className="text-xl font-semibold text-gray-900">Your access is suspended</h1>
        <p className="mt-2 text-sm text-gray-600">
          An Admin or Manager of this organization has paused your access. Your seat and your work are kept; ask them
          to re-activate you.
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
