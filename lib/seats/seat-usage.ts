import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { selectRows, type DbOrTx } from "@/db/client";
import { invitations, memberships, organizations, type Tier } from "@/db/schema";
import { plural } from "@/lib/format";
import { seatLimit } from "@/lib/tiers";

export type SeatUsage = {
  tier: Tier;
  limit: number | null;
  members: number;
  pendingInvitations: number;
  used: number;
};

/**
 * SPEC T2 as SQL: seats used = members (suspended included) + live invitations (pending, not
 * expired). An expired or revoked invitation stops counting the moment it expires or is revoked.
 * A supplier invitation (I6) makes a new organization and holds no seat of this one. Reads that
 * show the seat meter beside their rows (the Users page) put these in their own statement.
 */
export function seatCountsSql(orgId: string | SQL, now = new Date()) {
  return {
    members: sql<number>`(select count(*)::int from ${memberships} where ${memberships.orgId} = ${orgId})`,
    pendingInvitations: sql<number>`(
      select count(*)::int from ${invitations}
      where ${invitations.orgId} = ${orgId} and ${invitations.kind} = 'member'
        and ${invitations.status} = 'pending' and ${invitations.expiresAt} > ${now.toISOString()}::timestamptz)`,
  };
}

export function toSeatUsage(row: { tier: Tier; members: number | string; pendingInvitations: number | string }): SeatUsage {
  const members = Number(row.members);
  const pendingInvitations = Number(row.pendingInvitations);
  return { tier: row.tier, limit: seatLimit(row.tier), members, pendingInvitations, used: members + pendingInvitations };
}

export async function seatUsage(db: DbOrTx, orgId: string, now = new Date()): Promise<SeatUsage> {
  const counts = seatCountsSql(orgId, now);
  const [row] = await selectRows<{ tier: Tier; members: number; pendingInvitations: number }>(
    db,
    sql`select ${organizations.tier} as tier, ${counts.members} as members, ${counts.pendingInvitations} as "pendingInvitations"
        from ${organizations} where ${organizations.id} = ${orgId}`,
  );
  if (!row) throw new Error(`seatUsage: no organization ${orgId}`);
  return toSeatUsage(row);
}

/** "1 member, 3 pending invitations": who holds the seats in use, for messages and headers. */
export function seatHolders(usage: Pick<SeatUsage, "members" | "pendingInvitations">): string {
  return `${plural(usage.members, "member")}, ${plural(usage.pendingInvitations, "pending invitation")}`;
}
