import { AppError } from "@/lib/errors";

/**
 * Opaque cursors of the API's lists: the sort key of the last row sent, as base64url JSON. A
 * cursor that does not decode to the expected shape is refused on its field (400), never a 500.
 */
export function encodeCursor(values: Array<string | number>): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/**
 * What each position of a cursor must be, checked before it reaches SQL: a cursor is client input,
 * and a forged "x"::timestamptz or 1e20 for a bigint id would otherwise be a server error (§10).
 */
const kinds = {
  /** A timestamp as the lists write it: to the microsecond, UTC. */
  timestamp: (v: unknown) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(v) && !Number.isNaN(Date.parse(v)),
  uuid: (v: unknown) => typeof v === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  /** A bigserial id. */
  id: (v: unknown) => typeof v === "number" && Number.isSafeInteger(v) && v > 0,
};

export type CursorKind = keyof typeof kinds;

export function decodeCursor(cursor: string, shape: CursorKind[]): Array<string | number> {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(values) && values.length === shape.length && values.every((v, i) => kinds[shape[i]](v))) {
      return values as Array<string | number>;
    }
  } catch {
    // fall through
  }
  throw new AppError("VALIDATION", "That cursor is not valid: use the nextCursor of a previous page.", { fieldErrors: { cursor: ["Not a valid cursor."] } });
}
