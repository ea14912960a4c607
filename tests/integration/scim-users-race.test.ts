import { and, count, eq, sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { emailChangeRequests, memberships, orgDomains, scimIdentities, users } from "@/db/schema";
import { inviteMembers } from "@/lib/invitations/invite-members";
import { SCIM } from "@/lib/scim/constants";
import { seatUsage } from "@/lib/seats/seat-usage";
import { setupTestDatabase } from "../support/db";
import { planWorld } from "../support/plans";
import { itRace } from "../support/race";
import { scimClient, scimTokenFor, type ScimResult } from "../support/scim";
import { backendPid, waitUntilBlockedBy } from "../support/locks";
import { uniqueEmail } from "../support/state";

/**
 * T5 with C1: SCIM requests that arrive at the same moment, on many connections (PostgreSQL only:
 * on PGlite they would run one after another and prove nothing — itRace skips them there, loudly,
 * and fails them in CI). Every seat-taking path locks the organization's row first, so however the
 * requests interleave, seats used never pass the tier's limit and a retried create makes one member.
 */
const t = setupTestDatabase({ poolSize: 60 });
const rounds = Number(process.env.SEATWISE_CONCURRENCY_ROUNDS ?? 5);

function person(email: string, extra: Record<string, unknown> = {}) {
  return { schemas: [SCIM.user], userName: email, name: { givenName: "Race", familyName: "Runner" }, emails: [{ primary: true, value: email, type: "work" }], active: true, ...extra };
}

/** planWorld on the Free tier (4 seats) with user2 gone: one seat free. */
async function oneSeatFree() {
  const w = await planWorld(t.db, { tier: "free" });
  await t.db.delete(memberships).where(and(eq(memberships.orgId, w.org.id), eq(memberships.userId, w.user2.id)));
  const scim = scimClient(w.org.slug, (await scimTokenFor(w.ctx.admin, "Okta")).token);
  return { ...w, scim };
}

function expectSeatRefusal(answer: ScimResult) {
  expect(answer.status).toBe(409);
  expect(answer.body).toMatchObject({ schemas: [SCIM.error], status: "409" });
  expect(answer.body.detail).toMatch(/Free tier, which allows 4 seats/);
}

describe("T5 C1 SCIM creates racing for seats", () => {
  itRace(`T5 C1: 50 concurrent POST /Users for the last free seat, ${rounds} rounds: exactly one 201, 49 SCIM errors, never over the limit`, async () => {
    for (let round = 0; round < rounds; round++) {
      const w = await oneSeatFree();
      const emails = Array.from({ length: 50 }, () => uniqueEmail(`r${round}`));
      const answers = await Promise.all(emails.map((email) => w.scim("POST", "/Users", person(email))));
      const created = answers.filter((a) => a.status === 201);
      expect(created).toHaveLength(1);
      for (const refused of answers.filter((a) => a.status !== 201)) expectSeatRefusal(refused);
      const usage = await seatUsage(t.db, w.org.id);
      expect(usage).toMatchObject({ used: 4, limit: 4 });
      // Nothing of the 49 refused creates was left behind: no account, no identity.
      const [{ accounts }] = await t.db
        .select({ accounts: count() })
        .from(users)
        .where(sql`${users.email} in (${sql.join(emails.map((e) => sql`${e}`), sql`, `)})`);
      expect(accounts).toBe(1);
      const [{ identities }] = await t.db.select({ identities: count() }).from(scimIdentities).where(eq(scimIdentities.orgId, w.org.id));
      expect(identities).toBe(1);
    }
  }, 120_000);

  itRace(`C1: the same create sent twice at once (a timed-out retry), ${rounds * 2} rounds: one member, one 201 and one 409 uniqueness`, async () => {
    for (let round = 0; round < rounds * 2; round++) {
      const w = await oneSeatFree();
      const email = uniqueEmail(`twice${round}`);
      const answers = await Promise.all([w.scim("POST", "/Users", person(email, { externalId: `x-${round}` })), w.scim("POST", "/Users", person(email, { externalId: `x-${round}` }))]);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
      expect(answers.find((a) => a.status === 409)!.body.scimType).toBe("uniqueness");
      const [{ n }] = await t.db
        .select({ n: count() })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.orgId, w.org.id), eq(users.email, email)));
      expect(n).toBe(1);
      const [{ accounts }] = await t.db.select({ accounts: count() }).from(users).where(eq(users.email, email));
      expect(accounts).toBe(1);
    }
  }, 120_000);

  itRace("C1: an account of the same address made by another organization while a create runs: the create waits for it and joins that account, never a unique-violation error", async () => {
    const a = await oneSeatFree();
    const email = uniqueEmail("both");
    let answer: Promise<ScimResult> | undefined;
    const madeElsewhere = await t.db.transaction(async (tx) => {
      const [row] = await tx.insert(users).values({ email }).returning({ id: users.id });
      answer = a.scim("POST", "/Users", person(email));
      // The create is queued behind this uncommitted account on the address's unique index.
      await waitUntilBlockedBy(t.db, await backendPid(tx));
      return row.id;
    });
    const created = await answer!;
    expect(created.status).toBe(201);
    expect(created.body.id).toBe(madeElsewhere);
    const [{ accounts }] = await t.db.select({ accounts: count() }).from(users).where(eq(users.email, email));
    expect(accounts).toBe(1);
  }, 60_000);

  itRace("R2 D1: another organization adding the person while the directory moves their email onto its verified domain: the move waits, sees the person shared, and is only asked", async () => {
    const a = await oneSeatFree();
    const b = await oneSeatFree();
    await t.db.insert(orgDomains).values({ orgId: a.org.id, domain: "a-race.test", status: "verified", verificationEmail: "it@a-race.test" });
    const { body } = await a.scim("POST", "/Users", person(uniqueEmail("shared")));
    let answer: Promise<ScimResult> | undefined;
    await t.db.transaction(async (tx) => {
      // Organization B admits the person (uncommitted): a membership row that references them.
      await tx.insert(memberships).values({ orgId: b.org.id, userId: body.id, role: "user" });
      answer = a.scim("PATCH", `/Users/${body.id}`, { schemas: [SCIM.patchOp], Operations: [{ op: "replace", path: 'emails[type eq "work"].value', value: "moved@a-race.test" }] });
      await waitUntilBlockedBy(t.db, await backendPid(tx));
    });
    expect((await answer!).status).toBe(200);
    const [row] = await t.db.select({ email: users.email }).from(users).where(eq(users.id, body.id));
    expect(row.email).toBe(body.userName);
    const [pending] = await t.db.select().from(emailChangeRequests).where(and(eq(emailChangeRequests.userId, body.id), eq(emailChangeRequests.status, "pending")));
    expect(pending?.newEmail).toBe("moved@a-race.test");
  }, 60_000);

  itRace("C1: the same new person created by two organizations at once, 10 rounds: both succeed on one account", async () => {
    for (let round = 0; round < 10; round++) {
      const a = await oneSeatFree();
      const b = await oneSeatFree();
      const email = uniqueEmail(`both${round}`);
      const answers = await Promise.all([a.scim("POST", "/Users", person(email)), b.scim("POST", "/Users", person(email))]);
      expect(answers.map((x) => x.status)).toEqual([201, 201]);
      expect(answers[0].body.id).toBe(answers[1].body.id);
      const [{ accounts }] = await t.db.select({ accounts: count() }).from(users).where(eq(users.email, email));
      expect(accounts).toBe(1);
    }
  }, 120_000);

  itRace(`T5 C1 C2 R9: suspend, re-activate, restore, create and page invitations racing for one seat, ${rounds} rounds: one seat taken, never over`, async () => {
    for (let round = 0; round < rounds; round++) {
      const w = await oneSeatFree();
      // A member suspended (holding their seat) and one removed earlier by SCIM (identity kept).
      expect((await w.scim("PATCH", `/Users/${w.user.id}`, { schemas: [SCIM.patchOp], Operations: [{ op: "replace", value: { active: false } }] })).status).toBe(200);
      const gone = uniqueEmail(`gone${round}`);
      const first = await w.scim("POST", "/Users", person(gone, { externalId: `gone-${round}` }));
      expect((await w.scim("DELETE", `/Users/${first.body.id}`)).status).toBe(204);

      const seatTakers = [
        ...Array.from({ length: 10 }, () => w.scim("POST", "/Users", person(uniqueEmail(`new${round}`)))),
        w.scim("POST", "/Users", person(gone, { externalId: `gone-${round}` })),
        inviteMembers(w.ctx.admin, { emails: [uniqueEmail(`inv${round}`)], role: "user", firstName: undefined, lastName: undefined }, { baseUrl: "http://localhost:3000" }).then((results) => ({
          status: results.every((r) => r.outcome === "invited") ? 201 : 409,
        })),
      ];
      const others = [
        w.scim("PATCH", `/Users/${w.user.id}`, { schemas: [SCIM.patchOp], Operations: [{ op: "replace", value: { active: true } }] }),
        w.scim("PATCH", `/Users/${w.manager.id}`, { schemas: [SCIM.patchOp], Operations: [{ op: "replace", value: { active: false } }] }),
      ];
      const [taken, changed] = await Promise.all([Promise.all(seatTakers), Promise.all(others)]);
      expect(taken.filter((a) => a.status === 201)).toHaveLength(1);
      for (const answer of taken.filter((a) => a.status !== 201)) expect(answer.status).toBe(409);
      // Re-activating and suspending take no seat: each is done whatever order the others ran in.
      expect(changed.map((a) => a.status)).toEqual([200, 200]);
      const usage = await seatUsage(t.db, w.org.id);
      expect(usage).toMatchObject({ used: 4, limit: 4 });
    }
  }, 180_000);
});
