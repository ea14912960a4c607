import "server-only";
import { and, count, eq, gt } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invitations, memberships, organizations, type Tier } from "@/db/schema";
import { seatLimit } from "@/lib/tiers";

export type SeatUsage = {
  tier: Tier;
  limit: number | null;
  members: number;
  pendingInvitations: number;
  used: number;
};

/**
 * SPEC T2: seats used = members (suspended included) + live invitations (pending, not expired).
 * An expired or revoked invitation stops counting the moment it expires or is revoked. A supplier
 * invitation (I6) makes a new organization and holds no seat of this one.
 */
export async function seatUsage(db: DbOrTx, orgId: string, now = new Date()): Promise<SeatUsage> {
  const [[org], [m], [i]] = await Promise.all([
    db.select({ tier: organizations.tier }).from(organizations).where(eq(organizations.id, orgId)),
    db.select({ n: count() }).from(memberships).where(eq(memberships.orgId, orgId)),
    db
      .select({ n: count() })
      .from(invitations)
      .where(
        and(
          eq(invitations.orgId, orgId),
          eq(invitations.kind, "member"),
          eq(invitations.status, "pending"),
          gt(invitations.expiresAt, now),
        ),
      ),
  ]);
  if (!org) throw new Error(`seatUsage: no organization ${orgId}`);
  return {
    tier: org.tier,
    limit: seatLimit(org.tier),
    members: m.n,
    pendingInvitations: i.n,
    used: m.n + i.n,
  };
}

/** "1 member, 3 pending invitations": who holds the seats in use, for messages and headers. */
export function seatHolders(usage: Pick<SeatUsage, "members" | "pendingInvitations">): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(usage.members, "member")}, ${plural(usage.pendingInvitations, "pending invitation")}`;
}
