import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { requireMember, requireUser, type MemberContext, type SessionUser } from "@/lib/auth/session";
import { AppError, isAppError, type FieldErrors } from "@/lib/errors";

import type { FormState } from "@/lib/form-state";
import { logUnexpectedError } from "@/lib/log-error";

export type { FormState };

/** What an action's handler returns: a message for people, and optionally structured data. */
export type ActionResult = string | void | { message?: string; data?: unknown };

function success(result: ActionResult): FormState {
  if (typeof result === "object" && result !== null) return { ok: true, message: result.message, data: result.data };
  return { ok: true, message: result ?? undefined };
}

const orgSlugSchema = z.string().trim().min(1).max(64).regex(/^[a-z0-9-]+$/);

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (typeof value === "string") values[key] = value;
  }
  return values;
}

/** Inputs for zod: repeated fields (checkbox groups) become arrays. */
function formInput(formData: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    input[key] = all.length > 1 ? all : all[0];
  }
  return input;
}

/**
 * SPEC §10: a NUL byte cannot be stored in a PostgreSQL text column and is never meant. Every field
 * of every action is refused with a message on that field before anything else runs.
 */
function refuseNulBytes(input: Record<string, unknown>) {
  const fieldErrors: FieldErrors = {};
  for (const [key, value] of Object.entries(input)) {
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v === "string" && v.includes("\u0000"))) {
      fieldErrors[key] = ["This field contains an invisible NUL character. Remove it and try again."];
    }
  }
  if (Object.keys(fieldErrors).length) {
    throw new AppError("VALIDATION", "Please correct the highlighted fields.", { fieldErrors });
  }
}

function toFormState(error: unknown, values: Record<string, string>): FormState {
  // Next signals redirect() and notFound() by throwing: let those through.
  unstable_rethrow(error);
  if (isAppError(error)) {
    // A refusal about one field is said next to that field; the form's own line only points there.
    const onFields = error.fieldErrors && Object.keys(error.fieldErrors).length > 0 && error.code !== "VALIDATION";
    return {
      ok: false,
      code: error.code,
      formError: onFields ? "Please correct the highlighted field." : error.message,
      fieldErrors: error.fieldErrors,
      values,
    };
  }
  logUnexpectedError("action", error);
  return { ok: false, formError: "Something went wrong on our side. Nothing was changed; please try again.", values };
}

function validationError(error: z.ZodError): AppError {
  const fieldErrors = z.flattenError(error).fieldErrors as FieldErrors;
  return new AppError("VALIDATION", "Please correct the highlighted fields.", { fieldErrors });
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  if (input && typeof input === "object") refuseNulBytes(input as Record<string, unknown>);
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

/**
 * The wrapper for actions inside an organization. In this order: the session, the caller's
 * membership of the organization named by the form's `org` field (the slug of the page's URL,
 * looked up again here), then zod. The handler returns a success message or throws AppError.
 */
export function memberAction<S extends z.ZodType>(
  schema: S,
  handler: (input: z.output<S>, ctx: MemberContext) => Promise<ActionResult>,
) {
  return async (_prev: FormState, formData: FormData): Promise<FormState> => {
    const values = formValues(formData);
    try {
      const user = await requireUser();
      const org = formData.get("org");
      const slug = orgSlugSchema.safeParse(typeof org === "string" ? org : undefined);
      if (!slug.success) throw new AppError("NOT_FOUND", "This organization was not found.");
      const ctx = await requireMember(slug.data);
      if (ctx.user.id !== user.id) throw new AppError("UNAUTHENTICATED", "Please sign in again.");
      const input = parseInput(schema, formInput(formData));
      return success(await handler(input, ctx));
    } catch (error) {
      return toFormState(error, values);
    }
  };
}

/** The wrapper for actions of a signed-in person outside any organization (create one, I5). */
export function userAction<S extends z.ZodType>(
  schema: S,
  handler: (input: z.output<S>, user: SessionUser) => Promise<ActionResult>,
) {
  return async (_prev: FormState, formData: FormData): Promise<FormState> => {
    const values = formValues(formData);
    try {
      const user = await requireUser();
      const input = parseInput(schema, formInput(formData));
      return success(await handler(input, user));
    } catch (error) {
      return toFormState(error, values);
    }
  };
}

/** The wrapper for public actions (sign-in request): zod and error mapping only. */
export function publicAction<S extends z.ZodType>(
  schema: S,
  handler: (input: z.output<S>) => Promise<ActionResult>,
) {
  return async (_prev: FormState, formData: FormData): Promise<FormState> => {
    const values = formValues(formData);
    try {
      const input = parseInput(schema, formInput(formData));
      return success(await handler(input));
    } catch (error) {
      return toFormState(error, values);
    }
  };
}
