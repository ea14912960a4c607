import { actAs, form, idle } from "../support/next-mocks";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as exportMembers } from "@/app/api/orgs/[org]/members.csv/route";
import { bulkMembersAction } from "@/app/o/[org]/users/actions";
import { invitations, memberships, users } from "@/db/schema";
import { requireMember, type MemberContext } from "@/lib/auth/session";
import { listMembers } from "@/lib/members/queries";
import { setupTestDatabase } from "../support/db";
import { addMember, makeInvitation, makeOrg, makeSurvey } from "../support/factories";
import { expectNoChange, uniqueEmail } from "../support/state";

/** Issue 10's Users page: one list of members and invitations, filters, sorts, bulk actions, export, last active. */
const t = setupTestDatabase();

async function office() {
  const org = await makeOrg(t.db, { tier: "enterprise" });
  const day = (n: number) => new Date(Date.UTC(2026, 0, n));
  const person = async (role: "admin" | "manager" | "user", name: string, joined: number, status: "active" | "suspended" = "active") => {
    const m = await addMember(t.db, org.id, role, { name, email: uniqueEmail(name.split(" ")[0].toLowerCase()) });
    await t.db.update(memberships).set({ createdAt: day(joined), status }).where(eq(memberships.id, m.membership.id));
    return m.user;
  };
  const ann = await person("admin", "Ann Admin", 1);
  const zed = await person("manager", "Zed Manager", 5);
  const bob = await person("user", "Bob User", 3);
  const cat = await person("user", "Cat User", 4, "suspended");
  const dan = (await makeInvitation(t.db, org.id, ann.id, { email: uniqueEmail("dan"), firstName: "Dan", lastName: "Invitee", role: "user", sentAt: day(6) }))
    .invitation;
  const eve = (
    await makeInvitation(t.db, org.id, ann.id, {
      email: uniqueEmail("eve"),
      firstName: "Eve",
      lastName: "Late",
      role: "manager",
      sentAt: day(2),
      expiresAt: new Date(Date.now() - 1000),
    })
  ).invitation;
  const ctx: MemberContext = {
    user: { id: ann.id, email: ann.email, name: ann.name },
    org: { id: org.id, slug: org.slug, name: org.name, tier: org.tier, kind: org.kind },
    membership: { id: "x", role: "admin", status: "active" },
  };
  return { org, ctx, ann, zed, bob, cat, dan, eve };
}

const names = (rows: Array<{ name: string | null; email: string }>) => rows.map((r) => r.name ?? r.email);

describe("the Users list (issue 10)", () => {
  it("members and pending invitations in one list, marked by kind; filtered by role and by status (active, suspended, invited)", async () => {
    const { ctx } = await office();
    const all = await listMembers(ctx, {});
    expect(names(all.rows)).toEqual(["Ann Admin", "Bob User", "Cat User", "Dan Invitee", "Eve Late", "Zed Manager"]);
    expect(all.rows.map((r) => r.kind)).toEqual(["member", "member", "member", "invitation", "invitation", "member"]);
    expect(all.total).toBe(6);
    expect(names((await listMembers(ctx, { status: "active" })).rows)).toEqual(["Ann Admin", "Bob User", "Zed Manager"]);
    expect(names((await listMembers(ctx, { status: "suspended" })).rows)).toEqual(["Cat User"]);
    expect(names((await listMembers(ctx, { status: "invited" })).rows)).toEqual(["Dan Invitee", "Eve Late"]);
    const managers = await listMembers(ctx, { role: "manager" });
    expect(names(managers.rows)).toEqual(["Eve Late", "Zed Manager"]);
    expect(managers.total).toBe(2);
    expect(names((await listMembers(ctx, { q: "late" })).rows)).toEqual(["Eve Late"]);
  });

  it("sorted by name, by role (Admins first), or by joined (newest first, an invitation by when it was sent)", async () => {
    const { ctx } = await office();
    expect(names((await listMembers(ctx, { sort: "role" })).rows)).toEqual(["Ann Admin", "Eve Late", "Zed Manager", "Bob User", "Cat User", "Dan Invitee"]);
    expect(names((await listMembers(ctx, { sort: "joined" })).rows)).toEqual(["Dan Invitee", "Zed Manager", "Cat User", "Bob User", "Eve Late", "Ann Admin"]);
  });

  it("paginates members and invitations together: every row once, in order, across pages", async () => {
    const { org, ctx, ann } = await office();
    for (let i = 0; i < 55; i++) await addMember(t.db, org.id, "user", { name: `Person ${String(i).padStart(2, "0")}` });
    for (let i = 0; i < 10; i++) await makeInvitation(t.db, org.id, ann.id, { firstName: "Person", lastName: `I${i}` });
    const first = await listMembers(ctx, {});
    const second = await listMembers(ctx, { page: 2 });
    expect(first.total).toBe(71);
    expect(first.rows).toHaveLength(50);
    expect(second.rows).toHaveLength(21);
    const seen = [...first.rows, ...second.rows].map((r) => `${r.kind}:${r.id}`);
    expect(new Set(seen).size).toBe(71);
    const order = [...first.rows, ...second.rows].map((r) => (r.name ?? r.email).toLowerCase());
    expect(order).toEqual([...order].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }) || 0));
  });

  it("last active: written when the member opens a page, at most once an hour", async () => {
    const { org, bob } = await office();
    actAs(bob.id);
    const membershipOf = async () =>
      (await t.db.select().from(memberships).where(and(eq(memberships.orgId, org.id), eq(memberships.userId, bob.id))))[0];
    expect((await membershipOf()).lastActiveAt).toBeNull();
    await requireMember(org.slug);
    const first = (await membershipOf()).lastActiveAt!;
    expect(Date.now() - first.getTime()).toBeLessThan(60_000);
    await requireMember(org.slug);
    expect((await membershipOf()).lastActiveAt).toEqual(first);
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await t.db.update(memberships).set({ lastActiveAt: twoHoursAgo }).where(and(eq(memberships.orgId, org.id), eq(memberships.userId, bob.id)));
    await requireMember(org.slug);
    expect((await membershipOf()).lastActiveAt!.getTime()).toBeGreaterThan(twoHoursAgo.getTime());
  });
});

describe("bulk actions (issue 10): each row by its own rules, its own result, nothing half-done", () => {
  it("R4/R9: a Manager suspends a User, a Manager and an Admin at once: the first two are suspended, the Admin's row is refused and unchanged", async () => {
    const { org, zed, bob, ann } = await office();
    const other = await addMember(t.db, org.id, "manager", { name: "Mo Manager" });
    actAs(zed.id);
    const result = await bulkMembersAction(idle, form({ org: org.slug, op: "suspend", rows: [`member:${bob.id}`, `member:${other.user.id}`, `member:${ann.id}`] }));
    expect(result).toMatchObject({ ok: true, message: "2 of 3 done." });
    expect(result.data).toEqual([
      expect.objectContaining({ id: bob.id, ok: true }),
      expect.objectContaining({ id: other.user.id, ok: true }),
      expect.objectContaining({ id: ann.id, ok: false, code: "FORBIDDEN" }),
    ]);
    const statuses = await t.db.select({ userId: memberships.userId, status: memberships.status }).from(memberships).where(eq(memberships.orgId, org.id));
    const statusOf = (id: string) => statuses.find((s) => s.userId === id)?.status;
    expect([statusOf(bob.id), statusOf(other.user.id), statusOf(ann.id)]).toEqual(["suspended", "suspended", "active"]);
  });

  it("R5: bulk delete deletes who may go and refuses, with the reason, a member who still owns surveys", async () => {
    const { org, ann, bob, cat } = await office();
    await makeSurvey(t.db, org.id, bob.id);
    actAs(ann.id);
    const result = await bulkMembersAction(idle, form({ org: org.slug, op: "delete", rows: [`member:${bob.id}`, `member:${cat.id}`] }));
    expect(result.data).toEqual([
      expect.objectContaining({ id: bob.id, ok: false, code: "HAS_DEPENDENTS" }),
      expect.objectContaining({ id: cat.id, ok: true }),
    ]);
    const left = await t.db.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.orgId, org.id));
    expect(left.map((m) => m.userId)).toContain(bob.id);
    expect(left.map((m) => m.userId)).not.toContain(cat.id);
  });

  it("R3/R9: a bulk role change promotes the active User and refuses the suspended one", async () => {
    const { org, ann, bob, cat } = await office();
    actAs(ann.id);
    const result = await bulkMembersAction(idle, form({ org: org.slug, op: "role", role: "manager", rows: [`member:${bob.id}`, `member:${cat.id}`] }));
    expect(result.data).toEqual([expect.objectContaining({ id: bob.id, ok: true }), expect.objectContaining({ id: cat.id, ok: false, code: "CONFLICT" })]);
    const rolesNow = await t.db.select({ userId: memberships.userId, role: memberships.role }).from(memberships).where(eq(memberships.orgId, org.id));
    expect(rolesNow.find((r) => r.userId === bob.id)?.role).toBe("manager");
    expect(rolesNow.find((r) => r.userId === cat.id)?.role).toBe("user");
  });

  it("R1: a Manager revokes a User invitation in bulk but not a Manager one; a member row in a revoke is skipped", async () => {
    const { org, zed, bob, dan, eve } = await office();
    actAs(zed.id);
    const result = await bulkMembersAction(idle, form({ org: org.slug, op: "revoke", rows: [`invitation:${dan.id}`, `invitation:${eve.id}`, `member:${bob.id}`] }));
    expect(result.data).toEqual([
      expect.objectContaining({ id: dan.id, ok: true }),
      expect.objectContaining({ id: eve.id, ok: false, code: "FORBIDDEN" }),
      expect.objectContaining({ id: bob.id, ok: false, code: "WRONG_KIND" }),
    ]);
    const states = await t.db.select({ id: invitations.id, status: invitations.status }).from(invitations).where(eq(invitations.orgId, org.id));
    expect(states.find((s) => s.id === dan.id)?.status).toBe("revoked");
    expect(states.find((s) => s.id === eve.id)?.status).toBe("pending");
  });

  it("§10: another organization's member and invitation ids are not found, row by row, and nothing of theirs changes; a User may do nothing", async () => {
    const mine = await office();
    const theirs = await office();
    actAs(mine.ann.id);
    const result = await expectNoChange(t.db, () =>
      bulkMembersAction(idle, form({ org: mine.org.slug, op: "suspend", rows: [`member:${theirs.bob.id}`] })),
    );
    expect(result.data).toEqual([expect.objectContaining({ ok: false, code: "NOT_FOUND" })]);
    const revoke = await expectNoChange(t.db, () =>
      bulkMembersAction(idle, form({ org: mine.org.slug, op: "revoke", rows: [`invitation:${theirs.dan.id}`] })),
    );
    expect(revoke.data).toEqual([expect.objectContaining({ ok: false, code: "NOT_FOUND" })]);
    actAs(mine.bob.id);
    const byUser = await expectNoChange(t.db, () =>
      bulkMembersAction(idle, form({ org: mine.org.slug, op: "delete", rows: [`member:${mine.cat.id}`, `member:${mine.zed.id}`] })),
    );
    expect((byUser.data as Array<{ ok: boolean }>).every((r) => !r.ok)).toBe(true);
  });

  it("§10: bad input — no rows, 51 rows, a malformed row, an unknown operation, a role change without a role — is a field message and writes nothing", async () => {
    const { org, ann, bob } = await office();
    actAs(ann.id);
    const many = Array.from({ length: 51 }, () => `member:${bob.id}`);
    for (const fields of [
      { op: "suspend" },
      { op: "suspend", rows: many },
      { op: "suspend", rows: ["member:not-a-uuid"] },
      { op: "explode", rows: [`member:${bob.id}`] },
      { op: "role", rows: [`member:${bob.id}`] },
    ]) {
      const result = await expectNoChange(t.db, () => bulkMembersAction(idle, form({ org: org.slug, ...fields })));
      expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
    }
  });
});

describe("export of the Users list (issue 10)", () => {
  async function download(orgSlug: string, query = "") {
    const response = await exportMembers(new Request(`http://localhost:3000/api/orgs/${orgSlug}/members.csv?${query}`), {
      params: Promise.resolve({ org: orgSlug }),
    });
    return { status: response.status, text: await response.text(), type: response.headers.get("content-type") };
  }

  it("Admins and Managers download the list as CSV with the page's filters; a User is refused; another organization does not exist", async () => {
    const { org, ann, zed, bob } = await office();
    await t.db.update(users).set({ name: "=HYPERLINK(\"x\")" }).where(eq(users.id, bob.id));
    actAs(ann.id);
    const everyone = await download(org.slug);
    expect(everyone.status).toBe(200);
    expect(everyone.type).toContain("text/csv");
    const lines = everyone.text.trim().split("\r\n");
    expect(lines[0]).toBe("Name,Email,Phone,Role,Status,Joined or invited,Last active");
    expect(lines).toHaveLength(1 + 6);
    // A cell a spreadsheet would run as a formula is defused.
    expect(everyone.text).toContain(`"'=HYPERLINK(""x"")"`);
    const invited = await download(org.slug, "status=invited");
    expect(invited.text.trim().split("\r\n").slice(1).map((l) => l.split(",")[4])).toEqual(["Invited", "Invitation expired"]);
    const managers = await download(org.slug, "role=manager&status=active");
    expect(managers.text.trim().split("\r\n")).toHaveLength(2);
    actAs(zed.id);
    expect((await download(org.slug)).status).toBe(200);
    actAs(bob.id);
    expect((await download(org.slug)).status).toBe(403);
    const stranger = await office();
    actAs(stranger.ann.id);
    expect((await download(org.slug)).status).toBe(404);
  });
});
