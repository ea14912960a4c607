import { describe, expect, it } from "vitest";
import type { MemberContext } from "@/lib/auth/session";
import { listAuditEntries } from "@/lib/audit/queries";
import { recordAudit } from "@/lib/audit";
import { listMembers, MEMBERS_PAGE_SIZE } from "@/lib/members/queries";
import { setupTestDatabase } from "../support/db";
import { addMember, makeInvitation, makeOrgWithMembers } from "../support/factories";

const t = setupTestDatabase();

async function orgContext(tier: "pro" | "enterprise", role: "admin" | "manager" | "user" = "admin") {
  const { org, members } = await makeOrgWithMembers(t.db, tier, [role]);
  const me = members[0];
  const ctx: MemberContext = {
    user: { id: me.user.id, email: me.user.email, name: me.user.name },
    org: { id: org.id, slug: org.slug, name: org.name, tier: org.tier, kind: org.kind },
    membership: { id: me.membership.id, role: me.membership.role, status: me.membership.status },
  };
  return { org, ctx, me };
}

describe("Users page reads", () => {
  it("T2: search and pagination run in the database; the seat meter counts members and live invitations", async () => {
    const { org, ctx, me } = await orgContext("enterprise");
    for (let i = 0; i < 60; i++) {
      await addMember(t.db, org.id, "user", { email: `worker${String(i).padStart(2, "0")}@foundry.test`, name: `Worker ${i}` });
    }
    await addMember(t.db, org.id, "manager", { email: "zed@foundry.test", name: "Zed Quartermaster" });
    await makeInvitation(t.db, org.id, me.user.id);
    // Another organization's members never show.
    const other = await makeOrgWithMembers(t.db, "pro", ["admin", "user"]);

    // Members and pending invitations are one list (issue 10); "active" leaves the invitation out.
    expect((await listMembers(ctx, {})).total).toBe(63);
    const first = await listMembers(ctx, { status: "active" });
    expect(first.total).toBe(62);
    expect(first.rows).toHaveLength(MEMBERS_PAGE_SIZE);
    expect(first.pageCount).toBe(Math.ceil(62 / MEMBERS_PAGE_SIZE));
    const last = await listMembers(ctx, { status: "active", page: first.pageCount });
    expect(last.rows).toHaveLength(62 - MEMBERS_PAGE_SIZE * (first.pageCount - 1));
    const everyone = new Set([...first.rows, ...last.rows].map((r) => r.userId));
    for (const m of other.members) expect(everyone.has(m.user.id)).toBe(false);

    expect((await listMembers(ctx, { q: "quarter" })).rows.map((r) => r.email)).toEqual(["zed@foundry.test"]);
    expect((await listMembers(ctx, { q: "WORKER1" })).total).toBe(10);
    // LIKE wildcards typed by a person are literal.
    expect((await listMembers(ctx, { q: "%" })).total).toBe(0);
    expect(first.seats).toMatchObject({ members: 62, pendingInvitations: 1, used: 63, limit: null });
  });

  it("R5: each row says why Delete User is disabled", async () => {
    const { org, ctx } = await orgContext("pro");
    const owner = await addMember(t.db, org.id, "user", { name: "Aaron Owner" });
    const { makeSurvey } = await import("../support/factories");
    await makeSurvey(t.db, org.id, owner.user.id);
    const { rows } = await listMembers(ctx, { q: "Aaron" });
    expect(rows[0].dependents.surveys).toBe(1);
    expect(rows[0].deleteBlockedReason).toMatch(/survey/);
  });
});

describe("A1 Activity", () => {
  it("A1: Admins read the log newest first, filtered by member and action, paginated in the database", async () => {
    const { org, ctx, me } = await orgContext("pro");
    const other = await addMember(t.db, org.id, "manager");
    for (let i = 0; i < 55; i++) {
      await recordAudit(t.db, {
        orgId: org.id,
        actor: i % 2 ? { id: me.user.id, email: me.user.email } : { id: other.user.id, email: other.user.email },
        action: i % 5 === 0 ? "member.deleted" : "member.updated",
        after: { i },
      });
    }
    const page1 = await listAuditEntries(ctx, {});
    expect(page1.total).toBe(55);
    expect(page1.rows).toHaveLength(50);
    expect((page1.rows[0].after as { i: number }).i).toBe(54);
    expect((await listAuditEntries(ctx, { page: 2 })).rows).toHaveLength(5);
    expect((await listAuditEntries(ctx, { action: "member.deleted" })).total).toBe(11);
    expect((await listAuditEntries(ctx, { actorId: other.user.id })).total).toBe(28);
  });

  it("A1: Managers and Users cannot read the log", async () => {
    for (const role of ["manager", "user"] as const) {
      const { ctx } = await orgContext("pro", role);
      await expect(listAuditEntries(ctx, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
