import { z } from "zod";

/**
 * A page's search params are input like any form (SPEC §10): `?page=1e20`, `?q=%00` or a repeated
 * `?q=a&q=b` must read as something sensible, never reach SQL as NaN, Infinity or a NUL byte.
 * Every field falls back to its default instead of failing: a URL is not a form to correct.
 */
export const MAX_PAGE = 100_000;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** 1-based page number: an integer from 1 to MAX_PAGE, else 1. */
export const pageParam = z.preprocess(first, z.coerce.number().int().min(1).max(MAX_PAGE)).catch(1);

/** Free text (a search): control characters removed, trimmed, at most `max` characters; else "". */
export function textParam(max = 100) {
  return z
    .preprocess(first, z.string())
    .transform((s) => s.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, max))
    .catch("");
}

/** One of a fixed set of values, else undefined. */
export function enumParam<const T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(first, z.enum(values)).optional().catch(undefined);
}

/** An id, else undefined. */
export const uuidParam = z.preprocess(first, z.uuid()).optional().catch(undefined);

export function parseSearchParams<S extends z.ZodType>(schema: S, params: unknown): z.output<S> {
  // Every field of the schemas above catches its own errors, so this cannot fail on any input.
  return schema.parse(params ?? {});
}

/** A calendar day `YYYY-MM-DD` (a date input's value) that exists, between 2000 and 2100; else undefined. */
export const dayParam = z
  .preprocess(first, z.iso.date())
  .refine((day) => day >= "2000-01-01" && day <= "2100-12-31")
  .optional()
  .catch(undefined);
