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
