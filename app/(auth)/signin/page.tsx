import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { SignInForm } from "./signin-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const redirectTo = params.callbackUrl ?? params.redirectTo;
  const safeRedirect = redirectTo && /^\/(?!\/)/.test(redirectTo) ? redirectTo : undefined;
  if (await getSessionUser()) redirect(safeRedirect ?? "/");
  return (
    <>
      <h1 className="text-xl font-semibold text-gray-900">Sign in to Seatwise</h1>
      <p className="mt-1 mb-6 text-sm text-gray-600">We&apos;ll email you a link that signs you in. No password needed.</p>
      <SignInForm redirectTo={safeRedirect} email={params.email} />
    </>
  );
}
