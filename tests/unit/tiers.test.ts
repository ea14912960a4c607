import { describe, expect, it } from "vitest";
import { seatLimit, tiers } from "@/lib/tiers";

describe("T1 seat limits per tier", () => {
  it.each([
    ["free", 4],
    ["essential", 6],
    ["pro", 10],
    ["enterprise", null],
  ] as const)("T1: %s allows %s seats", (tier, limit) => {
    expect(seatLimit(tier)).toBe(limit);
  });

  it("T1: every tier of the schema has a limit", () => {
    expect(tiers).toEqual(["free", "essential", "pro", "enterprise"]);
  });
});
