import { and, count, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { memberships, scimGroupMembers } from "@/db/schema";
import { planSeatCounts } from "@/lib/plans/plan-seats";
import { SCIM } from "@/lib/scim/constants";
import { setupTestDatabase } from "../support/db";
import { addMember } from "../support/factories";
import { contextOf, planWorld, roleOf } from "../support/plans";
import { itRace } from "../support/race";
import { scimClient, scimTokenFor } from "../support/scim";
import { addNamedMember } from "../support/state";

// Enough connections that the SCIM requests below really run at the same time on PostgreSQL; on
// PGlite they would run one after another and prove nothing, so itRace skips them there, loudly.
const t = setupTestDatabase({ poolSize: 25 });
const rounds = Number(process.env.SEATWISE_CONCURRENCY_ROUNDS ?? 5);

const addOp = (id: string) => ({ schemas: [SCIM.patchOp], Operations: [{ op: "add", path: "members", value: [{ value: id }] }] });
const removeOp = (id: string) => ({ schemas: [SCIM.patchOp], Operations: [{ op: "remove", path: `members[value eq "${id}"]` }] });

async function admins(orgId: string) {
  const [{ n }] = await t.db.select({ n: count() }).from(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.role, "admin"), eq(memberships.status, "active")));
  return n;
}

describe("C4 group changes at the same moment", () => {
  itRace(`P3 T5 C4: 20 concurrent PATCHes adding 20 different members to a plan group with one free plan seat add exactly one, ${rounds} times`, async () => {
    for (let round = 0; round < rounds; round++) {
      // PDoc Share with 3 seats: the Admin and the Manager hold two.
      const w = await planWorld(t.db, { tier: "enterprise", seats: 3 });
      const scim = scimClient(w.org.slug, (await scimTokenFor(w.ctx.admin)).token);
      const group = (await scim("POST", "/Groups", { schemas: [SCIM.group], displayName: "PDoc Share", members: [] })).body.id as string;
      const candidates = [];
      for (let i = 0; i < 20; i++) candidates.push((await addMember(t.db, w.org.id, "user")).user);
      const answers = await Promise.all(candidates.map((c) => scim("PATCH", `/Groups/${group}`, addOp(c.id))));
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 204)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(19);
      for (const refused of answers.filter((a) => a.status === 409)) {
        expect(refused.body).toMatchObject({ schemas: [SCIM.error], status: "409" });
        expect(refused.body.detail).toContain("PDoc Share has 3 seats");
      }
      expect((await planSeatCounts(t.db, [w.plan.id])).get(w.plan.id)).toEqual({ users: 3, pendingInvitations: 0 });
      // The group lists exactly the one who got the seat: a refused PATCH wrote nothing.
      const listed = await t.db.select({ userId: scimGroupMembers.userId }).from(scimGroupMembers).where(eq(scimGroupMembers.groupId, group));
      expect(listed.map((r) => r.userId)).toEqual([candidates[statuses.indexOf(204)].id]);
    }
  });

  itRace(`R7 C4: concurrent removals of every Admin from Admins never leave the organization without one, ${rounds} times`, async () => {
    for (let round = 0; round < rounds; round++) {
      const w = await planWorld(t.db, { tier: "enterprise" });
      const others = [];
      for (let i = 0; i < 4; i++) others.push((await addNamedMember(t.db, w.org.id, "admin")).user);
      const scim = scimClient(w.org.slug, (await scimTokenFor(w.ctx.admin)).token);
      const everyone = [w.admin, ...others];
      const group = (await scim("POST", "/Groups", { schemas: [SCIM.group], displayName: "Admins", members: everyone.map((p) => ({ value: p.id })) })).body.id as string;
      const answers = await Promise.all(everyone.map((p) => scim("PATCH", `/Groups/${group}`, removeOp(p.id))));
      // Every other Admin is demoted; the token's creator is not (403), so an Admin remains.
      expect(answers.map((a) => a.status)).toEqual([403, 204, 204, 204, 204]);
      expect(await admins(w.org.id)).toBe(1);
      expect(await roleOf(t.db, w.org.id, w.admin.id)).toBe("admin");
    }
  });

  itRace(`R7 C4: two Admins' SCIM tokens each removing the other from Admins at once: exactly one wins and one Admin remains, ${rounds} times`, async () => {
    for (let round = 0; round < rounds; round++) {
      const w = await planWorld(t.db, { tier: "enterprise" });
      const second = (await addNamedMember(t.db, w.org.id, "admin")).user;
      const first = scimClient(w.org.slug, (await scimTokenFor(w.ctx.admin, "Okta")).token);
      const other = scimClient(w.org.slug, (await scimTokenFor(contextOf(w.org, second, "admin"), "Entra")).token);
      const group = (await first("POST", "/Groups", { schemas: [SCIM.group], displayName: "Admins", members: [{ value: w.admin.id }, { value: second.id }] })).body.id as string;
      const [a, b] = await Promise.all([first("PATCH", `/Groups/${group}`, removeOp(second.id)), other("PATCH", `/Groups/${group}`, removeOp(w.admin.id))]);
      const statuses = [a.status, b.status].sort();
      // The loser's token stops working the moment its creator is no longer an Admin (K2): 401.
      expect(statuses).toEqual([204, 401]);
      expect(await admins(w.org.id)).toBe(1);
    }
  });
});
