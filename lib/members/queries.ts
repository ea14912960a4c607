import "server-only";
import { and, asc, count, eq, ilike, inArray, notInArray, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { memberships, planUsers, plans, products, surveys, users } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { seatUsage } from "@/lib/seats/seat-usage";
import { dependentsMessage } from "./member-dependents";

export const MEMBERS_PAGE_SIZE = 50;

/** What a Users row and the edit page show of a member. */
const memberColumns = {
  userId: users.id,
  email: users.email,
  name: users.name,
  firstName: users.firstName,
  lastName: users.lastName,
  phone: users.phone,
  role: memberships.role,
  status: memberships.status,
};

/**
 * The Users page: members of the caller's organization, searched and paginated in the database
 * (an Enterprise organization may have tens of thousands), with the seat meter.
 */
export async function listMembers(ctx: MemberContext, options: { q?: string; page?: number } = {}) {
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const q = options.q?.trim().slice(0, 100);
  const pattern = q ? likePattern(q) : null;
  const where = and(
    eq(memberships.orgId, ctx.org.id),
    pattern
      ? or(ilike(users.email, pattern), ilike(users.name, pattern), ilike(sql`concat_ws(' ', ${users.firstName}, ${users.lastName})`, pattern))
      : undefined,
  );
  const [rows, [{ total }], seats] = await Promise.all([
    db
      .select({ ...memberColumns, joinedAt: memberships.createdAt })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(where)
      .orderBy(asc(sql`lower(coalesce(${users.name}, ${users.email}))`), asc(users.id))
      .limit(MEMBERS_PAGE_SIZE)
      .offset((page - 1) * MEMBERS_PAGE_SIZE),
    db.select({ total: count() }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(where),
    seatUsage(db, ctx.org.id),
  ]);
  // What each row's Delete User needs to say (R5, R6): one grouped query per kind, not per row.
  const ids = rows.map((r) => r.userId);
  const [surveyCounts, subscribed, places] = ids.length
    ? await Promise.all([
        db
          .select({ userId: surveys.ownerId, n: count() })
          .from(surveys)
          .where(and(eq(surveys.orgId, ctx.org.id), inArray(surveys.ownerId, ids)))
          .groupBy(surveys.ownerId),
        db
          .select({ userId: plans.subscriberId, name: products.name })
          .from(plans)
          .innerJoin(products, eq(products.id, plans.productId))
          .where(and(eq(plans.orgId, ctx.org.id), inArray(plans.subscriberId, ids))),
        db
          .select({ userId: planUsers.userId, n: count() })
          .from(planUsers)
          .where(and(eq(planUsers.orgId, ctx.org.id), inArray(planUsers.userId, ids)))
          .groupBy(planUsers.userId),
      ])
    : [[], [], []];
  const members = rows.map((row) => {
    const dependents = {
      surveys: surveyCounts.find((s) => s.userId === row.userId)?.n ?? 0,
      subscribedPlans: subscribed.filter((p) => p.userId === row.userId).map((p) => p.name),
    };
    return { ...row, dependents, deleteBlockedReason: dependentsMessage(dependents), planCount: places.find((p) => p.userId === row.userId)?.n ?? 0 };
  });
  return { rows: members, total, page, pageCount: Math.max(1, Math.ceil(total / MEMBERS_PAGE_SIZE)), q: q ?? "", seats };
}

/** One member of the caller's organization for the edit page; another organization's id is null. */
export async function findMember(ctx: MemberContext, userId: string) {
  const [row] = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, ctx.org.id), eq(memberships.userId, userId)));
  return row ?? null;
}

export const MEMBER_SEARCH_LIMIT = 20;

/** `%text%` for ILIKE, with the wildcard characters of the text itself escaped. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The member picker's search (transfer a survey, Add User To Plan, Transfer Ownership): active
 * members of the caller's organization whose name or email contains the text, at most
 * MEMBER_SEARCH_LIMIT of them, searched in the database so it serves an organization of any size.
 * `notOnPlanId` leaves out the users of that plan (a plan of another organization leaves out
 * nobody, as if it did not exist); `onPlanId` keeps only the users of that plan (a task's
 * assignee; another organization's plan keeps nobody); `excludeUserIds` leaves out given people.
 */
export async function searchMembers(
  ctx: MemberContext,
  options: { q: string; notOnPlanId?: string; onPlanId?: string; excludeUserIds?: string[] },
) {
  const pattern = options.q ? likePattern(options.q) : null;
  return db
    .select({ userId: users.id, email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, ctx.org.id),
        eq(memberships.status, "active"),
        pattern
          ? or(ilike(users.email, pattern), ilike(users.name, pattern), ilike(sql`concat_ws(' ', ${users.firstName}, ${users.lastName})`, pattern))
          : undefined,
        options.notOnPlanId
          ? sql`not exists (select 1 from ${planUsers} where ${planUsers.planId} = ${options.notOnPlanId} and ${planUsers.orgId} = ${ctx.org.id} and ${planUsers.userId} = ${users.id})`
          : undefined,
        options.onPlanId
          ? sql`exists (select 1 from ${planUsers} where ${planUsers.planId} = ${options.onPlanId} and ${planUsers.orgId} = ${ctx.org.id} and ${planUsers.userId} = ${users.id})`
          : undefined,
        options.excludeUserIds?.length ? notInArray(users.id, options.excludeUserIds) : undefined,
      ),
    )
    .orderBy(asc(sql`lower(coalesce(${users.name}, ${users.email}))`), asc(users.id))
    .limit(MEMBER_SEARCH_LIMIT);
}
