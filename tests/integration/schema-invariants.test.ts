import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, memberships, ownershipTransfers, plans, products } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { setupTestDatabase } from "../support/db";
import { addMember, makeOrg, makeOrgWithMembers, makePlan, makeSurvey, makeUser } from "../support/factories";

const t = setupTestDatabase();

/** The database error of a refused statement (drizzle wraps the driver's error as its cause). */
async function refused(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const e = error as { cause?: { code?: string; message?: string }; code?: string; message?: string };
    return `${e.cause?.code ?? e.code ?? ""} ${e.cause?.message ?? e.message ?? ""}`;
  }
  throw new Error("expected the database to refuse the statement");
}

describe("the schema keeps the invariants itself", () => {
  it("SPEC §1: one membership per user and organization", async () => {
    const { org, members } = await makeOrgWithMembers(t.db, "free", ["admin"]);
    const err = await refused(
      t.db.insert(memberships).values({ orgId: org.id, userId: members[0].user.id, role: "user" }),
    );
    expect(err).toMatch(/23505|unique/);
  });

  it("SPEC §1: emails are unique case-insensitively", async () => {
    await makeUser(t.db, { email: "same@example.test" });
    expect(await refused(makeUser(t.db, { email: "SAME@example.test" }))).toMatch(/23505|unique/);
  });

  it("P1: a plan's subscriber is never null and must be a member of the plan's organization", async () => {
    const { org } = await makeOrgWithMembers(t.db, "pro", ["admin"]);
    const outsider = await makeUser(t.db);
    expect(
      await refused(t.db.insert(plans).values({ orgId: org.id, productId: "pdoc_share", subscriberId: outsider.id })),
    ).toMatch(/23503|foreign key/);
    expect(
      await refused(
        t.db.execute(sql`insert into plans (org_id, product_id, subscriber_id) values (${org.id}, 'pdoc_share', null)`),
      ),
    ).toMatch(/23502|null/);
  });

  it("R5: the database refuses to delete a member who owns surveys or subscribes to a plan", async () => {
    const { org, members } = await makeOrgWithMembers(t.db, "pro", ["admin", "user", "manager"]);
    const [, owner, subscriber] = members;
    await makeSurvey(t.db, org.id, owner.user.id);
    await makePlan(t.db, org.id, subscriber.user.id);
    expect(await refused(t.db.delete(memberships).where(eq(memberships.id, owner.membership.id)))).toMatch(
      /23503|foreign key/,
    );
    expect(await refused(t.db.delete(memberships).where(eq(memberships.id, subscriber.membership.id)))).toMatch(
      /23503|foreign key/,
    );
  });

  it("O1: one live transfer per plan", async () => {
    const { org, members } = await makeOrgWithMembers(t.db, "pro", ["admin", "user", "user"]);
    const plan = await makePlan(t.db, org.id, members[0].user.id);
    const offer = (toUserId: string) =>
      t.db.insert(ownershipTransfers).values({
        planId: plan.id,
        orgId: org.id,
        fromUserId: members[0].user.id,
        toUserId,
        expiresAt: new Date(Date.now() + 86_400_000),
      });
    await offer(members[1].user.id);
    expect(await refused(offer(members[2].user.id))).toMatch(/23505|unique/);
    // Once the first is resolved, a new one may be made.
    await t.db.update(ownershipTransfers).set({ state: "cancelled" }).where(eq(ownershipTransfers.planId, plan.id));
    await offer(members[2].user.id);
  });

  it("A1: the audit log cannot be edited or deleted, even by SQL", async () => {
    const org = await makeOrg(t.db);
    await recordAudit(t.db, { orgId: org.id, actor: null, action: "test.entry", after: { x: 1 } });
    expect(await refused(t.db.update(auditLog).set({ action: "rewritten" }))).toMatch(/append-only/);
    expect(await refused(t.db.delete(auditLog))).toMatch(/append-only/);
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.orgId, org.id));
    expect(rows.map((r) => r.action)).toEqual(["test.entry"]);
  });

  it("P5: the product catalogue of SPEC §5 is present with its permissions", async () => {
    const rows = await t.db.select().from(products);
    expect(rows.map((p) => p.name).sort()).toEqual(
      ["Company Profile", "Corrective Actions", "Custom Plan", "PDoc Share", "Service", "Supplier Evaluations"].sort(),
    );
    const byId = Object.fromEntries(rows.map((p) => [p.id, p]));
    expect(byId.company_profile.userMode).toBe("single");
    expect(byId.custom_plan.userMode).toBe("unlimited");
    expect(byId.service.supplierOnly).toBe(true);
  });

  it("P3: a plan place is held by a member or an invitation, never both or neither", async () => {
    const { org, members } = await makeOrgWithMembers(t.db, "pro", ["admin"]);
    const plan = await makePlan(t.db, org.id, members[0].user.id);
    const stranger = await addMember(t.db, (await makeOrg(t.db)).id, "user");
    expect(
      await refused(t.db.execute(sql`insert into plan_users (plan_id, org_id) values (${plan.id}, ${org.id})`)),
    ).toMatch(/23514|check/);
    // A member of another organization cannot hold a place on this plan.
    expect(
      await refused(
        t.db.execute(
          sql`insert into plan_users (plan_id, org_id, user_id) values (${plan.id}, ${org.id}, ${stranger.user.id})`,
        ),
      ),
    ).toMatch(/23503|foreign key/);
  });
});
