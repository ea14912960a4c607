import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/db/client";
import { memberships, notifications, organizations } from "@/db/schema";
import { qualified } from "@/db/sql";
import { AppError, isAppError } from "@/lib/errors";
import type { Role } from "@/lib/permissions";
import { auth } from "./config";

export type SessionUser = { id: string; email: string; name: string | null };

export type MemberContext = {
  user: SessionUser;
  org: { id: string; slug: string; name: string; tier: "free" | "essential" | "pro" | "enterprise"; kind: "client" | "supplier" };
  membership: { id: string; role: Role; status: "active" | "suspended" };
  /** What the app shell shows, read in the same statement as the membership (pages only need it). */
  shell?: { organizations: { slug: string; name: string }[]; unread: number };
  /**
   * Set when the request came with an API token (lib/api/route.ts): `user` is the token's creator
   * and `membership.role` the token's role; services read the creator again and cap the role at the
   * token's (K2, lib/members/actor.ts).
   */
  token?: { id: string; name: string; role: Role; kind?: "api" | "scim" };
};

/**
 * The signed-in user, read from the database session on every request (SPEC R8). Auth.js reads
 * the session and its user in one statement; the session callback (config.ts) passes on exactly
 * id, name and email, so no second read is needed.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const user = session?.user as { id?: string; email?: string | null; name?: string | null } | undefined;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email, name: user.name ?? null };
});

export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Please sign in again.");
  return user;
}

/**
 * The user's membership of the organization with this slug, straight from the database, with
 * what the app shell shows (the organizations to switch to, the unread count of the inbox) in
 * the same statement: one round trip per request for everything about who is asking.
 */
export async function loadMembership(userId: string, orgSlug: string) {
  const [row] = await db
    .select({
      org: {
        id: organizations.id,
        slug: organizations.slug,
        name: organizations.name,
        tier: organizations.tier,
        kind: organizations.kind,
      },
      membership: { id: memberships.id, role: memberships.role, status: memberships.status },
      lastActiveAt: memberships.lastActiveAt,
      organizations: sql<{ slug: string; name: string }[]>`(
        select coalesce(json_agg(json_build_object('slug', o2.slug, 'name', o2.name) order by o2.name), '[]'::json)
        from ${memberships} m2 join ${organizations} o2 on o2.id = m2.org_id
        where m2.user_id = ${userId} and m2.status = 'active')`,
      unread: sql<number>`(
        select count(*)::int from ${notifications} n
        where n.user_id = ${userId} and n.org_id = ${qualified(organizations.id)} and n.read_at is null)`,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(and(eq(memberships.userId, userId), eq(organizations.slug, orgSlug)));
  return row ?? null;
}

/**
 * The caller's active membership of the organization in the URL. An organization they do not
 * belong to answers NOT_FOUND, exactly like one that does not exist. Roles are never cached
 * (R8): this runs on every request and every action.
 */
/** What an organization's slug can look like; anything else (a NUL byte, 10k characters) is simply not found. */
const orgSlugPattern = /^[a-z0-9-]{1,64}$/;

export const requireMember = cache(async (orgSlug: string): Promise<MemberContext> => {
  const user = await requireUser();
  const row = orgSlugPattern.test(orgSlug) ? await loadMembership(user.id, orgSlug) : null;
  if (!row) throw new AppError("NOT_FOUND", "This organization was not found.");
  if (row.membership.status === "suspended") {
    throw new AppError("SUSPENDED", `Your access to ${row.org.name} is suspended. Ask an Admin to re-activate it.`);
  }
  await touchLastActive(row.membership.id, row.lastActiveAt);
  return {
    user,
    org: row.org,
    membership: row.membership,
    shell: { organizations: row.organizations, unread: Number(row.unread) },
  };
});

const ACTIVE_PRECISION_MS = 60 * 60 * 1000;

/**
 * "Last active" on the Users page, to the hour: written only when the stored time is an hour
 * old, so it costs one statement an hour per member, not one per request.
 */
async function touchLastActive(membershipId: string, lastActiveAt: Date | null) {
  const now = Date.now();
  if (lastActiveAt && now - lastActiveAt.getTime() < ACTIVE_PRECISION_MS) return;
  await db.update(memberships).set({ lastActiveAt: new Date(now) }).where(eq(memberships.id, membershipId));
}

/** requireMember for pages: signs the visitor in, or answers 404, instead of throwing. */
export async function requireMemberPage(orgSlug: string): Promise<MemberContext> {
  try {
    return await requireMember(orgSlug);
  } catch (error) {
    if (isAppError(error) && error.code === "UNAUTHENTICATED") redirect("/signin");
    if (isAppError(error) && error.code === "SUSPENDED") redirect(`/suspended?org=${encodeURIComponent(orgSlug)}`);
    if (isAppError(error)) notFound();
    throw error;
  }
}

export async function requireUserPage(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/signin");
  return user;
}
