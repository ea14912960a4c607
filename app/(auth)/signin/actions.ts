"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/action";
import { signIn } from "@/lib/auth/config";
import { signInFailureMessage } from "@/lib/auth/sign-in-errors";
import { AppError } from "@/lib/errors";
import { emailSchema } from "@/lib/invitations/schemas";
import { publicBaseUrl } from "@/lib/url";

const signInSchema = z.object({
  email: z.string({ error: "Enter your email address." }).pipe(emailSchema),
  redirectTo: z
    .string()
    .max(512)
    .regex(/^\/(?!\/)[^\s\\]*$/, "Invalid return address.")
    .optional()
    .catch(undefined),
});

// POST (server action) – ask for a magic link. The answer is the same for known and unknown emails.
export const requestSignInLink = publicAction(signInSchema, async ({ email, redirectTo }) => {
  // Auth.js runs the app's gate (limits, ceiling) in its signIn callback, writes the token and
  // its email in one transaction, and answers with where to go next.
  const next = await signIn("resend", { email, redirectTo: redirectTo ?? "/", redirect: false });
  const url = new URL(next ?? "/signin/check-email", publicBaseUrl());
  const error = url.searchParams.get("error");
  if (error) {
    throw new AppError(error === "RateLimited" ? "RATE_LIMITED" : "VALIDATION", signInFailureMessage(error, url.searchParams.get("retry")));
  }
  redirect("/signin/check-email");
});
