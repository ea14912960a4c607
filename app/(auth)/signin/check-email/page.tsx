import type { Metadata } from "next";
import Link from "next/link";
import { devMailboxEnabled, emailsStayLocal } from "@/lib/email/mailbox";

export const metadata: Metadata = { title: "Check your email" };

/** The same page for every address, known or not: it must not reveal who has an account. */
export default function CheckEmailPage() {
  return (
    <>
      <h1 className="text-xl font-semibold text-gray-900">Check your email</h1>
      <p className="mt-2 text-sm text-gray-600">
        If the address can sign in, a sign-in link is on its way. It works once and expires in 24 hours.
      </p>
      {devMailboxEnabled() && emailsStayLocal() ? (
        <p className="mt-4 rounded-md bg-indigo-50 px-3 py-2 text-sm text-indigo-800 ring-1 ring-inset ring-indigo-200">
          No email service is configured, so emails go to the{" "}
          <Link href="/dev/mailbox" className="font-semibold underline">
            local mailbox
          </Link>
          .
        </p>
      ) : null}
      <p className="mt-6 text-sm">
        <Link href="/signin" className="font-medium text-indigo-600 hover:text-indigo-500">
          Use a different email
        </Link>
      </p>
    </>
  );
}
