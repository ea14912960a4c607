import { describe, expect, it } from "vitest";
import { hitInvitationEmailLimit } from "@/lib/rate-limit";
import { setupTestDatabase } from "../support/db";
import { addMember, makeInvitation, makeOrg } from "../support/factories";
import { uniqueEmail } from "../support/state";

/**
 * Issue 14.17: invitation limits per organization and address, and a daily cap on what new
 * organizations (no member but the founder) may reach. The clock is injected (issue 14.25): the
 * middle of a 15-minute window, so no test straddles one.
 */
const t = setupTestDatabase();
const now = new Date(Date.UTC(2026, 5, 10, 10, 7, 30));
const HOUR = 60 * 60 * 1000;

async function newOrganization() {
  const org = await makeOrg(t.db, { tier: "free" });
  const { user } = await addMember(t.db, org.id, "admin");
  return { org, admin: user };
}

async function establishedOrganization() {
  const made = await newOrganization();
  await addMember(t.db, made.org.id, "user");
  return made;
}

/** What Invite Teammate does for one address: the limit, then (if allowed) the invitation row. */
async function invite(o: { org: { id: string }; admin: { id: string } }, email: string, at = now) {
  const limit = await hitInvitationEmailLimit(o.org.id, email, { now: at });
  if (limit.allowed) await makeInvitation(t.db, o.org.id, o.admin.id, { email, sentAt: at });
  return limit.allowed;
}

describe("#14.17 one organization cannot stop another from inviting an address", () => {
  it("I1 #14.17 a third organization can invite an address after two others used their limits on it", async () => {
    const victim = uniqueEmail("victim");
    for (const o of [await newOrganization(), await newOrganization()]) {
      const answers = [];
      for (let i = 0; i < 6; i++) answers.push((await hitInvitationEmailLimit(o.org.id, victim, { now })).allowed);
      await makeInvitation(t.db, o.org.id, o.admin.id, { email: victim, sentAt: now });
      expect(answers).toEqual([true, true, true, true, true, false]);
    }
    expect(await invite(await establishedOrganization(), victim)).toBe(true);
    expect(await invite(await newOrganization(), victim)).toBe(true);
  });

  it("I1 #14.17 twenty throwaway organizations cannot flood one address; an organization with members still can, and the next day starts fresh", async () => {
    const victim = uniqueEmail("flood");
    let admitted = 0;
    for (let i = 0; i < 20; i++) if (await invite(await newOrganization(), victim)) admitted++;
    expect(admitted).toBe(3);
    expect(await invite(await establishedOrganization(), victim)).toBe(true);
    expect(await invite(await newOrganization(), victim, new Date(now.getTime() + 25 * HOUR))).toBe(true);
  });

  it("I1 #14.17 a new organization reaches at most twenty distinct addresses a day; those it invited it may invite again", async () => {
    const o = await newOrganization();
    const addresses = Array.from({ length: 21 }, (_, i) => uniqueEmail(`many${i}`));
    const answers = [];
    for (const email of addresses) answers.push(await invite(o, email));
    expect(answers.filter(Boolean)).toHaveLength(20);
    expect(answers[20]).toBe(false);
    expect((await hitInvitationEmailLimit(o.org.id, addresses[0], { now: new Date(now.getTime() + HOUR) })).allowed).toBe(true);
    // An organization with members is not capped.
    const big = await establishedOrganization();
    for (const email of addresses) expect(await invite(big, email)).toBe(true);
  });
});
