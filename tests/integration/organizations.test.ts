import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, invitations, memberships, organizations } from "@/db/schema";
import { createOrganization, createOrganizationSchema, slugify } from "@/lib/orgs/create-organization";
import { hitRateLimit } from "@/lib/rate-limit";
import { seatUsage } from "@/lib/seats/seat-usage";
import { setupTestDatabase } from "../support/db";
import { addMember, makeInvitation, makeOrgWithMembers, makeUser } from "../support/factories";

const t = setupTestDatabase();

describe("I5 create your organization", () => {
  it("I5: the creator becomes its Admin, on the Free tier, and it is audited (A1)", async () => {
    const user = await makeUser(t.db);
    const org = await createOrganization({ userId: user.id, name: "Foundry Ltd" });
    expect(org.tier).toBe("free");
    expect(org.slug).toBe("foundry-ltd");
    const [m] = await t.db.select().from(memberships).where(eq(memberships.orgId, org.id));
    expect(m).toMatchObject({ userId: user.id, role: "admin", status: "active" });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.orgId, org.id));
    expect(audit.map((a) => a.action)).toEqual(["organization.created"]);
    expect(audit[0].actorId).toBe(user.id);
  });

  it("I5: a second organization with the same name gets its own slug", async () => {
    const user = await makeUser(t.db);
    const a = await createOrganization({ userId: user.id, name: "Twin Co" });
    const b = await createOrganization({ userId: user.id, name: "Twin Co" });
    expect(a.slug).not.toBe(b.slug);
    const mine = await t.db.select().from(memberships).where(eq(memberships.userId, user.id));
    expect(mine).toHaveLength(2);
  });

  it("I5: names are validated: too short, too long, missing", () => {
    expect(createOrganizationSchema.safeParse({ name: " a " }).success).toBe(false);
    expect(createOrganizationSchema.safeParse({ name: "x".repeat(81) }).success).toBe(false);
    expect(createOrganizationSchema.safeParse({}).success).toBe(false);
    expect(createOrganizationSchema.parse({ name: "  Acme  " })).toEqual({ name: "Acme" });
    expect(slugify("Ébène & Co!")).toBe("ebene-co");
  });
});

describe("T2 seats used", () => {
  it("T2: members (suspended included) plus live invitations; expired and revoked ones free their seat", async () => {
    const { org, members } = await makeOrgWithMembers(t.db, "free", ["admin", "user"]);
    const admin = members[0].user;
    const suspended = await addMember(t.db, org.id, "user");
    await t.db.update(memberships).set({ status: "suspended" }).where(eq(memberships.id, suspended.membership.id));
    await makeInvitation(t.db, org.id, admin.id);
    await makeInvitation(t.db, org.id, admin.id, { expiresAt: new Date(Date.now() - 1000) });
    await makeInvitation(t.db, org.id, admin.id, { status: "revoked" });
    await makeInvitation(t.db, org.id, admin.id, { status: "accepted" });
    const usage = await seatUsage(t.db, org.id);
    expect(usage).toMatchObject({ limit: 4, members: 3, pendingInvitations: 1, used: 4 });
    // The live invitation expires: its seat is free at once, with no job to run.
    await t.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .where(and(eq(invitations.orgId, org.id), eq(invitations.status, "pending")));
    expect((await seatUsage(t.db, org.id)).used).toBe(3);
    const [row] = await t.db.select().from(organizations).where(eq(organizations.id, org.id));
    expect(row.tier).toBe("free");
  });
});

describe("rate limits are counted in the database", () => {
  it("allows the limit, refuses the next, and starts again in the next window", async () => {
    const rule = { limit: 3, windowSeconds: 60 };
    const now = new Date("2026-01-01T10:00:10Z");
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hitRateLimit("email:a@example.test", rule, { now }));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3].retryAfterSeconds).toBe(50);
    const later = await hitRateLimit("email:a@example.test", rule, { now: new Date("2026-01-01T10:01:01Z") });
    expect(later.allowed).toBe(true);
  });
});
