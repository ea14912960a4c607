import { inject, it } from "vitest";

/**
 * Races are proven on PostgreSQL only. On PGlite there is one connection and calls run one after
 * another, so a race test there would pass whatever the code does: it is skipped, loudly, and with
 * SEATWISE_REQUIRE_RACES=1 (set by .ci/run) it fails instead, so CI can never go green on a
 * skipped race.
 */
export const racesRunHere = inject("seatwiseTemplate").kind === "postgres";

const reason = "needs PostgreSQL (TEST_DATABASE_URL): on PGlite calls run one after another and prove nothing";

export function itRace(name: string, fn: () => Promise<void>, timeout?: number) {
  if (racesRunHere) return it(name, fn, timeout);
  if (process.env.SEATWISE_REQUIRE_RACES === "1") {
    return it(name, () => {
      throw new Error(`Race test cannot run: it ${reason}.`);
    });
  }
  console.warn(`\n  SKIPPED race test "${name}": it ${reason}.\n`);
  return it.skip(`${name} [skipped: ${reason}]`, fn, timeout);
}
