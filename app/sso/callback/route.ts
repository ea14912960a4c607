import { NextResponse, type NextRequest } from "next/server";
import { sessionCookie } from "@/lib/auth/database-session";
import { completeSsoSignIn, SSO_STATE_COOKIE, SsoRefusal } from "@/lib/sso/sign-in";
import { publicBaseUrl } from "@/lib/url";

export const dynamic = "force-dynamic";

// GET /sso/callback – the identity provider's answer (D3): checked, then an Auth.js database session, or a refusal page.
export async function GET(request: NextRequest) {
  const base = publicBaseUrl();
  const cookieState = request.cookies.get(SSO_STATE_COOKIE)?.value ?? null;
  let response: NextResponse;
  try {
    const result = await completeSsoSignIn({ callbackUrl: new URL(request.url), cookieState });
    response = NextResponse.redirect(new URL(result.landingPath, base), 303);
    const cookie = sessionCookie(result.session);
    response.cookies.set(cookie.name, cookie.value, cookie.options);
  } catch (error) {
    if (!(error instanceof SsoRefusal)) {
      console.warn("[sso] sign-in failed:", (error as Error)?.message);
    }
    const reason = error instanceof SsoRefusal ? error.reason : "provider";
    response = NextResponse.redirect(new URL(`/sso/error?reason=${reason}`, base), 303);
  }
  // The state is single-use whatever happened.
  response.cookies.delete({ name: SSO_STATE_COOKIE, path: "/sso" });
  return response;
}
