"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/action";
import { signIn } from "@/lib/auth/config";
import { signInFailureMessage } from "@/lib/auth/sign-in-errors";
import { AppError } from "@/lib/errors";
import { emailSchema } from "@/lib/invitations/schemas";
import { SSO_STATE_COOKIE, SSO_STATE_TTL_MS, startSsoSignIn } from "@/lib/sso/sign-in";
import { publicBaseUrl } from "@/lib/url";

const signInSchema = z.object({
  email: z.string({ error: "Enter your email address." }).pipe(emailSchema),
  /** "link": the email link even on a domain with single sign-on (break-glass Admins, D4). */
  method: z.enum(["auto", "link"]).optional().catch(undefined),
  redirectTo: z
    .string()
    .max(512)
    .regex(/^\/(?!\/)[^\s\\]*$/, "Invalid return address.")
    .optional()
    .catch(undefined),
});

// POST (server action) – ask for a magic link. The answer is the same for known and unknown emails.
export const requestSignInLink = publicAction(signInSchema, async ({ email, redirectTo, method }) => {
  // D3: an address on a domain that signs in through single sign-on goes to its identity provider.
  if (method !== "link") {
    const sso = await startSsoSignIn(email);
    if (sso) {
      const secure = publicBaseUrl().startsWith("https://");
      (await cookies()).set(SSO_STATE_COOKIE, sso.state, { httpOnly: true, sameSite: "lax", secure, path: "/sso", maxAge: SSO_STATE_TTL_MS / 1000 });
      redirect(sso.url);
    }
  }
  // Auth.js runs the app's gate (limits, ceiling) in its signIn callback, writes the token and
  // its email in one transaction, and answers with where to go next.
  const next = await signIn("resend", { email, redirectTo: redirectTo ?? "/", redirect: false });
  const url = new URL(next ?? "/signin/check-email", publicBaseUrl());
  const error = url.searchParams.get("error");
  if (error) {
    const code = error === "RateLimited" ? "RATE_LIMITED" : error === "SsoRequired" ? "FORBIDDEN" : "VALIDATION";
    throw new AppError(code, signInFailureMessage(error, url.searchParams.get("retry")));
  }
  redirect("/signin/check-email");
});
