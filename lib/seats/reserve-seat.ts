import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { organizations } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { tierLabels } from "@/lib/tiers";
import { seatHolders, seatUsage, type SeatUsage } from "./seat-usage";
import { emitEvent } from "@/lib/webhooks/emit";

/**
 * Locks the organization's row for the rest of the transaction. Every seat-changing path and
 * every R7 check takes this lock first, so they run one at a time per organization, on however
 * many server processes (T5). FOR NO KEY UPDATE: it excludes every other taker of this lock, but
 * not the KEY SHARE lock that inserting a row referencing the organization takes (an audit entry,
 * a notification), so such an insert elsewhere never waits on it — and never deadlocks with it.
 */
export async function lockOrganization(tx: Tx, orgId: string) {
  const [org] = await tx.select().from(organizations).where(eq(organizations.id, orgId)).for("no key update");
  if (!org) throw notFound("This organization");
  return org;
}

export function seatLimitMessage(orgName: string, usage: SeatUsage) {
  return (
    `${orgName} is on the ${tierLabels[usage.tier]} tier, which allows ${usage.limit} seats, and ` +
    `${usage.used} ${usage.used === 1 ? "is" : "are"} in use (${seatHolders(usage)}). ` +
    "Revoke a pending invitation or remove a member to free a seat, or ask an Admin to move to a larger tier."
  );
}

/**
 * SPEC T5 (and T3): takes `count` more seats, or refuses with SEAT_LIMIT. Locks the organization
 * row, counts, and lets the caller write — all inside the caller's transaction, so no two
 * reservations can both see the last free seat. With `count` 0 it re-checks that the
 * organization is within its limit (acceptance and re-activation, which use a seat already held).
 * Used by invite, resend of an expired invitation, accept, re-activate and plan invitations.
 */
export async function reserveSeats(tx: Tx, orgId: string, count = 1): Promise<SeatUsage> {
  const org = await lockOrganization(tx, orgId);
  const usage = await seatUsage(tx, orgId);
  if (usage.limit !== null && usage.used + count > usage.limit) {
    throw new AppError("SEAT_LIMIT", seatLimitMessage(org.name, usage));
  }
  // W1: the seat this reservation takes is the last one; the event commits only with the change.
  if (count > 0 && usage.limit !== null && usage.used + count === usage.limit) {
    await emitEvent(tx, { orgId, type: "seats.limit_reached", data: { tier: usage.tier, limit: usage.limit, used: usage.used + count } });
  }
  return usage;
}
