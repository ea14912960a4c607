import { AppError } from "@/lib/errors";

/**
 * Opaque cursors of the API's lists: the sort key of the last row sent, as base64url JSON. A
 * cursor that does not decode to the expected shape is refused on its field (400), never a 500.
 */
export function encodeCursor(values: Array<string | number>): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

export function decodeCursor(cursor: string, shape: Array<"string" | "number">): Array<string | number> {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(values) && values.length === shape.length && values.every((v, i) => typeof v === shape[i])) {
      return values as Array<string | number>;
    }
  } catch {
    // fall through
  }
  throw new AppError("VALIDATION", "That cursor is not valid: use the nextCursor of a previous page.", { fieldErrors: { cursor: ["Not a valid cursor."] } });
}
