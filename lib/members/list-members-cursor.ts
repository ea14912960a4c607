import "server-only";
import { and, asc, eq, gt, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { memberships, users } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import { notFound } from "@/lib/errors";
import type { Role } from "@/lib/permissions";
import { likePattern, memberColumns, userIdsMatching } from "./queries";

export type MembersCursorQuery = { cursor?: string; limit: number; role?: Role; status?: "active" | "suspended"; q?: string };

/**
 * The organization's members in the order they joined, a page after a cursor (the API's GET
 * /members): filtered like the Users page by role, status and a name or email search (the same
 * trigram-indexed match). Any member reads the list, as on the Users page. One statement.
 */
export async function listMembersByCursor(ctx: MemberContext, query: MembersCursorQuery) {
  const after = query.cursor ? decodeCursor(query.cursor, ["timestamp", "uuid"]) : null;
  const q = query.q?.trim().slice(0, 100);
  const rows = await db
    .select({
      ...memberColumns,
      joinedAt: memberships.createdAt,
      membershipId: memberships.id,
      // To the microsecond, as stored: a cursor cut to milliseconds would send rows twice.
      cursorAt: sql<string>`to_char(${memberships.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, ctx.org.id),
        query.role ? eq(memberships.role, query.role) : undefined,
        query.status ? eq(memberships.status, query.status) : undefined,
        q ? sql`${users.id} in ${userIdsMatching(likePattern(q))}` : undefined,
        after
          ? or(
              gt(memberships.createdAt, sql`${after[0]}::timestamptz`),
              and(eq(memberships.createdAt, sql`${after[0]}::timestamptz`), gt(memberships.id, sql`${after[1]}::uuid`)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(memberships.createdAt), asc(memberships.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    rows: page.map(({ membershipId: _m, cursorAt: _c, ...row }) => row),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.cursorAt, last.membershipId]) : null,
  };
}

/** One member of the caller's organization in the list's shape; another organization's id is not found. */
export async function getMemberOfOrg(ctx: MemberContext, userId: string) {
  const [row] = await db
    .select({
      ...memberColumns,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, ctx.org.id), eq(memberships.userId, userId)));
  if (!row) throw notFound("This member");
  return row;
}
