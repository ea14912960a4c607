// GET|POST /api/auth/* – Auth.js: magic-link requests, callbacks, session, sign-out
import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { emailSchema } from "@/lib/invitations/schemas";
import { publicBaseUrl } from "@/lib/url";

export const { GET } = handlers;

/** The email of an Auth.js sign-in POST (form-encoded or JSON), or null when there is none. */
async function postedEmail(request: NextRequest): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/json")) return ((await request.clone().json()) as { email?: unknown })?.email ?? null;
    if (type.includes("form")) return (await request.clone().formData()).get("email");
  } catch {
    return null;
  }
  return null;
}

/**
 * A sign-in link asked for straight from Auth.js (`POST /api/auth/signin/resend`) meets the same
 * address rule as the sign-in form before Auth.js sees it; the limits are applied by Auth.js's
 * signIn callback on both paths (lib/auth/config.ts).
 */
export async function POST(request: NextRequest) {
  if (/\/signin\/[^/]+\/?$/.test(request.nextUrl.pathname)) {
    const email = await postedEmail(request);
    if (typeof email !== "string" || !emailSchema.safeParse(email).success) {
      return Response.redirect(`${publicBaseUrl()}/signin?error=InvalidEmail`, 303);
    }
  }
  return handlers.POST(request);
}
