// GET|POST /api/auth/* – Auth.js: magic-link requests, callbacks, session, sign-out
import { NextRequest } from "next/server";
import { withoutBadCallbackUrl } from "@/lib/auth/callback-url";
import { handlers } from "@/lib/auth/config";
import { emailSchema } from "@/lib/invitations/schemas";
import { publicBaseUrl } from "@/lib/url";

/** Auth.js, after a malformed or foreign callbackUrl (parameter or cookie) is dropped (issue 14.19). */
const safe = (request: NextRequest) => withoutBadCallbackUrl(request, (url, init) => new NextRequest(url, init as ConstructorParameters<typeof NextRequest>[1]));

export async function GET(request: NextRequest) {
  return handlers.GET(await safe(request));
}

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
export async function POST(original: NextRequest) {
  const request = await safe(original);
  if (/\/signin\/[^/]+\/?$/.test(request.nextUrl.pathname)) {
    const email = await postedEmail(request);
    if (typeof email !== "string" || !emailSchema.safeParse(email).success) {
      return Response.redirect(`${publicBaseUrl()}/signin?error=InvalidEmail`, 303);
    }
  }
  return handlers.POST(request);
}
