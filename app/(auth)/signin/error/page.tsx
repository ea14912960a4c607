import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { parseSearchParams, textParam } from "@/lib/search-params";

export const metadata: Metadata = { title: "Sign-in problem" };

const messages: Record<string, string> = {
  Verification: "This sign-in link has expired or has already been used. Ask for a new one.",
  AccessDenied: "You can't sign in with this account.",
  Configuration: "Sign-in is not available right now. Please try again in a moment.",
};

const paramsSchema = z.object({ error: textParam(40) });

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { error } = parseSearchParams(paramsSchema, await searchParams);
  return (
    <>
      <h1 className="text-xl font-semibold text-gray-900">We couldn&apos;t sign you in</h1>
      <p className="mt-2 text-sm text-gray-600" role="alert">
        {Object.hasOwn(messages, error) ? messages[error] : "Something went wrong while signing you in. Ask for a new link."}
      </p>
      <Link href="/signin" className="mt-6 inline-block text-sm font-medium text-indigo-600 hover:text-indigo-500">
        Back to sign in
      </Link>
    </>
  );
}
