import "server-only";
import { and, asc, eq, notInArray, sql, type SQL } from "drizzle-orm";
import { db, selectRows } from "@/db/client";
import { invitations, memberships, orgDomains, organizations, planUsers, plans, products, surveys, users, type Tier } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import type { Role } from "@/lib/permissions";
import { seatCountsSql, toSeatUsage } from "@/lib/seats/seat-usage";
import { dependentsMessage } from "./member-dependents";

export const MEMBERS_PAGE_SIZE = 50;

/** What a Users row and the edit page show of a member. */
export const memberColumns = {
  userId: users.id,
  email: users.email,
  name: users.name,
  firstName: users.firstName,
  lastName: users.lastName,
  phone: users.phone,
  role: memberships.role,
  status: memberships.status,
};

export const memberStatusFilters = ["active", "suspended", "invited"] as const;
export const memberSorts = ["name", "role", "joined"] as const;
export type MemberStatusFilter = (typeof memberStatusFilters)[number];
export type MemberSort = (typeof memberSorts)[number];

export type MembersQuery = { q?: string; page?: number; role?: Role; status?: MemberStatusFilter; sort?: MemberSort };

type PersonRow = {
  kind: "member" | "invitation";
  id: string;
  email: string;
  name: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  role: Role;
  status: "active" | "suspended" | "invited";
  since: Date | string;
  lastActiveAt: Date | string | null;
  expiresAt: Date | string | null;
  surveys: number;
  subscribedPlans: string[];
  planCount: number;
};

/** The order of each sort, for one branch (`sk` its sort key, `since` its date, `id` its id). */
function orderOf(sort: MemberSort, columns: { sk: SQL; role: SQL; since: SQL; id: SQL }): SQL {
  if (sort === "joined") return sql`${columns.since} desc, ${columns.id} desc`;
  if (sort === "role") return sql`${columns.role} asc, ${columns.sk} asc, ${columns.id} asc`;
  return sql`${columns.sk} asc, ${columns.id} asc`;
}

/**
 * The Users page (SPEC §3, as GitHub's People and Linear's Members show it): members and pending
 * invitations of the caller's organization in one list — filtered by role and status (active,
 * suspended, invited), searched by name or email (pg_trgm indexes), sorted by name, role or
 * joined, and paginated in the database — with the seat meter and what each row's Delete User
 * needs to say (R5). One SQL statement whatever the organization's size (issue 9): each branch
 * reads at most one page ahead along an index, and the two are merged.
 */
export async function listMembers(ctx: MemberContext, options: MembersQuery = {}) {
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const q = options.q?.trim().slice(0, 100);
  const pattern = q ? likePattern(q) : null;
  const sort = options.sort ?? "name";
  const orgId = ctx.org.id;
  const seats = seatCountsSql(orgId);
  const window = page * MEMBERS_PAGE_SIZE;
  const wantMembers = options.status !== "invited";
  const wantInvitations = !options.status || options.status === "invited";

  const memberWhere = sql`m.org_id = ${orgId}
    ${options.role ? sql`and m.role = ${options.role}` : sql``}
    ${options.status === "active" || options.status === "suspended" ? sql`and m.status = ${options.status}` : sql``}
    ${pattern ? sql`and u.id in ${userIdsMatching(pattern)}` : sql``}`;
  const inviteeName = sql`nullif(concat_ws(' ', i.first_name, i.last_name), '')`;
  const invitationWhere = sql`i.org_id = ${orgId} and i.kind = 'member' and i.status = 'pending'
    ${options.role ? sql`and i.role = ${options.role}` : sql``}
    ${pattern ? sql`and (i.email ilike ${pattern} or ${inviteeName} ilike ${pattern})` : sql``}`;
  const memberSk = sql`lower(coalesce(u.name, u.email))`;
  const invitationSk = sql`lower(coalesce(${inviteeName}, i.email))`;

  const rows = await selectRows<PersonRow & { tier: Tier; members: number; pendingInvitations: number; memberTotal: number; invitationTotal: number }>(
    db,
    sql`
    with counts as materialized (
      select ${seats.members} as members, ${seats.pendingInvitations} as pending
    ), member_page as (
      select 'member' as kind, u.id, u.email, u.name, u.first_name as "firstName", u.last_name as "lastName", u.phone,
             m.role, m.status::text as status, m.created_at as since, m.last_active_at as "lastActiveAt",
             null::timestamptz as "expiresAt", ${memberSk} as sk,
             (select count(*)::int from ${surveys} s where s.org_id = m.org_id and s.owner_id = m.user_id) as surveys,
             (select coalesce(json_agg(pr.name order by pr.sort_order), '[]'::json)
                from ${plans} p join ${products} pr on pr.id = p.product_id
               where p.org_id = m.org_id and p.subscriber_id = m.user_id) as "subscribedPlans",
             (select count(*)::int from ${planUsers} pu where pu.org_id = m.org_id and pu.user_id = m.user_id) as "planCount"
        from ${memberships} m join ${users} u on u.id = m.user_id
       where ${wantMembers ? memberWhere : sql`false`}
       order by ${orderOf(sort, { sk: memberSk, role: sql`m.role`, since: sql`m.created_at`, id: sql`u.id` })}
       limit ${window}
    ), invitation_page as (
      select 'invitation' as kind, i.id, i.email, ${inviteeName} as name, i.first_name as "firstName", i.last_name as "lastName",
             null::text as phone, i.role, 'invited' as status, i.sent_at as since, null::timestamptz as "lastActiveAt",
             i.expires_at as "expiresAt", ${invitationSk} as sk, 0 as surveys, '[]'::json as "subscribedPlans", 0 as "planCount"
        from ${invitations} i
       where ${wantInvitations ? invitationWhere : sql`false`}
       order by ${orderOf(sort, { sk: invitationSk, role: sql`i.role`, since: sql`i.sent_at`, id: sql`i.id` })}
       limit ${window}
    ), people as (
      select * from member_page union all select * from invitation_page
       order by ${orderOf(sort, { sk: sql`sk`, role: sql`role`, since: sql`since`, id: sql`id` })}
       limit ${MEMBERS_PAGE_SIZE} offset ${(page - 1) * MEMBERS_PAGE_SIZE}
    )
    select o.tier, counts.members, counts.pending as "pendingInvitations",
           ${
             !wantMembers
               ? sql`0`
               : !pattern && !options.role && !options.status
                 ? sql`counts.members`
                 : sql`(select count(*)::int from ${memberships} m join ${users} u on u.id = m.user_id where ${memberWhere})`
           } as "memberTotal",
           ${wantInvitations ? sql`(select count(*)::int from ${invitations} i where ${invitationWhere})` : sql`0`} as "invitationTotal",
           people.*
      from ${organizations} o cross join counts left join people on true
     where o.id = ${orgId}`,
  );
  const head = rows[0];
  if (!head) throw new Error(`listMembers: no organization ${orgId}`);
  const usage = toSeatUsage(head);
  const people = rows
    .filter((row) => row.id)
    .map(({ tier: _t, members: _m, pendingInvitations: _p, memberTotal: _mt, invitationTotal: _it, surveys: surveyCount, subscribedPlans, ...row }) => {
      const dependents = { surveys: Number(surveyCount), subscribedPlans };
      return {
        ...row,
        userId: row.id,
        since: new Date(row.since),
        lastActiveAt: row.lastActiveAt ? new Date(row.lastActiveAt) : null,
        expiresAt: row.expiresAt ? new Date(row.expiresAt) : null,
        planCount: Number(row.planCount),
        dependents,
        deleteBlockedReason: dependentsMessage(dependents),
      };
    });
  const total = Number(head.memberTotal) + Number(head.invitationTotal);
  return {
    rows: people,
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / MEMBERS_PAGE_SIZE)),
    q: q ?? "",
    filters: { role: options.role, status: options.status, sort },
    seats: usage,
  };
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

/**
 * The ids of the people whose email or name contains the pattern: one branch per trigram index
 * (users_email_trgm_idx, users_name_trgm_idx). Written as `email ilike p or name ilike p` on the
 * joined users, PostgreSQL priced the indexes and a sequential scan so close that it flipped to the
 * scan, running ILIKE on every user (7 ms at 10,000 people, twice per search: list and count).
 */
export function userIdsMatching(pattern: string): SQL {
  return sql`(select mu.id from ${users} mu where mu.email ilike ${pattern}
    union all select mu.id from ${users} mu where mu.name ilike ${pattern})`;
}

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
        pattern ? sql`${users.id} in ${userIdsMatching(pattern)}` : undefined,
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

/**
 * The domains Invite Teammate compares typed addresses with ("did you mean …?", issue 14.15 and
 * issue 18): the organization's verified domains first, then the domains of its members' addresses,
 * most used first (two small reads, run together).
 */
export async function memberEmailDomains(ctx: MemberContext): Promise<string[]> {
  const domain = sql<string>`split_part(lower(${users.email}), '@', 2)`;
  const [verified, rows] = await Promise.all([
    db
      .select({ domain: orgDomains.domain })
      .from(orgDomains)
      .where(and(eq(orgDomains.orgId, ctx.org.id), eq(orgDomains.status, "verified"))),
    db
      .select({ domain, n: sql<number>`count(*)` })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.orgId, ctx.org.id))
      .groupBy(domain)
      .orderBy(sql`count(*) desc`)
      .limit(50),
  ]);
  return [...new Set([...verified.map((v) => v.domain), ...rows.map((r) => r.domain)])].filter(Boolean);
}
