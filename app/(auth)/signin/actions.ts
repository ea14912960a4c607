"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/action";
import { signIn } from "@/lib/auth/config";
import { enforceEmailRateLimit } from "@/lib/rate-limit";

const signInSchema = z.object({
  email: z
    .string({ error: "Enter your email address." })
    .trim()
    .toLowerCase()
    .max(254, "That email address is too long.")
    .pipe(z.email("Enter a valid email address, like name@company.com.")),
  redirectTo: z
    .string()
    .max(512)
    .regex(/^\/(?!\/)[^\s]*$/, "Invalid return address.")
    .optional()
    .catch(undefined),
});

async function clientIp(): Promise<string | null> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null;
}

// POST (server action) – ask for a magic link. The answer is the same for known and unknown emails.
export const requestSignInLink = publicAction(signInSchema, async ({ email, redirectTo }) => {
  await enforceEmailRateLimit(email, await clientIp());
  // Auth.js stores the hashed token and calls our sendVerificationRequest (the outbox).
  await signIn("resend", { email, redirectTo: redirectTo ?? "/", redirect: false });
  redirect("/signin/check-email");
});
