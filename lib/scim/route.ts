import "server-only";
import { authenticateApiToken } from "@/lib/api-tokens/authenticate";
import type { MemberContext } from "@/lib/auth/session";
import { db } from "@/db/client";
import { scimEvents } from "@/db/schema";
import { runThroughDoor } from "@/lib/doors/door";
import { logUnexpectedError } from "@/lib/log-error";
import { hitRateLimit, scimTokenRule } from "@/lib/rate-limit";
import { publicBaseUrl } from "@/lib/url";
import { SCIM_CONTENT_TYPE } from "./constants";
import { ScimError, scimErrorResponse, toScimError } from "./errors";

/** The largest SCIM body read (a group PATCH of a few thousand member ids fits). */
export const SCIM_MAX_BODY_BYTES = 1024 * 1024;

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export type ScimRequest = {
  /** The route's path parameters (besides `org`), as strings. */
  params: Record<string, string>;
  url: URL;
  /** The parsed JSON body, for routes that read one (undefined when it was empty). */
  body: unknown;
  /** `https://…/scim/v2/{org}`: the base of every `location` and `$ref`. */
  baseUrl: string;
};

export type ScimAnswer = {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** What the provisioning log says about a change ("Created ana@acme.test"); GETs leave it out. */
  summary?: string;
};

export function scimBaseUrl(orgSlug: string): string {
  return `${publicBaseUrl()}/scim/v2/${encodeURIComponent(orgSlug)}`;
}

async function readBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > SCIM_MAX_BODY_BYTES) throw new ScimError(413, `The body is larger than ${SCIM_MAX_BODY_BYTES} bytes.`, "tooMany");
  const text = await request.text();
  if (Buffer.byteLength(text) > SCIM_MAX_BODY_BYTES) throw new ScimError(413, `The body is larger than ${SCIM_MAX_BODY_BYTES} bytes.`, "tooMany");
  if (!text.trim()) return undefined;
  if (text.includes("\u0000")) throw new ScimError(400, "The body contains a NUL character.", "invalidValue");
  try {
    return JSON.parse(text);
  } catch {
    throw new ScimError(400, "The body is not valid JSON.", "invalidSyntax");
  }
}

function respond(answer: ScimAnswer): Response {
  const headers: Record<string, string> = { "cache-control": "no-store", ...answer.headers };
  if (answer.status === 204 || answer.body === undefined) return new Response(null, { status: answer.status, headers });
  return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { "content-type": SCIM_CONTENT_TYPE, ...headers } });
}

/** The provisioning log (settings page): changes and refusals, never a body or a token. */
async function logEvent(ctx: MemberContext, method: string, path: string, status: number, summary: string) {
  try {
    await db.insert(scimEvents).values({ orgId: ctx.org.id, tokenId: ctx.token?.id ?? null, method, path: path.slice(0, 500), status, summary: summary.slice(0, 1000) });
  } catch (error) {
    logUnexpectedError("scim.log", error);
  }
}

/**
 * The one wrapper of SCIM 2.0 (`app/scim/v2/[org]/…`; issue 17, SPEC C1–C4), like apiRoute for
 * the API: a SCIM bearer token (api_tokens.kind = 'scim', the same machinery as K1/K2: hashed,
 * revocable, acting as its creator with the Admin role and never above the creator's current
 * role) → a MemberContext; the per-token rate limit; the JSON body (size-capped, never a 500);
 * then the handler inside the "scim" door, so every audit entry says "by SCIM". Rule refusals
 * (AppError) and protocol errors (ScimError) become the SCIM Error schema; anything else is a 500
 * in SCIM's shape that names nothing of the request. Changes and refusals go to the provisioning log.
 */
export function scimRoute(handler: (ctx: MemberContext, request: ScimRequest) => Promise<ScimAnswer>, options: { body?: boolean } = {}) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const url = new URL(request.url);
    let ctx: MemberContext | null = null;
    const rawParams = await context.params;
    const slug = typeof rawParams.org === "string" ? rawParams.org : "";
    const path = url.pathname.replace(/^.*?\/scim\/v2\/[^/]+/, "") || "/";
    try {
      ctx = await authenticateApiToken(request.headers.get("authorization"), slug, new Date(), "scim");
      const limit = await hitRateLimit(`scim:${ctx.token!.id}`, scimTokenRule());
      if (!limit.allowed) {
        return scimErrorResponse(new ScimError(429, `This token made too many requests. Retry in ${limit.retryAfterSeconds} seconds.`), {
          "retry-after": String(limit.retryAfterSeconds),
        });
      }
      const params: Record<string, string> = {};
      for (const [key, value] of Object.entries(rawParams)) if (key !== "org" && typeof value === "string") params[key] = value;
      const body = options.body ? await readBody(request) : undefined;
      const token = ctx.token!;
      const member = ctx;
      const answer = await runThroughDoor({ door: "scim", tokenId: token.id, name: token.name }, () =>
        handler(member, { params, url, body, baseUrl: scimBaseUrl(member.org.slug) }),
      );
      if (answer.summary) await logEvent(ctx, request.method, path, answer.status, answer.summary);
      return respond(answer);
    } catch (error) {
      const scim = toScimError(error);
      if (scim) {
        if (ctx && scim.status !== 401) await logEvent(ctx, request.method, path, scim.status, scim.detail);
        return scimErrorResponse(scim, scim.status === 401 ? { "www-authenticate": 'Bearer realm="seatwise-scim"' } : {});
      }
      // Never the request's headers (the token) or its body: the method, the path and the error.
      logUnexpectedError(`scim ${request.method} ${url.pathname}`, error);
      const internal = new ScimError(500, "Something went wrong on our side. Nothing was changed; please retry.");
      if (ctx) await logEvent(ctx, request.method, path, 500, internal.detail);
      return scimErrorResponse(internal);
    }
  };
}
