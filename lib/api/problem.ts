import "server-only";
import { errorCodes, type ErrorCode, type FieldErrors } from "@/lib/errors";

/** The short, fixed title of each code (RFC 9457 `title`); `detail` says what happened this time. */
export const problemTitles: Record<ErrorCode | "INTERNAL", string> = {
  UNAUTHENTICATED: "Not authenticated",
  FORBIDDEN: "Not allowed for this role",
  NOT_FOUND: "Not found",
  VALIDATION: "Invalid request",
  CONFLICT: "Conflict",
  SEAT_LIMIT: "No seat left on this tier",
  PLAN_SEAT_LIMIT: "No seat left on this plan",
  LAST_ADMIN: "The organization needs an Admin",
  HAS_DEPENDENTS: "Transfer their work first",
  ALREADY_MEMBER: "Already a member",
  ALREADY_USED: "Already used",
  EXPIRED: "Expired",
  REVOKED: "Revoked",
  WRONG_ACCOUNT: "Wrong account",
  SUSPENDED: "Suspended",
  RATE_LIMITED: "Too many requests",
  INTERNAL: "Internal error",
};

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode | "INTERNAL";
  instance?: string;
  fields?: FieldErrors;
};

/**
 * The HTTP status of a code in the API. Everything is the AppError's own status, except VALIDATION:
 * the API answers 400 for any request it cannot accept as sent (malformed JSON, wrong types, NUL
 * bytes, sizes), docs/decisions/071.
 */
export function apiStatus(code: ErrorCode | "INTERNAL"): number {
  if (code === "INTERNAL") return 500;
  if (code === "VALIDATION") return 400;
  return errorCodes[code];
}

export function problem(code: ErrorCode | "INTERNAL", detail: string, options: { instance?: string; fields?: FieldErrors } = {}): Problem {
  return {
    // A relative URI reference (RFC 9457 §3.1.1): the API reference's section about this code.
    type: `/docs/api#problem-${code.toLowerCase().replace(/_/g, "-")}`,
    title: problemTitles[code],
    status: apiStatus(code),
    detail,
    code,
    ...(options.instance ? { instance: options.instance } : {}),
    ...(options.fields && Object.keys(options.fields).length ? { fields: options.fields } : {}),
  };
}

export function problemResponse(body: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...headers },
  });
}
