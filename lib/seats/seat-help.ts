import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberships, users, type Role } from "@/db/schema";
import { canChangeTier } from "@/lib/permissions";
import { nextTier, tierLabels, upgradeLabel } from "@/lib/tiers";
import type { SeatUsage } from "./seat-usage";

/** At most this many Admins are named; the rest are "and N more". */
const NAMED_ADMINS = 3;

export type SeatHelp = {
  /** Every seat of the tier is in use (T1, T2). */
  full: boolean;
  used: number;
  limit: number | null;
  tierLabel: string;
  /** For an Admin (T4): where to buy seats, and what the next tier gives. */
  upgrade: { href: string; label: string } | null;
  /** For everyone else: the Admins to ask, by name ("Ada Admin and Alan Admin", "… and 2 more"). */
  askAdmins: string | null;
};

/** "Ada", "Ada and Alan", "Ada, Alan and Ana", "Ada, Alan, Ana and 2 more". */
export function nameList(names: string[], total = names.length): string {
  const more = total - names.length;
  const parts = more > 0 ? [...names, `${more} more`] : names;
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/** The organization's active Admins by name (the first few) and how many there are. */
export async function adminNames(db: DbOrTx, orgId: string, limit = NAMED_ADMINS): Promise<{ names: string[]; total: number }> {
  const rows = await db
    .select({ name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "admin"), eq(memberships.status, "active")))
    .orderBy(asc(users.name), asc(users.email))
    .limit(50);
  return { names: rows.slice(0, limit).map((r) => r.name ?? r.email), total: rows.length };
}

/**
 * #14.8: what a page says at the seat limit — "N of N", and the way on: an Admin gets the link to
 * Account subscription naming the next tier's seats; anyone else is told which Admins to ask.
 * Pages show this; they never do seat arithmetic themselves. Reads the Admins only when full.
 */
export async function seatHelp(db: DbOrTx, ctx: { orgId: string; orgSlug: string; role: Role }, usage: SeatUsage): Promise<SeatHelp> {
  const full = usage.limit !== null && usage.used >= usage.limit;
  const base = { full, used: usage.used, limit: usage.limit, tierLabel: tierLabels[usage.tier], upgrade: null, askAdmins: null };
  if (!full) return base;
  if (canChangeTier(ctx.role)) {
    const next = nextTier(usage.tier);
    return { ...base, upgrade: next ? { href: `/o/${ctx.orgSlug}/settings/subscription`, label: upgradeLabel(next) } : null };
  }
  const admins = await adminNames(db, ctx.orgId);
  return { ...base, askAdmins: nameList(admins.names, admins.total) };
}
