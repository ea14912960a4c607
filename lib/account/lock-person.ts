import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { lockOrganization } from "@/lib/seats/reserve-seat";

/**
 * A person's own changes (profile, email confirmation) touch every organization they belong to:
 * those organizations are locked first, in id order, then the person's row — the one lock order
 * of every path (organization, then the rows under it; docs/decisions/005).
 */
export /** The person's organizations, locked in id order, then their user row: the lock order of every path. */
async function lockPerson(tx: Tx, userId: string) {
  const orgs = await tx.select({ orgId: memberships.orgId }).from(memberships).where(eq(memberships.userId, userId)).orderBy(asc(memberships.orgId));
  for (const { orgId } of orgs) await lockOrganization(tx, orgId);
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("no key update");
  if (!user) throw notFound("Your account");
  return { user, orgIds: orgs.map((o) => o.orgId) };
}

/**
 * The person's own profile edit (names, phone, asking for a new email): personal rows only, so no
 * organization is locked (docs/decisions/065). Their memberships are read under FOR SHARE in
 * organization id order — a membership being deleted or changed is waited for, and one deleted a
 * moment ago gets no audit entry — then their user row: the lock order of every path
 * (organization →) membership → the rows under it.
 */
export async function lockOwnMemberships(tx: Tx, userId: string) {
  const orgs = await tx
    .select({ orgId: memberships.orgId })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.orgId))
    .for("share");
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("no key update");
  if (!user) throw notFound("Your account");
  return { user, orgIds: orgs.map((o) => o.orgId) };
}
