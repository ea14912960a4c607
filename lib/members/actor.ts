import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { memberships, users, type Organization } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { AppError, notFound } from "@/lib/errors";
import { tokenEffectiveRole, type Actor } from "@/lib/permissions";
import { lockOrganization } from "@/lib/seats/reserve-seat";

export type ActingMember = Actor & { email: string; name: string | null; orgId: string; orgName: string; orgSlug: string };

/**
 * The caller's membership read again inside the transaction that acts on it (R8): a role changed
 * or a membership removed a moment ago counts, whatever the request started with.
 */
export async function actingMember(tx: DbOrTx, ctx: MemberContext): Promise<ActingMember> {
  const [row] = await tx
    .select({ role: memberships.role, status: memberships.status, email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, ctx.org.id), eq(memberships.userId, ctx.user.id)));
  return actingFrom(row, ctx);
}

/**
 * The start of a transaction that changes only the caller's own rows (a notification read, a
 * survey checked out, in or saved by its holder, a task completed, their profile): no organization
 * lock, so such writes of many members never queue behind one row (docs/decisions/065). The
 * caller's membership is read again under FOR SHARE (R8): that lock conflicts with the FOR UPDATE
 * / NO KEY UPDATE that suspend, delete and role change take on the membership row, so a change
 * being made waits for them and, once they commit, sees the new role or status (or no row: a
 * member removed a moment ago is not found); and while it holds the lock they wait for it. Many
 * sharers never wait for each other. Lock order: (organization →) membership → the rows under it.
 */
export async function lockOwnMembership(tx: Tx, ctx: MemberContext): Promise<ActingMember> {
  const [row] = await tx
    .select({ role: memberships.role, status: memberships.status, email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, ctx.org.id), eq(memberships.userId, ctx.user.id)))
    .for("share", { of: memberships });
  return actingFrom(row, ctx);
}

function actingFrom(row: { role: ActingMember["role"]; status: "active" | "suspended"; email: string; name: string | null } | undefined, ctx: MemberContext): ActingMember {
  if (!row) throw notFound("This organization");
  if (row.status !== "active") throw new AppError("SUSPENDED", "Your access to this organization is suspended.");
  // K2: through an API token the caller is its creator, with the token's role, never above the
  // creator's role of this very moment; a creator demoted below it stops the token.
  const role = ctx.token ? tokenEffectiveRole(ctx.token.role, row) : row.role;
  if (!role) throw new AppError("UNAUTHENTICATED", "This API token no longer works: its creator's role is now below the token's.");
  return {
    userId: ctx.user.id,
    role,
    // Issue 17: a SCIM token is the organization's directory acting (lib/permissions.ts, Actor).
    ...(ctx.token?.kind === "scim" ? { directory: true } : {}),
    email: row.email,
    name: row.name,
    orgId: ctx.org.id,
    orgName: ctx.org.name,
    orgSlug: ctx.org.slug,
  };
}

/**
 * The start of every transaction that changes an organization: its row is locked first (one lock
 * order on every path: organization, then the rows under it), then the caller's membership is
 * read again under that lock (R8), so a role changed or a member removed a moment ago counts.
 * Seat, role, plan-seat, ownership and last-Admin changes start here; a change to the caller's
 * own rows only starts with lockOwnMembership instead (docs/decisions/065).
 */
export async function lockActor(tx: Tx, ctx: MemberContext): Promise<ActingMember & { org: Organization }> {
  const org = await lockOrganization(tx, ctx.org.id);
  return { ...(await actingMember(tx, ctx)), org };
}

/**
 * Issue 17: the directory (a SCIM token) acting on the Admin who created its token. It may not
 * suspend, delete or demote them (lib/permissions.ts): the token acts as its creator and would
 * stop working. The refusal says what to do instead; null when this is not that case.
 */
export function refusedOnTokenCreator(actor: ActingMember, target: { userId: string }, doing: string): string | null {
  if (!actor.directory || actor.userId !== target.userId) return null;
  return `This member created the SCIM token in use: ${doing} them would stop the token from working. Create a SCIM token as another Admin first, then try again with that token.`;
}

/**
 * A member of the caller's organization, locked for the transaction. Another organization's user
 * id, or any id that is not a member here, is simply not found.
 */
export async function targetMember(tx: DbOrTx, orgId: string, userId: string) {
  const [row] = await tx
    .select({
      membershipId: memberships.id,
      userId: users.id,
      role: memberships.role,
      status: memberships.status,
      email: users.email,
      name: users.name,
      firstName: users.firstName,
      lastName: users.lastName,
      phone: users.phone,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .for("update", { of: memberships });
  if (!row) throw notFound("This member");
  return row;
}
