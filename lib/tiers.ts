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
