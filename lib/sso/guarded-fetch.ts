import "server-only";
import http from "node:http";
import https from "node:https";
import { assertLiteralHostAllowed, guardedLookupFor } from "@/lib/webhooks/guard";

/** SEATWISE_SSO_ALLOW_HTTP=1: a provider on this machine (tests, local development) — plain http and loopback. */
export function ssoPrivateAddressesAllowed(): boolean {
  return process.env.SEATWISE_SSO_ALLOW_HTTP === "1";
}

const lookup = guardedLookupFor(ssoPrivateAddressesAllowed, "single sign-on");

/** The most of a provider's answer that is read (metadata, keys and tokens are a few kB). */
const MAX_RESPONSE_BYTES = 1024 * 1024;
const TIMEOUT_MS = 10_000;

type FetchOptions = {
  method?: string;
  headers?: Record<string, string> | Headers;
  body?: string | URLSearchParams | ArrayBuffer | Uint8Array | ReadableStream | null;
  signal?: AbortSignal | null;
};

function bodyBytes(body: FetchOptions["body"]): Buffer | undefined {
  if (body == null) return undefined;
  if (typeof body === "string" || body instanceof URLSearchParams) return Buffer.from(String(body));
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body);
  throw new Error("A streamed body is not sent to identity providers.");
}

/**
 * The fetch openid-client uses for every request to an identity provider — discovery (Test
 * connection and sign-in), the code exchange and the signing keys (W2, docs/decisions/081): the
 * issuer is a URL an Admin typed, so the server never fetches it at a loopback, private or
 * link-local address. node:http(s) with the SSRF guard's lookup, which checks every address a name
 * resolves to and connects only to those (no rebinding gap); IP-literal hosts are checked first.
 * No redirects are followed (openid-client asks for none); answers are capped at 1 MB.
 */
export function ssoFetch(url: string, options: FetchOptions = {}): Promise<Response> {
  const target = new URL(url);
  assertLiteralHostAllowed(target, ssoPrivateAddressesAllowed(), "single sign-on");
  const client = target.protocol === "https:" ? https : http;
  const headers = options.headers instanceof Headers ? Object.fromEntries(options.headers.entries()) : { ...options.headers };
  const body = bodyBytes(options.body);
  if (body !== undefined) headers["content-length"] = String(body.length);
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      reject(error);
    };
    const request = client.request(target, { method: options.method ?? "GET", headers, lookup, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) fail(new Error(`${target.host} answered with more than ${MAX_RESPONSE_BYTES} bytes.`));
        else chunks.push(chunk);
      });
      response.on("error", fail);
      response.on("end", () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        const out = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          if (Array.isArray(value)) for (const v of value) out.append(name, v);
          else if (value !== undefined) out.set(name, value);
        }
        const status = response.statusCode ?? 502;
        resolve(new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), { status, headers: out }));
      });
    });
    const timer = setTimeout(() => fail(new Error(`${target.host} did not answer within ${TIMEOUT_MS / 1000} s.`)), TIMEOUT_MS);
    options.signal?.addEventListener("abort", () => fail(new Error("The request to the identity provider was cancelled.")), { once: true });
    request.on("error", fail);
    request.end(body);
  });
}
