/**
 * The one error type of the domain. Services throw it; the action wrapper and route handlers turn
 * it into form state or an HTTP answer. `message` is written for people; tests assert `code`.
 */
export const errorCodes = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 422,
  CONFLICT: 409,
  SEAT_LIMIT: 409,
  PLAN_SEAT_LIMIT: 409,
  LAST_ADMIN: 409,
  HAS_DEPENDENTS: 409,
  ALREADY_MEMBER: 409,
  ALREADY_USED: 409,
  EXPIRED: 410,
  REVOKED: 410,
  WRONG_ACCOUNT: 403,
  SUSPENDED: 403,
  RATE_LIMITED: 429,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;

  constructor(code: ErrorCode, message: string, options?: { fieldErrors?: FieldErrors }) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options?.fieldErrors;
  }

  get status(): number {
    return errorCodes[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Another organization's ids, and ids that do not exist, answer exactly this. */
export function notFound(what = "This item"): AppError {
  return new AppError("NOT_FOUND", `${what} was not found.`);
}

export function forbidden(message = "You don't have permission to do that."): AppError {
  return new AppError("FORBIDDEN", message);
}
