import { NextResponse, type NextRequest } from "next/server";
import {
  allowedOrigins,
  contentSecurityPolicy,
  serverActionOriginAllowed,
  staticSecurityHeaders,
} from "@/lib/security/headers";

/**
 * Runs before every page and route (Next 16's Proxy): security headers with a fresh CSP nonce, and
 * a plain 403 for a server action posted from another site (Next would refuse it too, but with a
 * 500). Nothing here decides who may do what: every page, action and route checks that itself.
 */
export function proxy(request: NextRequest) {
  const https = (process.env.AUTH_URL ?? "").startsWith("https://") || request.nextUrl.protocol === "https:";
  const headers = staticSecurityHeaders({ https });

  if (request.method === "POST" && request.headers.has("next-action")) {
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
    if (!serverActionOriginAllowed(request.headers.get("origin"), host, allowedOrigins())) {
      return new NextResponse("Forbidden: this form was posted from another site.", {
        status: 403,
        headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
      });
    }
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
  // Next reads the nonce for its own scripts from the request's policy header.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
