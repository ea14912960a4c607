import type { ErrorCode, FieldErrors } from "./errors";

/** What every form's useActionState holds (shared by server actions and client forms). */
export type FormState = {
  ok: boolean;
  message?: string;
  formError?: string;
  code?: ErrorCode;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
  /** Structured results of the action (for example one line per invited email). */
  data?: unknown;
};

export const initialFormState: FormState = { ok: false };
