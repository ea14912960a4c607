import { getTableName, sql, type AnyColumn, type SQL } from "drizzle-orm";

/**
 * A column written with its table's name ("plans"."id"), for correlated subqueries: drizzle
 * leaves the table out when a query reads one table, and inside a subquery a bare "id" would be
 * the subquery's own (or ambiguous).
 */
export function qualified(column: AnyColumn): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}

/** A value or a column of the enclosing query, ready for a correlated subquery. */
export function outer(value: string | SQL | AnyColumn): string | SQL {
  return typeof value === "string" || isSql(value) ? value : qualified(value);
}

function isSql(value: unknown): value is SQL {
  return typeof value === "object" && value !== null && "queryChunks" in value;
}
