import { isAppError, type ErrorCode } from "@/lib/errors";
import { SCIM, SCIM_CONTENT_TYPE } from "./constants";

/** RFC 7644 §3.12 scimType values that Seatwise answers with. */
export type ScimType =
  | "invalidFilter"
  | "tooMany"
  | "uniqueness"
  | "mutability"
  | "invalidSyntax"
  | "invalidPath"
  | "noTarget"
  | "invalidValue"
  | "sensitive";

/**
 * A refusal in SCIM's own words (RFC 7644 §3.12). Thrown by the SCIM layer for protocol errors
 * (a filter or PATCH path it cannot apply); the rules' AppErrors are translated by `toScimError`.
 */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType?: ScimType,
  ) {
    super(detail);
    this.name = "ScimError";
  }
}

export function isScimError(error: unknown): error is ScimError {
  return error instanceof ScimError;
}

/**
 * The HTTP status a rule's refusal gets in SCIM. A seat limit is 409 with no scimType that a
 * client could mistake for "already exists": Okta and Entra show `detail` to the admin, and it
 * names the tier and the limit (T3).
 */
const statusOf: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  SEAT_LIMIT: 409,
  PLAN_SEAT_LIMIT: 409,
  LAST_ADMIN: 409,
  HAS_DEPENDENTS: 409,
  ALREADY_MEMBER: 409,
  ALREADY_USED: 409,
  EXPIRED: 400,
  REVOKED: 400,
  WRONG_ACCOUNT: 403,
  SUSPENDED: 403,
  RATE_LIMITED: 429,
};

export function toScimError(error: unknown): ScimError | undefined {
  if (isScimError(error)) return error;
  if (!isAppError(error)) return undefined;
  const fields = error.fieldErrors ? Object.entries(error.fieldErrors).map(([k, v]) => `${k}: ${v.join(" ")}`) : [];
  const detail = [error.message, ...fields].join(" ");
  const scimType: ScimType | undefined =
    error.code === "ALREADY_MEMBER" ? "uniqueness" : error.code === "VALIDATION" ? "invalidValue" : undefined;
  return new ScimError(statusOf[error.code], detail, scimType);
}

/** The body and headers of a SCIM error response. */
export function scimErrorBody(error: ScimError) {
  return {
    schemas: [SCIM.error],
    status: String(error.status),
    ...(error.scimType ? { scimType: error.scimType } : {}),
    detail: error.detail,
  };
}

export function scimErrorResponse(error: ScimError, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(scimErrorBody(error)), {
    status: error.status,
    headers: { "content-type": SCIM_CONTENT_TYPE, ...headers },
  });
}
