import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { signInFailureMessage } from "@/lib/auth/sign-in-errors";
import { parseSearchParams, textParam } from "@/lib/search-params";
import { z } from "zod";
import { SignInForm } from "./signin-form";

export const metadata: Metadata = { title: "Sign in" };

const paramsSchema = z.object({
  callbackUrl: textParam(512),
  redirectTo: textParam(512),
  email: textParam(254),
  error: textParam(40),
  retry: textParam(10),
});

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = parseSearchParams(paramsSchema, await searchParams);
  const redirectTo = params.callbackUrl || params.redirectTo;
  // Only a path of this app: never "//evil.example" or "/\evil.example", which browsers treat as another site.
  const safeRedirect = redirectTo && /^\/(?![\/\\])[^\s\\]*$/.test(redirectTo) ? redirectTo : undefined;
  if (await getSessionUser()) redirect(safeRedirect ?? "/");
  return (
    <>
      <h1 className="text-xl font-semibold text-gray-900">Sign in to Seatwise</h1>
      <p className="mt-1 mb-6 text-sm text-gray-600">We&apos;ll email you a link that signs you in. No password needed.</p>
      {params.error ? (
        <p role="alert" className="mb-5 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-200">
          {signInFailureMessage(params.error, params.retry)}
        </p>
      ) : null}
      <SignInForm redirectTo={safeRedirect} email={params.email || undefined} />
    </>
  );
}
