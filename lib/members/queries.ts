import "server-only";
import { and, asc, count, eq, ilike, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { memberships, users } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { seatUsage } from "@/lib/seats/seat-usage";

export const MEMBERS_PAGE_SIZE = 25;

/**
 * The Users page: members of the caller's organization, searched and paginated in the database
 * (an Enterprise organization may have tens of thousands), with the seat meter.
 */
export async function listMembers(ctx: MemberContext, options: { q?: string; page?: number } = {}) {
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const q = options.q?.trim().slice(0, 100);
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = and(
    eq(memberships.orgId, ctx.org.id),
    pattern
      ? or(ilike(users.email, pattern), ilike(users.name, pattern), ilike(sql`concat_ws(' ', ${users.firstName}, ${users.lastName})`, pattern))
      : undefined,
  );
  const [rows, [{ total }], seats] = await Promise.all([
    db
      .select({
        userId: users.id,
        email: users.email,
        name: users.name,
        firstName: users.firstName,
        lastName: users.lastName,
        phone: users.phone,
        role: memberships.role,
        status: memberships.status,
        joinedAt: memberships.createdAt,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(where)
      .orderBy(asc(sql`lower(coalesce(${users.name}, ${users.email}))`), asc(users.id))
      .limit(MEMBERS_PAGE_SIZE)
      .offset((page - 1) * MEMBERS_PAGE_SIZE),
    db.select({ total: count() }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(where),
    seatUsage(db, ctx.org.id),
  ]);
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / MEMBERS_PAGE_SIZE)), q: q ?? "", seats };
}
