import "server-only";

type Loose = Record<string, unknown>;

/** The database driver's error inside whatever wrapped it (drizzle's `cause`), if any. */
function driverError(error: unknown): Loose | undefined {
  for (let e = error as Loose | undefined, depth = 0; e && typeof e === "object" && depth < 5; e = e.cause as Loose, depth++) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e;
  }
  return undefined;
}

/** The SQL text of a failed drizzle query (placeholders only, never its parameters). */
function failedStatement(error: unknown): string | undefined {
  for (let e = error as Loose | undefined, depth = 0; e && typeof e === "object" && depth < 5; e = e.cause as Loose, depth++) {
    if (typeof e.query === "string") return e.query;
  }
  return undefined;
}

/** The statement's name: its verb and first table ("insert into sessions"), not its text. */
function statementName(query: string): string {
  const verb = /^\s*(select|insert|update|delete|with|lock|begin|commit|rollback)\b/i.exec(query)?.[1]?.toLowerCase() ?? "statement";
  const table = /\b(?:from|into|update|join)\s+"?([a-z_][a-z0-9_]*)"?/i.exec(query)?.[1];
  return table ? `${verb} ${table}` : verb;
}

/**
 * What of an unexpected error may be logged (issue 14.21). A database error carries statement
 * parameters — a raw session or email-change token among them — in its message (drizzle's
 * "Failed query: … params: …") and values in PostgreSQL's own text ("invalid input syntax …:
 * "…"") and detail ("Key (x)=(…)"): only its SQLSTATE, constraint, table and statement name are
 * kept. Any other error keeps its name and the frames of its stack, not its message.
 */
export function loggableError(error: unknown): Record<string, string> {
  const db = driverError(error);
  const query = failedStatement(error);
  if (db || query) {
    const fields: Record<string, string> = { kind: "database" };
    if (db?.code) fields.code = String(db.code);
    const constraint = db?.constraint_name ?? db?.constraint;
    if (constraint) fields.constraint = String(constraint);
    const table = db?.table_name ?? db?.table;
    if (table) fields.table = String(table);
    if (query) fields.statement = statementName(query);
    return fields;
  }
  if (error instanceof Error) {
    const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line)).slice(0, 8).join("\n");
    return { kind: error.name || "Error", ...(frames ? { stack: frames } : {}) };
  }
  return { kind: typeof error };
}

/** The one way wrappers (actions, route handlers, streams) log an error they did not expect. */
export function logUnexpectedError(where: string, error: unknown) {
  console.error(`[${where}] unexpected error`, loggableError(error));
}
