import "server-only";
import { headers } from "next/headers";
import { isIP } from "node:net";

/**
 * The app's public base URL, for every link in every email. It never comes from a request's Host
 * or X-Forwarded-Host header: anyone can send those, and a sign-in or invitation link built from
 * them would carry its token to the sender's own site. AUTH_URL in production; in development the
 * local server (instrumentation.ts sets AUTH_URL from it at start, so Auth.js builds the same links).
 */
export function publicBaseUrl(env: Record<string, string | undefined> = process.env): string {
  if (env.AUTH_URL) return env.AUTH_URL.replace(/\/$/, "");
  return `http://localhost:${env.PORT || 3000}`;
}

/** Kept async for the callers written when it read the request's headers. */
export async function appBaseUrl(): Promise<string> {
  return publicBaseUrl();
}

/**
 * The client's address, for rate limits — only when the operator declared the proxy in front of
 * the app: SEATWISE_TRUSTED_PROXY_HEADER names the header it sets (x-forwarded-for, x-real-ip,
 * cf-connecting-ip …) and SEATWISE_TRUSTED_PROXY_HOPS how many proxies append to it (default 1):
 * in a list like X-Forwarded-For only the entry that many places from the right was written by a
 * proxy we trust; everything left of it is whatever the client sent. Without the setting there is
 * no address we can trust (Next does not expose the socket's), so null: limits then key on other
 * things (the address asked for, an instance-wide ceiling), never on a header a client can forge.
 */
export function clientIpFrom(requestHeaders: Headers, env: Record<string, string | undefined> = process.env): string | null {
  const header = env.SEATWISE_TRUSTED_PROXY_HEADER?.trim().toLowerCase();
  if (!header) return null;
  const raw = requestHeaders.get(header);
  if (!raw) return null;
  const hops = Math.max(1, Math.floor(Number(env.SEATWISE_TRUSTED_PROXY_HOPS ?? 1)) || 1);
  const entries = raw.split(",").map((entry) => entry.trim()).filter(Boolean);
  const candidate = entries.length >= hops ? entries[entries.length - hops] : undefined;
  if (!candidate) return null;
  // "[::1]:443" or "1.2.3.4:5678" from some proxies: keep the address only.
  const address = candidate.replace(/^\[([^\]]+)\](?::\d+)?$/, "$1").replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1");
  return isIP(address) ? address : null;
}

export async function clientIp(): Promise<string | null> {
  return clientIpFrom(await headers());
}
