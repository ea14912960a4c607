import { describe, expect, it } from "vitest";
import { canAskToCheckIn, canReassignPlanOf } from "@/lib/permissions";
import { nameList } from "@/lib/seats/seat-help";
import { defaultPlanSeats, nextTier, planSeatsHint, upgradeLabel } from "@/lib/tiers";

/** Issue 14's small rules, exhaustively: who may ask for a check-in, who sees Reassign now, next tier, name lists. */
const roles = ["admin", "manager", "user"] as const;

describe("S1 #14.12 canAskToCheckIn", () => {
  it.each(roles)("S1 #14.12: a %s may ask the holder of someone else's check-out, never himself, never for a checked-in survey", (role) => {
    const me = { userId: "me", role };
    expect(canAskToCheckIn(me, "other")).toBe(true);
    expect(canAskToCheckIn(me, "me")).toBe(false);
    expect(canAskToCheckIn(me, null)).toBe(false);
  });
});

describe("O4 #14.16 canReassignPlanOf", () => {
  it.each(roles)("O4 #14.16: a %s reassigns only as an Admin, and never a plan they subscribe to themselves", (role) => {
    expect(canReassignPlanOf({ userId: "me", role }, "other")).toBe(role === "admin");
    expect(canReassignPlanOf({ userId: "me", role }, "me")).toBe(false);
  });
});

describe("T1 #14.8 tiers", () => {
  it("T1 #14.8: each tier's next tier has more seats; plans start within the tier", () => {
    expect(["free", "essential", "pro", "enterprise"].map((t) => nextTier(t as "free")?.tier ?? null)).toEqual(["essential", "pro", "enterprise", null]);
    expect(upgradeLabel(nextTier("free")!)).toBe("Upgrade to Essential for 6 seats");
    expect([defaultPlanSeats("free"), defaultPlanSeats("essential"), defaultPlanSeats("pro"), defaultPlanSeats("enterprise")]).toEqual([4, 5, 5, 5]);
    expect(planSeatsHint("free")).toContain("4 seats (Free tier)");
  });

  it("#14.12: name lists read as a sentence, with 'and N more' beyond the named", () => {
    expect(nameList([])).toBe("");
    expect(nameList(["Ada"])).toBe("Ada");
    expect(nameList(["Ada", "Alan"])).toBe("Ada and Alan");
    expect(nameList(["Ada", "Alan", "Ana"])).toBe("Ada, Alan and Ana");
    expect(nameList(["Ada", "Alan", "Ana"], 5)).toBe("Ada, Alan, Ana and 2 more");
  });
});
