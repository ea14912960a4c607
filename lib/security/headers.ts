/**
 * The security headers of every response (SPEC §10), in one place: proxy.ts sets them with a
 * fresh nonce per request. Pure functions, so the browser tests and unit tests check the same
 * policy the server sends.
 */

/**
 * Scripts run only with this request's nonce ('strict-dynamic' lets Next's own loader add the
 * chunks it needs); no inline event handlers, no eval outside development (React's dev tooling
 * needs it), no plugins, no <base> hijack, forms post only here, and no framing at all.
 * Styles allow inline attributes: Tailwind ships one stylesheet, and libraries position popovers
 * with style attributes; inline style cannot run code.
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The other headers, the same on every response. */
export function staticSecurityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    // Invitation and confirmation pages carry their token in the path: never send it elsewhere.
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    ...(options.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/**
 * Extra hosts allowed to post server actions (behind a proxy that rewrites the host):
 * SEATWISE_ALLOWED_ORIGINS, comma-separated, as Next's serverActions.allowedOrigins takes them.
 */
export function allowedOrigins(env: Record<string, string | undefined> = process.env): string[] {
  return (env.SEATWISE_ALLOWED_ORIGINS ?? "")
    .split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
}

/** Next's matching of an Origin's host against allowedOrigins: `*` one label, `**` one or more. */
export function hostMatches(host: string, pattern: string): boolean {
  const hostLabels = host.toLowerCase().split(".");
  const patternLabels = pattern.toLowerCase().split(".");
  const match = (h: number, p: number): boolean => {
    if (p === patternLabels.length) return h === hostLabels.length;
    if (patternLabels[p] === "**") {
      for (let next = h + 1; next <= hostLabels.length; next++) if (match(next, p + 1)) return true;
      return false;
    }
    if (h === hostLabels.length) return false;
    if (patternLabels[p] !== "*" && patternLabels[p] !== hostLabels[h]) return false;
    return match(h + 1, p + 1);
  };
  return match(0, 0);
}

/**
 * Whether a server-action POST comes from a page of this app (Next's CSRF rule): the Origin's host
 * is the request's host or an allowed one. No Origin at all is let through, as Next does.
 */
export function serverActionOriginAllowed(origin: string | null, requestHost: string | null, allowed: string[]): boolean {
  if (!origin) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return false;
  }
  if (requestHost && originHost === requestHost.toLowerCase()) return true;
  return allowed.some((pattern) => hostMatches(originHost, pattern));
}
