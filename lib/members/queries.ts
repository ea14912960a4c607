import "server-only";
import { and, asc, eq, ilike, notInArray, or, sql } from "drizzle-orm";
import { db, selectRows } from "@/db/client";
import { memberships, organizations, planUsers, plans, products, surveys, users, type Tier } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import type { Role } from "@/lib/permissions";
import { seatCountsSql, toSeatUsage } from "@/lib/seats/seat-usage";
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

type MemberRow = {
  userId: string;
  email: string;
  name: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  role: Role;
  status: "active" | "suspended";
  joinedAt: Date | string;
  surveys: number;
  subscribedPlans: string[];
  planCount: number;
  matches: number | string | null;
};

/**
 * The Users page: members of the caller's organization, searched (pg_trgm indexes) and paginated
 * in the database, with the seat meter and what each row's Delete User needs to say (R5) — one
 * SQL statement, whatever the organization's size (issue 9). Without a search the total is the
 * member count the seat meter reads anyway; with one, a window count over the matches.
 */
export async function listMembers(ctx: MemberContext, options: { q?: string; page?: number } = {}) {
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const q = options.q?.trim().slice(0, 100);
  const pattern = q ? likePattern(q) : null;
  const orgId = ctx.org.id;
  const seats = seatCountsSql(orgId);
  const rows = await selectRows<MemberRow & { tier: Tier; members: number; pendingInvitations: number }>(
    db,
    sql`
    with page as (
      select u.id as "userId", u.email, u.name, u.first_name as "firstName", u.last_name as "lastName", u.phone,
             m.role, m.status, m.created_at as "joinedAt",
             (select count(*)::int from ${surveys} s where s.org_id = m.org_id and s.owner_id = m.user_id) as surveys,
             (select coalesce(json_agg(pr.name order by pr.sort_order), '[]'::json)
                from ${plans} p join ${products} pr on pr.id = p.product_id
               where p.org_id = m.org_id and p.subscriber_id = m.user_id) as "subscribedPlans",
             (select count(*)::int from ${planUsers} pu where pu.org_id = m.org_id and pu.user_id = m.user_id) as "planCount",
             ${pattern ? sql`count(*) over ()` : sql`null::bigint`} as matches
        from ${memberships} m join ${users} u on u.id = m.user_id
       where m.org_id = ${orgId}
         ${pattern ? sql`and (u.email ilike ${pattern} or u.name ilike ${pattern})` : sql``}
       order by lower(coalesce(u.name, u.email)), u.id
       limit ${MEMBERS_PAGE_SIZE} offset ${(page - 1) * MEMBERS_PAGE_SIZE}
    )
    select o.tier, ${seats.members} as members, ${seats.pendingInvitations} as "pendingInvitations", page.*
      from ${organizations} o left join page on true
     where o.id = ${orgId}`,
  );
  const seatRow = rows[0];
  if (!seatRow) throw new Error(`listMembers: no organization ${orgId}`);
  const usage = toSeatUsage(seatRow);
  const members = rows
    .filter((row) => row.userId)
    .map(({ tier: _tier, members: _m, pendingInvitations: _p, matches: _matches, surveys: surveyCount, subscribedPlans, joinedAt, ...row }) => {
      const dependents = { surveys: Number(surveyCount), subscribedPlans };
      return {
        ...row,
        joinedAt: new Date(joinedAt),
        planCount: Number(row.planCount),
        dependents,
        deleteBlockedReason: dependentsMessage(dependents),
      };
    });
  const total = pattern ? Number(rows.find((r) => r.userId)?.matches ?? 0) : usage.members;
  return { rows: members, total, page, pageCount: Math.max(1, Math.ceil(total / MEMBERS_PAGE_SIZE)), q: q ?? "", seats: usage };
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
          ? or(ilike(users.email, pattern), ilike(users.name, pattern))
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
