import "server-only";
import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import { forbidden } from "@/lib/errors";
import { canReadAudit } from "@/lib/permissions";
import { describeAuditEntry, sentenceText } from "./describe";
import { auditWhere, resolveAuditNames, type AuditFilters } from "./queries";

/**
 * The Activity page's entries (A1) a page after a cursor, newest first, with the page's filters
 * (actor, action, from, to) and each entry's sentence as the page writes it (the API's GET
 * /activity). Admins only, as the page.
 */
export async function listActivityByCursor(ctx: MemberContext, query: AuditFilters & { cursor?: string; limit: number }) {
  if (!canReadAudit(ctx.membership.role)) throw forbidden("Only Admins can read the activity log.");
  const after = query.cursor ? decodeCursor(query.cursor, ["timestamp", "id"]) : null;
  const rows = await db
    .select({ entry: auditLog, cursorAt: sql<string>`to_char(${auditLog.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` })
    .from(auditLog)
    .where(
      and(
        auditWhere(ctx.org.id, query),
        after
          ? or(
              lt(auditLog.createdAt, sql`${after[0]}::timestamptz`),
              and(eq(auditLog.createdAt, sql`${after[0]}::timestamptz`), lt(auditLog.id, after[1] as number)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const names = await resolveAuditNames(db, ctx.org.id, ctx.org.name, page.map((r) => r.entry));
  const last = page[page.length - 1];
  return {
    rows: page.map(({ entry }) => ({ ...entry, sentence: sentenceText(describeAuditEntry(entry, names)) })),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.cursorAt, last.entry.id]) : null,
  };
}
