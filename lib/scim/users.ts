import "server-only";
import { and, asc, count, eq, inArray, sql, type SQL } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { qualified } from "@/db/sql";
import { memberships, scimGroupMembers, scimGroups, scimIdentities, users } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/token-shape";
import { SCIM_MAX_PAGE } from "./constants";
import { parsePagination, parseUserFilter, type UserFilter } from "./filter";
import type { ScimUserState } from "./patch";
import { listResponse, toScimUser } from "./resources";
import type { ScimAnswer } from "./route";

/**
 * SCIM Users read (RFC 7644 §3.4; SPEC C1, issue 17; docs/decisions/086). A SCIM User is a member
 * of the organization — every member, also those who came by invitation, so an identity
 * provider's import can match them by userName — and its id is the person's user id. The
 * organization's `scim_identities` row, when there is one, gives the provider's own userName and
 * externalId; without one the userName is the sign-in email.
 */


/** Whether a path or filter id can be a user id at all (anything else is simply not found). */
export function isUserId(value: string): boolean {
  return isUuid(value);
}

const columns = {
  id: users.id,
  email: users.email,
  name: users.name,
  firstName: users.firstName,
  lastName: users.lastName,
  phone: users.phone,
  role: memberships.role,
  status: memberships.status,
  membershipId: memberships.id,
  created: memberships.createdAt,
  membershipUpdated: memberships.updatedAt,
  identityUserName: scimIdentities.userName,
  externalId: scimIdentities.externalId,
  identityDisplayName: scimIdentities.displayName,
  identityUpdated: scimIdentities.updatedAt,
};

export type ScimUserRow = {
  id: string;
  email: string;
  name: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  role: "admin" | "manager" | "user";
  status: "active" | "suspended";
  membershipId: string;
  created: Date;
  membershipUpdated: Date;
  identityUserName: string | null;
  externalId: string | null;
  identityDisplayName: string | null;
  identityUpdated: Date | null;
};

function membersOf(database: DbOrTx, orgId: string, where: SQL | undefined) {
  return database
    .select(columns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(scimIdentities, and(eq(scimIdentities.orgId, memberships.orgId), eq(scimIdentities.userId, memberships.userId)))
    .where(and(eq(memberships.orgId, orgId), where));
}

/** What Seatwise keeps of a member, in SCIM's terms (lib/scim/patch.ts applies changes to it). */
export function stateOf(row: ScimUserRow): ScimUserState {
  return {
    userName: row.identityUserName ?? row.email,
    externalId: row.externalId,
    active: row.status === "active",
    givenName: row.firstName,
    familyName: row.lastName,
    displayName: row.identityDisplayName ?? row.name,
    email: row.email,
    phone: row.phone,
  };
}

function resourceOf(baseUrl: string, row: ScimUserRow, groups: { id: string; displayName: string }[]) {
  const modified = [row.membershipUpdated, row.identityUpdated].filter((d): d is Date => d !== null);
  return toScimUser(baseUrl, {
    ...stateOf(row),
    id: row.id,
    created: row.created,
    lastModified: new Date(Math.max(...modified.map((d) => d.getTime()))),
    groups,
  });
}

export type ScimUserResource = ReturnType<typeof resourceOf>;

/** The groups of this organization each person is in (one statement for a page of people). */
async function groupsOf(database: DbOrTx, orgId: string, userIds: string[]) {
  const byUser = new Map<string, { id: string; displayName: string }[]>();
  if (!userIds.length) return byUser;
  const rows = await database
    .select({ userId: scimGroupMembers.userId, id: scimGroups.id, displayName: scimGroups.displayName })
    .from(scimGroupMembers)
    .innerJoin(scimGroups, eq(scimGroups.id, scimGroupMembers.groupId))
    .where(and(eq(scimGroups.orgId, orgId), inArray(scimGroupMembers.userId, userIds)))
    .orderBy(asc(scimGroups.displayName), asc(scimGroups.id));
  for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), { id: row.id, displayName: row.displayName }]);
  return byUser;
}

/** One member's row; any id that is not a member of this organization is not found. */
export async function findScimUserRow(database: DbOrTx, orgId: string, userId: string): Promise<ScimUserRow> {
  if (!isUserId(userId)) throw notFound("This user");
  const [row] = await membersOf(database, orgId, eq(memberships.userId, userId));
  if (!row) throw notFound("This user");
  return row;
}

/** One member as a SCIM User, read with `database` (a transaction's own handle after a change). */
export async function readScimUser(database: DbOrTx, orgId: string, userId: string, baseUrl: string): Promise<ScimUserResource> {
  const row = await findScimUserRow(database, orgId, userId);
  const groups = await groupsOf(database, orgId, [row.id]);
  return resourceOf(baseUrl, row, groups.get(row.id) ?? []);
}

/**
 * The filter as SQL. userName compares case-insensitively (RFC 7643 §4.1.1) with the identity's
 * userName, or the email of a member who has no identity row; the candidates are found through
 * the indexes on identities and on lower(email), so a filter costs the same at 10 or 10,000 members.
 */
function filterSql(orgId: string, filter: UserFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (filter.userName !== undefined) {
    parts.push(sql`${qualified(users.id)} in (
      select si.user_id from scim_identities si where si.org_id = ${orgId} and lower(si.user_name) = ${filter.userName}
      union all select u2.id from users u2 where lower(u2.email) = ${filter.userName})`);
    parts.push(sql`coalesce(lower(${qualified(scimIdentities.userName)}), lower(${qualified(users.email)})) = ${filter.userName}`);
  }
  if (filter.externalId !== undefined) parts.push(eq(scimIdentities.externalId, filter.externalId));
  if (filter.id !== undefined) parts.push(eq(users.id, filter.id));
  if (filter.email !== undefined) parts.push(sql`lower(${qualified(users.email)}) = ${filter.email}`);
  return parts.length ? and(...parts) : undefined;
}

/** GET /Users: filter, startIndex and count (RFC 7644 §3.4.2), in a stable order (joined, then id). */
export async function listScimUsers(ctx: MemberContext, params: URLSearchParams, baseUrl: string): Promise<ScimAnswer> {
  const { filter, matchesNothing } = parseUserFilter(params.get("filter"));
  const { offset, limit } = parsePagination(params, SCIM_MAX_PAGE);
  if (matchesNothing || (filter.id !== undefined && !isUserId(filter.id))) {
    return { status: 200, body: listResponse([], 0, offset + 1) };
  }
  const where = filterSql(ctx.org.id, filter);
  const [{ total }] = await db
    .select({ total: count() })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(scimIdentities, and(eq(scimIdentities.orgId, memberships.orgId), eq(scimIdentities.userId, memberships.userId)))
    .where(and(eq(memberships.orgId, ctx.org.id), where));
  const rows = limit > 0 && offset < total ? await membersOf(db, ctx.org.id, where).orderBy(asc(memberships.createdAt), asc(users.id)).limit(limit).offset(offset) : [];
  const groups = await groupsOf(db, ctx.org.id, rows.map((r) => r.id));
  const resources = rows.map((row) => resourceOf(baseUrl, row, groups.get(row.id) ?? []));
  return { status: 200, body: listResponse(resources, total, offset + 1) };
}

/** GET /Users/{id}: a member of this organization; any other id (another organization's too) is 404. */
export async function getScimUser(ctx: MemberContext, userId: string, baseUrl: string): Promise<ScimAnswer> {
  return { status: 200, body: await readScimUser(db, ctx.org.id, userId, baseUrl) };
}
