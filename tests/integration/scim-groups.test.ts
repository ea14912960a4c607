import { and, asc, count, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  emailOutbox,
  memberships,
  planUsers,
  scimEvents,
  scimGroupMappings,
  scimGroupMembers,
  scimGroups,
  tasks,
  webhookEndpoints,
  webhookEvents,
  workflows,
} from "@/db/schema";
import { webhookEventTypes } from "@/lib/webhooks/events";
import { resolveGroupMeanings, roleFromGroups } from "@/lib/scim/group-mapping";
import { SCIM } from "@/lib/scim/constants";
import { setupTestDatabase } from "../support/db";
import { makeSubscribedPlan, planWorld, roleOf } from "../support/plans";
import { scimClient, scimTokenFor } from "../support/scim";
import { addNamedMember, expectNoChange } from "../support/state";

const t = setupTestDatabase();

/**
 * planWorld (Pro: an Admin subscribing PDoc Share with 5 seats, a Manager on it, two Users, and
 * another organization) with a SCIM token made by the Admin, a webhook endpoint wanting every
 * event (so webhook_events rows are written), and a client speaking as Okta would.
 */
async function world(options: { seats?: number } = {}) {
  const w = await planWorld(t.db, { seats: options.seats });
  const { token } = await scimTokenFor(w.ctx.admin, "Okta");
  const scim = scimClient(w.org.slug, token);
  await t.db.insert(webhookEndpoints).values({ orgId: w.org.id, url: "https://hooks.example.test/seatwise", events: [...webhookEventTypes], secretCiphertext: "unused" });
  const push = async (displayName: string, members: string[] = [], extra: Record<string, unknown> = {}) => {
    const answer = await scim("POST", "/Groups", { schemas: [SCIM.group], displayName, members: members.map((value) => ({ value })), ...extra });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body.id as string;
  };
  const patch = (groupId: string, Operations: unknown[]) => scim("PATCH", `/Groups/${groupId}`, { schemas: [SCIM.patchOp], Operations });
  const add = (groupId: string, ...ids: string[]) => patch(groupId, [{ op: "add", path: "members", value: ids.map((value) => ({ value })) }]);
  const remove = (groupId: string, ...ids: string[]) => patch(groupId, ids.map((id) => ({ op: "remove", path: `members[value eq "${id}"]` })));
  return { ...w, scim, push, patch, add, remove };
}
type World = Awaited<ReturnType<typeof world>>;

async function listed(groupId: string) {
  const rows = await t.db.select({ userId: scimGroupMembers.userId }).from(scimGroupMembers).where(eq(scimGroupMembers.groupId, groupId));
  return rows.map((r) => r.userId).sort();
}

async function onPlan(planId: string, userId: string) {
  const [row] = await t.db.select({ n: count() }).from(planUsers).where(and(eq(planUsers.planId, planId), eq(planUsers.userId, userId)));
  return row.n === 1;
}

async function auditOf(w: World, action: string) {
  return t.db.select().from(auditLog).where(and(eq(auditLog.orgId, w.org.id), eq(auditLog.action, action))).orderBy(asc(auditLog.id));
}

async function eventsOf(w: World, type: string) {
  return t.db.select().from(webhookEvents).where(and(eq(webhookEvents.orgId, w.org.id), eq(webhookEvents.type, type)));
}

/** The whole database is as before, and so are SCIM's own tables and the webhook events. */
async function expectNothingWritten(w: World, fn: () => Promise<unknown>) {
  const scimState = async () => ({
    groups: await t.db.select().from(scimGroups).where(eq(scimGroups.orgId, w.org.id)).orderBy(asc(scimGroups.id)),
    members: await t.db
      .select({ groupId: scimGroupMembers.groupId, userId: scimGroupMembers.userId })
      .from(scimGroupMembers)
      .innerJoin(scimGroups, eq(scimGroups.id, scimGroupMembers.groupId))
      .where(eq(scimGroups.orgId, w.org.id))
      .orderBy(asc(scimGroupMembers.groupId), asc(scimGroupMembers.userId)),
    events: (await t.db.select({ n: count() }).from(webhookEvents).where(eq(webhookEvents.orgId, w.org.id)))[0].n,
  });
  const before = await scimState();
  await expectNoChange(t.db, fn);
  expect(await scimState()).toEqual(before);
}

describe("C4 what a group's name means", () => {
  it("C4 by default Admins, Managers and Users are those roles and a plan's product name is that plan, case-insensitively; any other name means nothing", async () => {
    const w = await planWorld(t.db);
    const meanings = await resolveGroupMeanings(t.db, w.org.id, ["admins", "MANAGERS", "Users", "pdoc SHARE", "Engineering", "Corrective Actions"]);
    expect(meanings.get("admins")).toMatchObject({ kind: "role", role: "admin", source: "default" });
    expect(meanings.get("managers")).toMatchObject({ kind: "role", role: "manager", source: "default" });
    expect(meanings.get("users")).toMatchObject({ kind: "role", role: "user", source: "default" });
    expect(meanings.get("pdoc share")).toEqual({ kind: "plan", planId: w.plan.id, productName: "PDoc Share", source: "default" });
    expect(meanings.get("engineering")).toMatchObject({ kind: "none", reason: "unmapped" });
    // A product the organization has no plan of means nothing here.
    expect(meanings.get("corrective actions")).toMatchObject({ kind: "none", reason: "unmapped" });
  });

  it("C4 an Admin's mapping wins over the default, whatever the case; a mapping to another organization's plan means nothing", async () => {
    const w = await planWorld(t.db);
    await t.db.insert(scimGroupMappings).values([
      { orgId: w.org.id, groupName: "managers", planId: w.plan.id },
      { orgId: w.org.id, groupName: "Engineering", role: "manager" },
      { orgId: w.org.id, groupName: "Elsewhere", planId: w.otherPlan.id },
    ]);
    const meanings = await resolveGroupMeanings(t.db, w.org.id, ["Managers", "ENGINEERING", "elsewhere"]);
    expect(meanings.get("managers")).toEqual({ kind: "plan", planId: w.plan.id, productName: "PDoc Share", source: "mapping" });
    expect(meanings.get("engineering")).toEqual({ kind: "role", role: "manager", source: "mapping" });
    expect(meanings.get("elsewhere")).toMatchObject({ kind: "none" });
    // The other organization's own names are untouched by these rows.
    expect((await resolveGroupMeanings(t.db, w.other.id, ["Managers"])).get("managers")).toMatchObject({ kind: "role", role: "manager" });
  });

  it("C4 R3 the role a person's groups give is the highest of their role groups, or none; for a member restored later", async () => {
    const w = await world();
    await w.push("Engineering", [w.user.id, w.user2.id]);
    await w.push("Users", [w.user.id]);
    await w.push("Managers", [w.user.id]);
    expect(await roleFromGroups(t.db, w.org.id, w.user.id)).toBe("manager");
    expect(await roleFromGroups(t.db, w.org.id, w.user2.id)).toBeNull();
    expect(await roleFromGroups(t.db, w.other.id, w.user.id)).toBeNull();
  });

  it("C4 an unmapped group keeps its members and changes nobody's role or plans", async () => {
    const w = await world();
    const id = await w.push("Engineering", [w.user.id, w.manager.id]);
    expect(await roleOf(t.db, w.org.id, w.user.id)).toBe("user");
    expect(await roleOf(t.db, w.org.id, w.manager.id)).toBe("manager");
    expect(await onPlan(w.plan.id, w.user.id)).toBe(false);
    const group = await w.scim("GET", `/Groups/${id}`);
    expect(group.body.members.map((m: { value: string }) => m.value).sort()).toEqual([w.user.id, w.manager.id].sort());
    expect((await w.remove(id, w.manager.id)).status).toBe(204);
    expect(await onPlan(w.plan.id, w.manager.id)).toBe(true);
    expect(await auditOf(w, "member.role_changed")).toHaveLength(0);
    expect(await auditOf(w, "plan.user_removed")).toHaveLength(0);
  });
});

describe("C4 role groups (R1–R3, R7, R9)", () => {
  it("R3 C4 the highest role group wins; leaving one falls back to the next; leaving the last makes a User — audited by SCIM, member.updated fired, the member told", async () => {
    const w = await world();
    const managers = await w.push("Managers");
    const admins = await w.push("Admins");
    expect((await w.add(managers, w.user.id)).status).toBe(204);
    expect(await roleOf(t.db, w.org.id, w.user.id)).toBe("manager");
    await w.add(admins, w.user.id);
    expect(await roleOf(t.db, w.org.id, w.user.id)).toBe("admin");
    await w.remove(admins, w.user.id);
    expect(await roleOf(t.db, w.org.id, w.user.id)).toBe("manager");
    await w.remove(managers, w.user.id);
    expect(await roleOf(t.db, w.org.id, w.user.id)).toBe("user");

    const changes = (await auditOf(w, "member.role_changed")).filter((a) => a.targetUserId === w.user.id);
    expect(changes.map((a) => [a.before, a.after])).toEqual([
      [{ role: "user" }, { role: "manager" }],
      [{ role: "manager" }, { role: "admin" }],
      [{ role: "admin" }, { role: "manager" }],
      [{ role: "manager" }, { role: "user" }],
    ]);
    for (const a of changes) expect(a.via).toMatchObject({ door: "scim", name: "Okta" });
    const events = await eventsOf(w, "member.updated");
    expect(events.map((e) => (e.payload as { data: { role: string } }).data.role)).toEqual(["manager", "admin", "manager", "user"]);
    const mails = await t.db.select().from(emailOutbox).where(and(eq(emailOutbox.to, w.user.email), eq(emailOutbox.template, "role-changed")));
    expect(mails).toHaveLength(4);
  });

  it("R3 C4 adding someone to a role group they already hold, or to a second group of a lower role, changes nothing", async () => {
    const w = await world();
    const managers = await w.push("Managers", [w.manager.id]);
    const users = await w.push("Users");
    await w.add(users, w.manager.id);
    await w.add(managers, w.manager.id);
    expect(await roleOf(t.db, w.org.id, w.manager.id)).toBe("manager");
    expect(await auditOf(w, "member.role_changed")).toHaveLength(0);
  });

  it("R3 C4 joining a lower role group never demotes: a catch-all Users group pushed before Admins leaves the page-made Admins and Managers as they are", async () => {
    const w = await world();
    const second = (await addNamedMember(t.db, w.org.id, "admin")).user;
    const everyone = [w.admin.id, second.id, w.manager.id, w.user.id, w.user2.id];
    await w.push("Users", everyone);
    expect(await roleOf(t.db, w.org.id, second.id)).toBe("admin");
    expect(await roleOf(t.db, w.org.id, w.manager.id)).toBe("manager");
    expect(await auditOf(w, "member.role_changed")).toHaveLength(0);
    // Admins pushed later, then one of them leaves it: they fall to the Users group's role.
    const admins = await w.push("Admins", [w.admin.id, second.id]);
    expect((await w.remove(admins, second.id)).status).toBe(204);
    expect(await roleOf(t.db, w.org.id, second.id)).toBe("user");
  });

  it("R3 C4 the directory demotes an Admin who is not its token's creator", async () => {
    const w = await world();
    const second = (await addNamedMember(t.db, w.org.id, "admin")).user;
    const admins = await w.push("Admins", [w.admin.id, second.id]);
    expect(await roleOf(t.db, w.org.id, second.id)).toBe("admin");
    expect((await w.remove(admins, second.id)).status).toBe(204);
    expect(await roleOf(t.db, w.org.id, second.id)).toBe("user");
  });

  it("R3 R7 C4 the token's creator is never demoted by the directory: removing every Admin from Admins is refused as a whole and an Admin remains", async () => {
    const w = await world();
    const second = (await addNamedMember(t.db, w.org.id, "admin")).user;
    const admins = await w.push("Admins", [w.admin.id, second.id]);
    await expectNothingWritten(w, async () => {
      const answer = await w.remove(admins, second.id, w.admin.id);
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ schemas: [SCIM.error], status: "403" });
      expect(answer.body.detail).toContain(w.admin.email);
      expect(answer.body.detail).toContain("SCIM token");
    });
    expect(await roleOf(t.db, w.org.id, second.id)).toBe("admin");
    const [{ n }] = await t.db.select({ n: count() }).from(memberships).where(and(eq(memberships.orgId, w.org.id), eq(memberships.role, "admin")));
    expect(n).toBe(2);
    // Nor by being put in a lower group alone.
    const users = await w.push("Users");
    expect((await w.add(users, w.admin.id)).status).toBe(204); // still in Admins: Admin stays the highest
    expect((await w.scim("DELETE", `/Groups/${admins}`)).status).toBe(403);
    expect(await roleOf(t.db, w.org.id, w.admin.id)).toBe("admin");
  });

  it("R9 C4 a suspended member's role does not change: the change is refused with a clear SCIM error and nothing is written; a change that keeps their role goes through", async () => {
    const w = await world();
    await t.db.update(memberships).set({ status: "suspended" }).where(and(eq(memberships.orgId, w.org.id), eq(memberships.userId, w.user2.id)));
    const managers = await w.push("Managers");
    await expectNothingWritten(w, async () => {
      const answer = await w.add(managers, w.user.id, w.user2.id);
      expect(answer.status).toBe(409);
      expect(answer.body.detail).toContain(w.user2.email);
      expect(answer.body.detail).toMatch(/suspended/i);
    });
    expect(await roleOf(t.db, w.org.id, w.user.id)).toBe("user");
    const users = await w.push("Users");
    expect((await w.add(users, w.user2.id)).status).toBe(204);
    expect(await listed(users)).toEqual([w.user2.id]);
  });
});

describe("C4 plan groups (P1, P3, P6, T5)", () => {
  it("P3 C4 adding members to the plan's group adds them to the plan with the product's defaults; someone already on it is left as is", async () => {
    const w = await world();
    const group = await w.push("PDoc Share", [w.admin.id, w.manager.id]);
    expect(await auditOf(w, "plan.user_added")).toHaveLength(0);
    expect((await w.add(group, w.user.id)).status).toBe(204);
    expect(await onPlan(w.plan.id, w.user.id)).toBe(true);
    const [added] = await auditOf(w, "plan.user_added");
    expect(added).toMatchObject({ targetUserId: w.user.id, subjectId: w.plan.id, via: { door: "scim" } });
    expect((await eventsOf(w, "plan.user_added")).map((e) => (e.payload as { data: { userId: string } }).data.userId)).toEqual([w.user.id]);
    const [log] = await t.db.select().from(scimEvents).where(and(eq(scimEvents.orgId, w.org.id), eq(scimEvents.method, "PATCH")));
    expect(log).toMatchObject({ status: 204, path: `/Groups/${group}` });
    expect(log.summary).toContain(`Added ${w.user.email} to PDoc Share`);
  });

  it("P3 T5 C4 a plan group add past the plan's seats is refused naming the product and the limit, and nothing at all is written", async () => {
    // PDoc Share with 3 seats: the Admin and the Manager hold two; one is free.
    const w = await world({ seats: 3 });
    const group = await w.push("PDoc Share");
    await expectNothingWritten(w, async () => {
      const answer = await w.add(group, w.user.id, w.user2.id);
      expect(answer.status).toBe(409);
      expect(answer.body).toMatchObject({ schemas: [SCIM.error], status: "409" });
      expect(answer.body.detail).toContain("PDoc Share has 3 seats");
    });
    expect(await onPlan(w.plan.id, w.user.id)).toBe(false);
    expect(await listed(group)).toEqual([]);
    const [refusal] = await t.db.select().from(scimEvents).where(and(eq(scimEvents.orgId, w.org.id), eq(scimEvents.status, 409)));
    expect(refusal.summary).toContain("PDoc Share has 3 seats");
    expect((await w.add(group, w.user.id)).status).toBe(204);
  });

  it("P6 C4 removing a member from the plan's group removes them from the plan: workflows deleted, open tasks moved to the subscriber, the member told", async () => {
    const w = await world();
    const group = await w.push("PDoc Share", [w.manager.id]);
    const base = { orgId: w.org.id, planId: w.plan.id };
    const [flow] = await t.db.insert(workflows).values({ ...base, ownerId: w.manager.id, title: "Quarterly evaluation" }).returning();
    await t.db.insert(tasks).values([
      { ...base, workflowId: flow.id, title: "assigned", senderId: w.admin.id, assigneeId: w.manager.id },
      { ...base, title: "sent", senderId: w.manager.id, assigneeId: w.admin.id },
    ]);
    expect((await w.remove(group, w.manager.id)).status).toBe(204);
    expect(await onPlan(w.plan.id, w.manager.id)).toBe(false);
    expect(await t.db.select().from(workflows).where(eq(workflows.id, flow.id))).toEqual([]);
    const moved = await t.db.select().from(tasks).where(eq(tasks.planId, w.plan.id)).orderBy(asc(tasks.title));
    expect(moved.map((task) => [task.title, task.assigneeId, task.senderId])).toEqual([
      ["assigned", w.admin.id, w.admin.id],
      ["sent", w.admin.id, w.admin.id],
    ]);
    const [removal] = await auditOf(w, "plan.user_removed");
    expect(removal).toMatchObject({ targetUserId: w.manager.id, via: { door: "scim" }, after: { workflowsDeleted: 1, tasksMovedToInbox: 1, tasksMovedToOutbox: 1 } });
    expect(await eventsOf(w, "plan.user_removed")).toHaveLength(1);
    expect(await t.db.select().from(emailOutbox).where(and(eq(emailOutbox.to, w.manager.email), eq(emailOutbox.template, "removed-from-plan")))).toHaveLength(1);
  });

  it("P6 C4 the subscriber cannot be removed from their plan's group: refused with the page's words, nothing written", async () => {
    const w = await world();
    const group = await w.push("PDoc Share", [w.admin.id, w.manager.id]);
    await expectNothingWritten(w, async () => {
      const answer = await w.remove(group, w.manager.id, w.admin.id);
      expect(answer.status).toBe(409);
      expect(answer.body.detail).toContain("The subscriber cannot be removed from their own plan. Transfer ownership first.");
    });
    expect(await onPlan(w.plan.id, w.manager.id)).toBe(true);
  });

  it("P6 C4 someone still in another group of the same plan stays on it", async () => {
    const w = await world();
    await t.db.insert(scimGroupMappings).values({ orgId: w.org.id, groupName: "Docs team", planId: w.plan.id });
    const pdoc = await w.push("PDoc Share", [w.user.id]);
    const docs = await w.push("Docs team", [w.user.id]);
    await w.remove(pdoc, w.user.id);
    expect(await onPlan(w.plan.id, w.user.id)).toBe(true);
    await w.remove(docs, w.user.id);
    expect(await onPlan(w.plan.id, w.user.id)).toBe(false);
  });

  it("P3 C4 a plan of one user (Company Profile) refuses additions like the page; a suspended member is not added to a plan", async () => {
    const w = await world();
    await makeSubscribedPlan(t.db, w.org.id, w.admin.id, "company_profile", null);
    const profile = await w.push("Company Profile");
    await expectNothingWritten(w, async () => {
      const answer = await w.add(profile, w.user.id);
      expect(answer.status).toBe(409);
      expect(answer.body.detail).toContain("Company Profile has one user");
    });
    await t.db.update(memberships).set({ status: "suspended" }).where(and(eq(memberships.orgId, w.org.id), eq(memberships.userId, w.user2.id)));
    const pdoc = await w.push("PDoc Share");
    const answer = await w.add(pdoc, w.user2.id);
    expect(answer.status).toBe(409);
    expect(answer.body.detail).toContain(w.user2.email);
  });
});

describe("C4 a group's life: rename, replace, delete, atomicity", () => {
  it("C4 a rename carries the meaning of the new name: Engineering → Managers makes its members Managers; Managers → Staff makes them Users again", async () => {
    const w = await world();
    const id = await w.push("Engineering", [w.user.id, w.user2.id]);
    expect((await w.patch(id, [{ op: "replace", value: { id, displayName: "Managers" } }])).status).toBe(204);
    expect([await roleOf(t.db, w.org.id, w.user.id), await roleOf(t.db, w.org.id, w.user2.id)]).toEqual(["manager", "manager"]);
    expect((await w.patch(id, [{ op: "Replace", path: "displayName", value: "Staff" }])).status).toBe(204);
    expect([await roleOf(t.db, w.org.id, w.user.id), await roleOf(t.db, w.org.id, w.user2.id)]).toEqual(["user", "user"]);
    const [renamed] = await auditOf(w, "scim_group.updated");
    expect(renamed).toMatchObject({ before: { group: "Engineering" }, after: { group: "Managers" }, via: { door: "scim" } });
    // A rename that only changes the case keeps the meaning and touches nobody.
    const before = (await auditOf(w, "member.role_changed")).length;
    await w.patch(id, [{ op: "replace", path: "displayName", value: "STAFF" }]);
    expect(await auditOf(w, "member.role_changed")).toHaveLength(before);
  });

  it("C4 PUT replaces the name and the member list; a PUT without members leaves them", async () => {
    const w = await world();
    const id = await w.push("Managers", [w.user.id]);
    const put = await w.scim("PUT", `/Groups/${id}`, { schemas: [SCIM.group], id, displayName: "Managers", members: [{ value: w.user2.id, display: w.user2.email }] });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id, displayName: "Managers", members: [{ value: w.user2.id, display: w.user2.email }] });
    expect([await roleOf(t.db, w.org.id, w.user.id), await roleOf(t.db, w.org.id, w.user2.id)]).toEqual(["user", "manager"]);
    const renamed = await w.scim("PUT", `/Groups/${id}`, { schemas: [SCIM.group], displayName: "Team leads" });
    expect(renamed.body.members).toEqual([{ value: w.user2.id, display: w.user2.email, $ref: expect.stringContaining(`/Users/${w.user2.id}`) }]);
    expect(await roleOf(t.db, w.org.id, w.user2.id)).toBe("user");
    expect((await w.scim("PUT", `/Groups/${id}`, { schemas: [SCIM.group], id: "another", displayName: "x" })).status).toBe(400);
  });

  it("C4 DELETE undoes the group's effect for every member in one go, and is refused as a whole when a removal is", async () => {
    const w = await world();
    const managers = await w.push("Managers", [w.user.id, w.user2.id]);
    const pdoc = await w.push("PDoc Share", [w.user.id, w.admin.id]);
    expect((await w.scim("DELETE", `/Groups/${managers}`)).status).toBe(204);
    expect([await roleOf(t.db, w.org.id, w.user.id), await roleOf(t.db, w.org.id, w.user2.id)]).toEqual(["user", "user"]);
    expect((await w.scim("GET", `/Groups/${managers}`)).status).toBe(404);
    // PDoc Share lists its subscriber: deleting it would remove them (P6), so nothing happens.
    await expectNothingWritten(w, async () => {
      const answer = await w.scim("DELETE", `/Groups/${pdoc}`);
      expect(answer.status).toBe(409);
      expect(answer.body.detail).toContain("subscriber");
    });
    expect(await onPlan(w.plan.id, w.user.id)).toBe(true);
    await w.remove(pdoc, w.admin.id).then((a) => expect(a.status).toBe(409));
    const [deleted] = await auditOf(w, "scim_group.deleted");
    expect(deleted).toMatchObject({ before: { group: "Managers", members: 2 }, via: { door: "scim" } });
  });

  it("C4 a PATCH is applied whole or not at all: one member refused (plan seats) and nobody is added, renamed or promoted", async () => {
    const w = await world({ seats: 3 });
    const group = await w.push("PDoc Share");
    const third = (await addNamedMember(t.db, w.org.id, "user")).user;
    await expectNothingWritten(w, async () => {
      const answer = await w.patch(group, [
        { op: "add", path: "members", value: [{ value: w.user.id }] },
        { op: "add", path: "members", value: [{ value: w.user2.id }, { value: third.id }] },
      ]);
      expect(answer.status).toBe(409);
    });
    // Roles too: a rename into a role group with one refused member changes nobody's role.
    const other = await w.push("Staff", [w.user.id]);
    await w.add(group, w.user2.id);
    await t.db.update(memberships).set({ status: "suspended" }).where(and(eq(memberships.orgId, w.org.id), eq(memberships.userId, third.id)));
    await expectNothingWritten(w, async () => {
      const answer = await w.patch(other, [{ op: "replace", path: "displayName", value: "Managers" }, { op: "add", path: "members", value: [{ value: third.id }] }]);
      expect(answer.status).toBe(409); // the suspended member would be promoted (R9)
      expect(answer.body.detail).toContain(third.email);
    });
    expect(await roleOf(t.db, w.org.id, w.user.id)).toBe("user");
  });

  it("C4 member values that are not users of this organization are a 400 invalidValue naming them; nothing changes", async () => {
    const w = await world();
    const group = await w.push("Managers");
    for (const value of [w.otherAdmin.id, "6e2b1c4e-2f0a-4a8b-9a44-0c3b0c1f2d11", "not-an-id", "x".repeat(150)]) {
      await expectNothingWritten(w, async () => {
        const answer = await w.add(group, w.user.id, value);
        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({ schemas: [SCIM.error], scimType: "invalidValue" });
        expect(answer.body.detail).toContain(value.slice(0, 80));
      });
      const created = await w.scim("POST", "/Groups", { schemas: [SCIM.group], displayName: `G ${value.slice(0, 8)}`, members: [{ value }] });
      expect(created.status).toBe(400);
    }
    expect(await roleOf(t.db, w.org.id, w.user.id)).toBe("user");
    expect(await roleOf(t.db, w.other.id, w.otherAdmin.id)).toBe("admin");
  });

  it("C4 another organization's group is not found (GET, PUT, PATCH, DELETE), like a malformed or unknown id", async () => {
    const w = await world();
    const theirs = scimClient(w.other.slug, (await scimTokenFor(w.ctx.otherAdmin, "Entra")).token);
    const created = await theirs("POST", "/Groups", { schemas: [SCIM.group], displayName: "Engineering", members: [{ value: w.otherAdmin.id }] });
    expect(created.status).toBe(201);
    for (const id of [created.body.id, "6e2b1c4e-2f0a-4a8b-9a44-0c3b0c1f2d11", "nope", "%00"]) {
      for (const [method, body] of [
        ["GET", undefined],
        ["PUT", { schemas: [SCIM.group], displayName: "Mine" }],
        ["PATCH", { schemas: [SCIM.patchOp], Operations: [{ op: "add", path: "members", value: [{ value: w.user.id }] }] }],
        ["DELETE", undefined],
      ] as const) {
        const answer = await w.scim(method, `/Groups/${encodeURIComponent(id)}`, body);
        expect(answer.status, `${method} ${id}`).toBe(404);
        expect(answer.body).toMatchObject({ schemas: [SCIM.error], status: "404" });
      }
    }
    expect((await w.scim("GET", `/Groups?filter=${encodeURIComponent(`id eq "${created.body.id}"`)}`)).body.totalResults).toBe(0);
    expect((await theirs("GET", `/Groups/${created.body.id}`)).body.members).toHaveLength(1);
  });

  it("C4 displayName and externalId are unique in the organization (any case): 409 uniqueness, nothing written", async () => {
    const w = await world();
    await w.push("Managers", [], { externalId: "okta-1" });
    const other = await w.push("Staff");
    for (const body of [
      { schemas: [SCIM.group], displayName: "managers" },
      { schemas: [SCIM.group], displayName: "Fresh", externalId: "okta-1" },
    ]) {
      const answer = await w.scim("POST", "/Groups", body);
      expect(answer.status).toBe(409);
      expect(answer.body.scimType).toBe("uniqueness");
    }
    const rename = await w.patch(other, [{ op: "replace", path: "displayName", value: "MANAGERS" }]);
    expect(rename).toMatchObject({ status: 409, body: { scimType: "uniqueness" } });
    // The same group in another organization is no clash.
    const theirs = scimClient(w.other.slug, (await scimTokenFor(w.ctx.otherAdmin)).token);
    expect((await theirs("POST", "/Groups", { schemas: [SCIM.group], displayName: "Managers", externalId: "okta-1" })).status).toBe(201);
  });

  it("C4 malformed bodies, paths and filters are SCIM errors, never a 500, and write nothing", async () => {
    const w = await world();
    const group = await w.push("Managers");
    const cases: Array<[string, string, unknown, number]> = [
      ["POST", "/Groups", "{not json", 400],
      ["POST", "/Groups", {}, 400],
      ["POST", "/Groups", [], 400],
      ["POST", "/Groups", { schemas: [SCIM.user], displayName: "x" }, 400],
      ["POST", "/Groups", { schemas: [SCIM.group], displayName: 12 }, 400],
      ["POST", "/Groups", { schemas: [SCIM.group], displayName: "x".repeat(300) }, 400],
      ["POST", "/Groups", { schemas: [SCIM.group], displayName: "x", members: "nope" }, 400],
      ["POST", "/Groups", { schemas: [SCIM.group], displayName: "x", members: [{ display: "no value" }] }, 400],
      ["POST", "/Groups", { schemas: [SCIM.group], displayName: "x", owners: [] }, 400],
      ["POST", "/Groups", `{"displayName":"a\\u0000b"}`, 400],
      ["PATCH", `/Groups/${group}`, { schemas: [SCIM.patchOp], Operations: [] }, 400],
      ["PATCH", `/Groups/${group}`, { schemas: [SCIM.patchOp], Operations: [{ op: "move", path: "members" }] }, 400],
      ["PATCH", `/Groups/${group}`, { schemas: [SCIM.patchOp], Operations: [{ op: "remove", path: 'members[display eq "x"]' }] }, 400],
      ["PATCH", `/Groups/${group}`, { schemas: [SCIM.patchOp], Operations: [{ op: "add", path: "owners", value: [] }] }, 400],
      ["PATCH", `/Groups/${group}`, { schemas: [SCIM.patchOp], Operations: [{ op: "replace", path: "displayName", value: "" }] }, 400],
      ["PATCH", `/Groups/${group}`, "null", 400],
      ["GET", `/Groups?filter=${encodeURIComponent('displayName co "Man"')}`, undefined, 400],
      ["GET", `/Groups?filter=${encodeURIComponent('members[display eq "x"]')}`, undefined, 400],
      ["GET", `/Groups?filter=${encodeURIComponent("displayName eq")}`, undefined, 400],
    ];
    for (const [method, path, body, status] of cases) {
      await expectNothingWritten(w, async () => {
        const answer = await w.scim(method, path, body);
        expect(answer.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status);
        expect(answer.body).toMatchObject({ schemas: [SCIM.error], status: String(status) });
      });
    }
    // Odd pagination falls back rather than failing.
    expect((await w.scim("GET", "/Groups?startIndex=abc&count=1e20")).status).toBe(200);
  });
});

describe("C4 reading groups", () => {
  it("C4 filters (displayName any case, externalId, id, members[value eq]), a stable order across pages, excludedAttributes=members", async () => {
    const w = await world();
    const ids: string[] = [];
    for (const name of ["Alpha", "Bravo", "Charlie", "Delta", "Echo"]) ids.push(await w.push(name, name === "Charlie" ? [w.user.id] : [], { externalId: `ext-${name}` }));
    const page = async (query: string) => (await w.scim("GET", `/Groups?${query}`)).body;
    const first = await page("startIndex=1&count=2");
    expect(first).toMatchObject({ schemas: [SCIM.listResponse], totalResults: 5, startIndex: 1, itemsPerPage: 2 });
    const all = [...first.Resources, ...(await page("startIndex=3&count=2")).Resources, ...(await page("startIndex=5&count=2")).Resources];
    expect(all.map((g: { id: string }) => g.id)).toEqual(ids);
    expect(all[2].members).toEqual([{ value: w.user.id, display: w.user.email, $ref: expect.stringMatching(new RegExp(`/scim/v2/${w.org.slug}/Users/${w.user.id}$`)) }]);
    const q = (filter: string, extra = "") => page(`filter=${encodeURIComponent(filter)}${extra}`);
    expect((await q('displayName eq "charlie"')).Resources.map((g: { id: string }) => g.id)).toEqual([ids[2]]);
    expect((await q('externalId eq "ext-Delta"')).Resources.map((g: { id: string }) => g.id)).toEqual([ids[3]]);
    expect((await q('externalId eq "EXT-DELTA"')).totalResults).toBe(0);
    expect((await q(`id eq "${ids[4]}"`)).Resources.map((g: { id: string }) => g.id)).toEqual([ids[4]]);
    expect((await q('id eq "not-a-uuid"')).totalResults).toBe(0);
    expect((await q(`id eq "${ids[2]}" and members[value eq "${w.user.id}"]`)).totalResults).toBe(1);
    expect((await q(`id eq "${ids[1]}" and members[value eq "${w.user.id}"]`)).totalResults).toBe(0);
    const lean = await q('displayName eq "Charlie"', "&excludedAttributes=members");
    expect(lean.Resources[0]).not.toHaveProperty("members");
    expect(lean.Resources[0]).toMatchObject({ displayName: "Charlie", externalId: "ext-Charlie", meta: { resourceType: "Group" } });
    expect((await w.scim("GET", `/Groups/${ids[2]}?excludedAttributes=members`)).body).not.toHaveProperty("members");
    expect((await w.scim("GET", `/Groups/${ids[2]}?attributes=displayName`)).body).not.toHaveProperty("members");
  });

  it("C4 a group lists only people who are still members; a removal may still name someone who left", async () => {
    const w = await world();
    const leaver = (await addNamedMember(t.db, w.org.id, "user")).user;
    const group = await w.push("Engineering", [w.user.id, leaver.id]);
    await t.db.delete(memberships).where(and(eq(memberships.orgId, w.org.id), eq(memberships.userId, leaver.id)));
    expect((await w.scim("GET", `/Groups/${group}`)).body.members.map((m: { value: string }) => m.value)).toEqual([w.user.id]);
    expect((await w.remove(group, leaver.id)).status).toBe(204);
    expect(await listed(group)).toEqual([w.user.id]);
    expect((await w.add(group, leaver.id)).status).toBe(400);
  });
});

describe("A1 W1 C4 every change is audited by SCIM and fires the page's webhooks", () => {
  it("A1 C4 group entries say what happened to which group, by SCIM; role and plan effects write the page's entries and events", async () => {
    const w = await world();
    const id = await w.push("Managers", [w.user.id]);
    await w.patch(id, [{ op: "add", path: "members", value: [{ value: w.user2.id }] }, { op: "remove", path: `members[value eq "${w.user.id}"]` }]);
    const pdoc = await w.push("PDoc Share", [w.user.id]);
    await w.remove(pdoc, w.user.id);
    const groupEntries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, w.org.id), inArray(auditLog.action, ["scim_group.created", "scim_group.members_changed"])))
      .orderBy(asc(auditLog.id));
    expect(groupEntries.map((a) => [a.action, a.after])).toEqual([
      ["scim_group.created", expect.objectContaining({ group: "Managers", members: 1, addedEmails: [w.user.email] })],
      ["scim_group.members_changed", expect.objectContaining({ group: "Managers", added: 1, removed: 1, addedEmails: [w.user2.email], removedEmails: [w.user.email] })],
      ["scim_group.created", expect.objectContaining({ group: "PDoc Share", members: 1 })],
      ["scim_group.members_changed", expect.objectContaining({ group: "PDoc Share", added: 0, removed: 1 })],
    ]);
    for (const entry of groupEntries) expect(entry.via).toEqual(expect.objectContaining({ door: "scim", name: "Okta" }));
    const types = (await t.db.select({ type: webhookEvents.type }).from(webhookEvents).where(eq(webhookEvents.orgId, w.org.id))).map((e) => e.type).sort();
    expect(types).toEqual(["member.updated", "member.updated", "member.updated", "plan.user_added", "plan.user_removed"]);
    const log = await t.db.select().from(scimEvents).where(eq(scimEvents.orgId, w.org.id)).orderBy(asc(scimEvents.id));
    expect(log.map((e) => `${e.method} ${e.status}`)).toEqual(["POST 201", "PATCH 204", "POST 201", "PATCH 204"]);
    expect(log[0].summary).toBe(`Created the group Managers with ${w.user.email}. ${w.user.email} is now Manager.`);
    expect(log[1].summary).toContain(`Added ${w.user2.email} to Managers; Removed ${w.user.email} from Managers`);
  });
});
