/**
 * Whether a database error is a unique-constraint violation (SQLSTATE 23505), optionally of one
 * named constraint. Drizzle wraps the driver's error as `cause`; postgres.js and PGlite both carry
 * `code` and `constraint`/`constraint_name`.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && depth < 4; e = e.cause as Record<string, unknown>, depth++) {
    if (e.code === "23505") {
      if (!constraint) return true;
      const name = (e.constraint_name ?? e.constraint) as string | undefined;
      return name === constraint || String(e.message ?? "").includes(constraint);
    }
  }
  return false;
}
