/**
 * The driver's error inside whatever drizzle wrapped around it (`cause`): postgres.js and PGlite
 * both carry the SQLSTATE as `code` and the constraint as `constraint_name`/`constraint`.
 */
function driverError(error: unknown): Record<string, unknown> | undefined {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && depth < 4; e = e.cause as Record<string, unknown>, depth++) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e;
  }
  return undefined;
}

/** The SQLSTATE of a database error (23505, 40P01 …), if it is one. */
export function sqlState(error: unknown): string | undefined {
  return driverError(error)?.code as string | undefined;
}

/** Whether a database error is a unique-constraint violation (23505), optionally of one named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = driverError(error);
  if (e?.code !== "23505") return false;
  if (!constraint) return true;
  const name = (e.constraint_name ?? e.constraint) as string | undefined;
  return name === constraint || String(e.message ?? "").includes(constraint);
}
