import { plural } from "@/lib/format";

/** How a plan's seats read on every page (P1, P3): "4 of 5 seats used", "12 users (unlimited)", "One user". */
export function planSeatMeter(
  userMode: "several" | "unlimited" | "single",
  usage: { limit: number | null; used: number; users: number; pendingInvitations: number },
): string {
  if (userMode === "single") return "One user";
  if (usage.limit === null) return `${usage.used} user${usage.used === 1 ? "" : "s"} (unlimited)`;
  return `${usage.used} of ${usage.limit} seats used`;
}

/** "3 plan users, 1 pending invitation" — who holds a plan's seats. */
export function planSeatBreakdown(usage: { users: number; pendingInvitations: number }): string {
  return `${plural(usage.users, "plan user")}, ${plural(usage.pendingInvitations, "pending invitation")}`;
}

export const userModeLabels = {
  several: "Several users · seats bought",
  unlimited: "Unlimited users",
  single: "One user",
} as const;
