/**
 * Issue 14.19: where Auth.js may send a browser after sign-in. A path of ours ("/o/acme", not
 * "//host" or "/\host") or a URL of our own origin is kept, as an absolute URL; anything else —
 * malformed, another site — is null, and the caller falls back to the default page. Never throws.
 */
export function safeCallbackUrl(url: string, baseUrl: string): string | null {
  try {
    const origin = new URL(baseUrl).origin;
    if (/^\/(?![/\\])/.test(url)) return `${origin}${url}`;
    const parsed = new URL(url);
    return parsed.origin === origin && /^https?:$/.test(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

const CALLBACK_COOKIE = /^(__Secure-)?authjs\.callback-url$/;

/**
 * The request Auth.js is given: a malformed or foreign `callbackUrl` parameter or
 * `authjs.callback-url` cookie is dropped first. Auth.js answers 500 (InvalidCallbackUrl) to
 * either before any callback of ours runs, on every route — session, csrf, providers, the magic
 * link's callback — so it cannot be fixed in the redirect callback alone.
 */
export async function withoutBadCallbackUrl<R extends Request>(request: R, make: (url: URL, init: RequestInit) => R): Promise<R> {
  const url = new URL(request.url);
  let changed = false;
  const param = url.searchParams.get("callbackUrl");
  if (param !== null && !safeCallbackUrl(param, url.origin)) {
    url.searchParams.delete("callbackUrl");
    changed = true;
  }
  const headers = new Headers(request.headers);
  const cookie = headers.get("cookie");
  if (cookie) {
    const kept = cookie.split(/;\s*/).filter((part) => {
      const eq = part.indexOf("=");
      const name = (eq < 0 ? part : part.slice(0, eq)).trim();
      if (!CALLBACK_COOKIE.test(name)) return true;
      let value: string;
      try {
        value = decodeURIComponent(part.slice(eq + 1));
      } catch {
        return false;
      }
      return Boolean(safeCallbackUrl(value, url.origin));
    });
    if (kept.length !== cookie.split(/;\s*/).length) {
      changed = true;
      if (kept.length) headers.set("cookie", kept.join("; "));
      else headers.delete("cookie");
    }
  }
  if (!changed) return request;
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  return make(url, { method: request.method, headers, body });
}
