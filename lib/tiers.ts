import type { Tier } from "@/db/schema";

/** T1: seats per tier; null is unlimited. */
export const seatLimits: Record<Tier, number | null> = {
  free: 4,
  essential: 6,
  pro: 10,
  enterprise: null,
};

export const tierLabels: Record<Tier, string> = {
  free: "Free",
  essential: "Essential",
  pro: "Pro",
  enterprise: "Enterprise",
};

export const tiers = Object.keys(seatLimits) as Tier[];

export function seatLimit(tier: Tier): number | null {
  return seatLimits[tier];
}

/** T4's hint, as a sentence: "Remove 2 members or invitations first." */
export function seatsToFreeHint(used: number, limit: number): string {
  const n = used - limit;
  return n === 1 ? "Remove 1 member or invitation first." : `Remove ${n} members or invitations first.`;
}

/**
 * The smallest tier above `tier` with more seats ("Pro, 10 seats"), or null on the largest
 * (#14.8): what an Admin at the seat limit is offered.
 */
export function nextTier(tier: Tier): { tier: Tier; label: string; limit: number | null } | null {
  const current = seatLimits[tier];
  if (current === null) return null;
  const next = tiers.slice(tiers.indexOf(tier) + 1).find((t) => seatLimits[t] === null || seatLimits[t]! > current);
  return next ? { tier: next, label: tierLabels[next], limit: seatLimits[next] } : null;
}

/** "Upgrade to Pro for 10 seats" / "Upgrade to Enterprise for unlimited seats". */
export function upgradeLabel(next: { label: string; limit: number | null }): string {
  return `Upgrade to ${next.label} for ${next.limit === null ? "unlimited" : next.limit} seats`;
}

/**
 * Products (#14.8): the plan seats a new plan starts with — 5, but never more than the
 * organization's tier allows people (a plan's users are members or invitees, each holding an
 * organization seat too).
 */
export function defaultPlanSeats(tier: Tier): number {
  const limit = seatLimits[tier];
  return limit === null ? 5 : Math.min(5, limit);
}

/** The one line beside a plan's seats (#14.8): plan seats are places on the plan, drawn from the organization's people. */
export function planSeatsHint(tier: Tier): string {
  const limit = seatLimits[tier];
  return limit === null
    ? "Each plan user is also a member or invitee of the organization."
    : `Each plan user also holds one of the organization's ${limit} seats (${tierLabels[tier]} tier).`;
}
