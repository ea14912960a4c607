import "server-only";
import type { z } from "zod";
import { authenticateApiToken } from "@/lib/api-tokens/authenticate";
import type { MemberContext } from "@/lib/auth/session";
import { runThroughDoor } from "@/lib/doors/door";
import { AppError, isAppError, type FieldErrors } from "@/lib/errors";
import { apiTokenRule, hitRateLimit } from "@/lib/rate-limit";
import type { Endpoint, EndpointInput, EndpointOutput } from "./endpoint";
import { claimIdempotencyKey, idempotencyKeyPattern, releaseIdempotencyKey, requestFingerprint, storeIdempotentAnswer, type StoredAnswer } from "./idempotency";
import { problem, problemResponse, type Problem } from "./problem";

/** The largest JSON body the API reads. */
export const MAX_BODY_BYTES = 256 * 1024;

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

function validation(detail: string, fields: FieldErrors): AppError {
  return new AppError("VALIDATION", detail, { fieldErrors: fields });
}

/** Zod's issues as `{ "emails.3": ["…"] }`: the field each message is about. */
function zodFields(error: z.ZodError, prefix: string): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || prefix || "body";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** SPEC §10: a NUL byte anywhere in the input is refused on its field, never stored, never a 500. */
function nulFields(value: unknown, path: string, out: FieldErrors = {}): FieldErrors {
  if (typeof value === "string") {
    if (value.includes("\u0000")) out[path || "body"] = ["This field contains a NUL character."];
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nulFields(v, path ? `${path}.${i}` : String(i), out));
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) nulFields(v, path ? `${path}.${k}` : k, out);
  }
  return out;
}

function parsePart<S extends z.ZodType>(schema: S, input: unknown, part: "query" | "body"): z.output<S> {
  const nul = nulFields(input, "");
  if (Object.keys(nul).length) throw validation("The request contains a NUL character.", nul);
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validation(`The request's ${part} is not valid.`, zodFields(parsed.error, ""));
  return parsed.data;
}

async function readJson(request: Request): Promise<{ text: string; value: unknown }> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw validation(`The body is larger than ${MAX_BODY_BYTES} bytes.`, { body: ["Too large."] });
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw validation(`The body is larger than ${MAX_BODY_BYTES} bytes.`, { body: ["Too large."] });
  if (!text.trim()) return { text, value: undefined };
  try {
    return { text, value: JSON.parse(text) };
  } catch {
    throw validation("The body is not valid JSON.", { body: ["Send a JSON body with Content-Type: application/json."] });
  }
}

function answerFor(status: number, body: unknown): StoredAnswer {
  if (status === 204) return { status, body: "", type: "" };
  return { status, body: JSON.stringify(body), type: "application/json" };
}

function problemAnswer(body: Problem): StoredAnswer {
  return { status: body.status, body: JSON.stringify(body), type: "application/problem+json" };
}

function toResponse(answer: StoredAnswer, extra: Record<string, string> = {}): Response {
  const headers: Record<string, string> = { "cache-control": "no-store", ...extra };
  if (answer.status === 204) return new Response(null, { status: 204, headers });
  return new Response(answer.body, { status: answer.status, headers: { "content-type": answer.type, ...headers } });
}

/**
 * The one wrapper of the public API (docs/decisions/070–072), like memberRoute for the app's own
 * routes. In this order: the bearer token → a MemberContext acting with the token's role, never
 * above its creator's current role (401 when it does not work, 404 for another organization);
 * the per-token rate limit (429, Retry-After); path, query and body through the endpoint's zod
 * schemas (400; a malformed id in the path is 404 like a missing one); the Idempotency-Key of a
 * POST (the first answer is replayed); then the handler — one lib/ call — inside the "API token"
 * door, so audit entries say so. An AppError becomes application/problem+json (RFC 9457).
 */
export function apiRoute<E extends Endpoint>(endpoint: E, handler: (ctx: MemberContext, input: EndpointInput<E>) => Promise<EndpointOutput<E>>) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const url = new URL(request.url);
    let claim: { tokenId: string; key: string } | null = null;
    try {
      const rawParams = await context.params;
      const slug = typeof rawParams.org === "string" ? rawParams.org : "";
      const ctx = await authenticateApiToken(request.headers.get("authorization"), slug);
      const token = ctx.token!;
      const limit = await hitRateLimit(`api:${token.id}`, apiTokenRule());
      if (!limit.allowed) {
        return problemResponse(problem("RATE_LIMITED", `This token made too many requests. Retry in ${limit.retryAfterSeconds} seconds.`, { instance: url.pathname }), {
          "retry-after": String(limit.retryAfterSeconds),
        });
      }
      const params = endpoint.params.safeParse(rawParams);
      if (!params.success) throw new AppError("NOT_FOUND", "This item was not found.");
      const query = endpoint.query ? parsePart(endpoint.query, Object.fromEntries(url.searchParams), "query") : undefined;
      let bodyText = "";
      let body: unknown = undefined;
      if (endpoint.body) {
        const read = await readJson(request);
        bodyText = read.text;
        body = parsePart(endpoint.body, read.value, "body");
      }
      if (request.method === "POST") {
        const key = request.headers.get("idempotency-key");
        if (key !== null) {
          if (!idempotencyKeyPattern.test(key)) throw validation("The Idempotency-Key header is not valid.", { "Idempotency-Key": ["Use 1 to 255 visible ASCII characters."] });
          const claimed = await claimIdempotencyKey(token.id, key, requestFingerprint(request.method, url.pathname + url.search, bodyText));
          if (!claimed.claimed) return toResponse(claimed.answer, { "idempotent-replayed": "true" });
          claim = { tokenId: token.id, key };
        }
      }
      const input = { params: params.data, query, body } as EndpointInput<E>;
      const result = await runThroughDoor({ door: "api_token", tokenId: token.id, name: token.name }, () => handler(ctx, input));
      const answer = answerFor(endpoint.status, result);
      if (claim) await storeIdempotentAnswer(claim.tokenId, claim.key, answer);
      return toResponse(answer);
    } catch (error) {
      if (isAppError(error)) {
        const body = problem(error.code, error.message, { instance: url.pathname, fields: error.fieldErrors });
        // A refusal is the first answer too: a retry gets the same refusal, and nothing runs twice.
        if (claim) await storeIdempotentAnswer(claim.tokenId, claim.key, problemAnswer(body)).catch(() => undefined);
        return problemResponse(body, error.code === "UNAUTHENTICATED" ? { "www-authenticate": 'Bearer realm="seatwise"' } : {});
      }
      // Never the request's headers (the token): the method, the path and the error only.
      console.error(`[api] ${request.method} ${url.pathname} failed:`, error);
      if (claim) await releaseIdempotencyKey(claim.tokenId, claim.key).catch(() => undefined);
      return problemResponse(problem("INTERNAL", "Something went wrong on our side. Nothing was changed; please retry.", { instance: url.pathname }));
    }
  };
}
