import { actAs, form, idle } from "../support/next-mocks";
import { randomBytes } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { revokeInvitationAction } from "@/app/o/[org]/invites/actions";
import { changeTierAction } from "@/app/o/[org]/settings/subscription/actions";
import { transferSurveyAction } from "@/app/o/[org]/surveys/actions";
import { deleteMemberAction, inviteMembersAction, setMemberStatusAction, updateMemberAction } from "@/app/o/[org]/users/actions";
import {
  auditLog,
  memberships,
  notifications,
  organizations,
  ownershipTransfers,
  planUsers,
  sessions,
  surveys,
  tasks,
  workflows,
} from "@/db/schema";
import { seatUsage } from "@/lib/seats/seat-usage";
import { setupTestDatabase } from "../support/db";
import { makeInvitation, makeOrg, makePlan, makeSurvey } from "../support/factories";
import { addNamedMember, expectNoChange, snapshot, uniqueEmail } from "../support/state";

/** SPEC R5, R6 (with P6's effects), R9 and T4. */
const t = setupTestDatabase();

const WEEK = 7 * 24 * 3600 * 1000;

async function membershipOf(orgId: string, userId: string) {
  const [row] = await t.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row;
}

async function addToPlan(planId: string, orgId: string, userId: string) {
  await t.db.insert(planUsers).values({ planId, orgId, userId });
}

async function addSession(userId: string) {
  const sessionToken = randomBytes(16).toString("hex");
  await t.db.insert(sessions).values({ sessionToken, userId, expires: new Date(Date.now() + WEEK) });
  return sessionToken;
}

async function task(values: typeof tasks.$inferInsert) {
  const [row] = await t.db.insert(tasks).values(values).returning();
  return row;
}

async function taskById(id: string) {
  const [row] = await t.db.select().from(tasks).where(eq(tasks.id, id));
  return row;
}

async function transfer(values: Omit<typeof ownershipTransfers.$inferInsert, "expiresAt">) {
  const [row] = await t.db
    .insert(ownershipTransfers)
    .values({ expiresAt: new Date(Date.now() + WEEK), ...values })
    .returning();
  return row;
}

async function transferState(id: string) {
  const [row] = await t.db.select().from(ownershipTransfers).where(eq(ownershipTransfers.id, id));
  return row.state;
}

/** The edit form with the person's current profile, so that only what the test changes changes. */
function selfEdit(orgSlug: string, person: { id: string; firstName: string | null; lastName: string | null; email: string }, role: string, firstName: string) {
  return form({ org: orgSlug, userId: person.id, firstName, lastName: person.lastName ?? "", email: person.email, phone: "", role });
}

describe("R5 a member with dependents cannot be deleted", () => {
  it("R5: a member who owns a survey: HAS_DEPENDENTS, nothing changes; after the survey is transferred the delete goes through", async () => {
    const org = await makeOrg(t.db, { tier: "pro" });
    const admin = (await addNamedMember(t.db, org.id, "admin")).user;
    const owner = (await addNamedMember(t.db, org.id, "user")).user;
    const survey = await makeSurvey(t.db, org.id, owner.id);
    actAs(admin.id);
    const refused = await expectNoChange(t.db, () => deleteMemberAction(idle, form({ org: org.slug, userId: owner.id })));
    expect(refused).toMatchObject({ ok: false, code: "HAS_DEPENDENTS" });

    expect(await transferSurveyAction(idle, form({ org: org.slug, surveyId: survey.id, toUserId: admin.id }))).toMatchObject({ ok: true });
    expect(await deleteMemberAction(idle, form({ org: org.slug, userId: owner.id }))).toMatchObject({ ok: true });
    expect(await membershipOf(org.id, owner.id)).toBeUndefined();
    const [kept] = await t.db.select().from(surveys).where(eq(surveys.id, survey.id));
    expect(kept.ownerId).toBe(admin.id);
  });

  it("R5: the subscriber of a plan: HAS_DEPENDENTS and nothing changes (a Manager deleting too)", async () => {
    const org = await makeOrg(t.db, { tier: "pro" });
    const admin = (await addNamedMember(t.db, org.id, "admin")).user;
    const manager = (await addNamedMember(t.db, org.id, "manager")).user;
    const subscriber = (await addNamedMember(t.db, org.id, "user")).user;
    await makePlan(t.db, org.id, subscriber.id, "pdoc_share");
    for (const actor of [admin, manager]) {
      actAs(actor.id);
      const refused = await expectNoChange(t.db, () =>
        deleteMemberAction(idle, form({ org: org.slug, userId: subscriber.id })),
      );
      expect(refused).toMatchObject({ ok: false, code: "HAS_DEPENDENTS" });
    }
  });

  it("R5: surveys and a subscribed plan together: still HAS_DEPENDENTS, nothing changes", async () => {
    const org = await makeOrg(t.db, { tier: "pro" });
    const admin = (await addNamedMember(t.db, org.id, "admin")).user;
    const both = (await addNamedMember(t.db, org.id, "manager")).user;
    await makeSurvey(t.db, org.id, both.id);
    await makePlan(t.db, org.id, both.id, "supplier_evaluations");
    actAs(admin.id);
    const refused = await expectNoChange(t.db, () => deleteMemberAction(idle, form({ org: org.slug, userId: both.id })));
    expect(refused).toMatchObject({ ok: false, code: "HAS_DEPENDENTS" });
  });
});

describe("R6 deleting a member, in one go", () => {
  /**
   * Organization A: the Admin subscribes PDoc Share, a Manager subscribes Supplier Evaluations; the
   * leaver is a User on both plans with workflows, open and done tasks both ways, transfers to and
   * from them and a survey checked out. They are also Admin of organization B with work there.
   */
  async function world() {
    const orgA = await makeOrg(t.db, { tier: "pro" });
    const admin = (await addNamedMember(t.db, orgA.id, "admin")).user;
    const manager = (await addNamedMember(t.db, orgA.id, "manager")).user;
    const colleague = (await addNamedMember(t.db, orgA.id, "user")).user;
    const leaver = (await addNamedMember(t.db, orgA.id, "user")).user;

    const pdoc = await makePlan(t.db, orgA.id, admin.id, "pdoc_share");
    const evals = await makePlan(t.db, orgA.id, manager.id, "supplier_evaluations");
    const profile = await makePlan(t.db, orgA.id, admin.id, "company_profile", null);
    for (const plan of [pdoc, evals]) {
      await addToPlan(plan.id, orgA.id, leaver.id);
      await addToPlan(plan.id, orgA.id, colleague.id);
    }

    const [leaverFlow] = await t.db.insert(workflows).values({ planId: pdoc.id, orgId: orgA.id, ownerId: leaver.id, title: "Leaver's flow" }).returning();
    const [leaverEvalFlow] = await t.db.insert(workflows).values({ planId: evals.id, orgId: orgA.id, ownerId: leaver.id, title: "Leaver's evaluation" }).returning();
    const [adminFlow] = await t.db.insert(workflows).values({ planId: pdoc.id, orgId: orgA.id, ownerId: admin.id, title: "Admin's flow" }).returning();

    const base = { orgId: orgA.id };
    const tasksA = {
      assignedOpen: await task({ ...base, planId: pdoc.id, workflowId: leaverFlow.id, senderId: colleague.id, assigneeId: leaver.id, title: "assigned open" }),
      sentOpen: await task({ ...base, planId: pdoc.id, workflowId: adminFlow.id, senderId: leaver.id, assigneeId: colleague.id, title: "sent open" }),
      assignedDone: await task({ ...base, planId: pdoc.id, senderId: colleague.id, assigneeId: leaver.id, title: "assigned done", state: "done" }),
      sentDone: await task({ ...base, planId: pdoc.id, senderId: leaver.id, assigneeId: colleague.id, title: "sent done", state: "done" }),
      evalAssignedOpen: await task({ ...base, planId: evals.id, workflowId: leaverEvalFlow.id, senderId: manager.id, assigneeId: leaver.id, title: "eval open" }),
      unrelated: await task({ ...base, planId: pdoc.id, workflowId: adminFlow.id, senderId: admin.id, assigneeId: colleague.id, title: "not theirs" }),
    };

    const transfersA = {
      toLeaver: await transfer({ planId: pdoc.id, orgId: orgA.id, fromUserId: admin.id, toUserId: leaver.id }),
      fromLeaver: await transfer({ planId: evals.id, orgId: orgA.id, fromUserId: leaver.id, toUserId: colleague.id }),
      unrelated: await transfer({ planId: profile.id, orgId: orgA.id, fromUserId: admin.id, toUserId: colleague.id }),
      accepted: await transfer({ planId: pdoc.id, orgId: orgA.id, fromUserId: leaver.id, toUserId: admin.id, state: "accepted" }),
    };

    const checkedOut = await makeSurvey(t.db, orgA.id, admin.id, "Checked out by the leaver");
    await t.db.update(surveys).set({ checkedOutById: leaver.id, checkedOutAt: new Date() }).where(eq(surveys.id, checkedOut.id));

    // Organization B, where the leaver is Admin with a plan, a survey, work and a transfer.
    const orgB = await makeOrg(t.db, { tier: "pro" });
    await t.db.insert(memberships).values({ orgId: orgB.id, userId: leaver.id, role: "admin" });
    const peerB = (await addNamedMember(t.db, orgB.id, "user")).user;
    const planB = await makePlan(t.db, orgB.id, leaver.id, "pdoc_share");
    await addToPlan(planB.id, orgB.id, peerB.id);
    const surveyB = await makeSurvey(t.db, orgB.id, leaver.id, "B survey");
    await t.db.insert(workflows).values({ planId: planB.id, orgId: orgB.id, ownerId: leaver.id, title: "B flow" });
    const taskB = await task({ orgId: orgB.id, planId: planB.id, senderId: peerB.id, assigneeId: leaver.id, title: "B open" });
    const transferB = await transfer({ planId: planB.id, orgId: orgB.id, fromUserId: leaver.id, toUserId: peerB.id });

    return {
      orgA, admin, manager, colleague, leaver, pdoc, evals, leaverFlow, leaverEvalFlow, adminFlow, tasksA, transfersA, checkedOut,
      orgB, peerB, planB, surveyB, taskB, transferB,
    };
  }

  it("R6/P6: membership gone, seat free, off every plan with P6's effects, transfers void, check-outs released, audited — organization B untouched", async () => {
    const w = await world();
    const leaverSession = await addSession(w.leaver.id);
    const seatsBefore = await seatUsage(t.db, w.orgA.id);
    const before = await snapshot(t.db);
    const bRows = async () => ({
      memberships: await t.db.select().from(memberships).where(eq(memberships.orgId, w.orgB.id)),
      planUsers: await t.db.select().from(planUsers).where(eq(planUsers.orgId, w.orgB.id)),
      workflows: await t.db.select().from(workflows).where(eq(workflows.orgId, w.orgB.id)),
      tasks: await t.db.select().from(tasks).where(eq(tasks.orgId, w.orgB.id)),
      surveys: await t.db.select().from(surveys).where(eq(surveys.orgId, w.orgB.id)),
      transfers: await t.db.select().from(ownershipTransfers).where(eq(ownershipTransfers.orgId, w.orgB.id)),
    });
    const bBefore = await bRows();

    actAs(w.manager.id);
    expect(await deleteMemberAction(idle, form({ org: w.orgA.slug, userId: w.leaver.id }))).toMatchObject({ ok: true });

    // The membership is gone and its seat is free; the person's account is not deleted.
    expect(await membershipOf(w.orgA.id, w.leaver.id)).toBeUndefined();
    expect(await seatUsage(t.db, w.orgA.id)).toMatchObject({ members: seatsBefore.members - 1, used: seatsBefore.used - 1 });
    expect((await snapshot(t.db)).users).toEqual(before.users);

    // P6 on every plan of A.
    const places = await t.db
      .select()
      .from(planUsers)
      .where(and(eq(planUsers.orgId, w.orgA.id), eq(planUsers.userId, w.leaver.id)));
    expect(places).toEqual([]);
    const flows = await t.db.select().from(workflows).where(inArray(workflows.id, [w.leaverFlow.id, w.leaverEvalFlow.id, w.adminFlow.id]));
    expect(flows.map((f) => f.id)).toEqual([w.adminFlow.id]);
    expect(await taskById(w.tasksA.assignedOpen.id)).toMatchObject({ assigneeId: w.admin.id, senderId: w.colleague.id, state: "open", workflowId: null });
    expect(await taskById(w.tasksA.sentOpen.id)).toMatchObject({ senderId: w.admin.id, assigneeId: w.colleague.id, state: "open", workflowId: w.adminFlow.id });
    expect(await taskById(w.tasksA.evalAssignedOpen.id)).toMatchObject({ assigneeId: w.manager.id, state: "open" });
    // Done tasks and other people's tasks are history: untouched.
    for (const untouched of [w.tasksA.assignedDone, w.tasksA.sentDone, w.tasksA.unrelated]) {
      expect(await taskById(untouched.id)).toEqual(untouched);
    }
    // The subscribers are told that tasks moved to them.
    const moved = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.orgId, w.orgA.id), eq(notifications.kind, "tasks_moved")));
    expect(moved.map((n) => n.userId).sort()).toEqual([w.admin.id, w.manager.id].sort());

    // Pending transfers to or from them are void; others, and finished ones, are not.
    expect(await transferState(w.transfersA.toLeaver.id)).toBe("void");
    expect(await transferState(w.transfersA.fromLeaver.id)).toBe("void");
    expect(await transferState(w.transfersA.unrelated.id)).toBe("pending");
    expect(await transferState(w.transfersA.accepted.id)).toBe("accepted");

    // Nobody can ever be left unable to edit a survey they checked out.
    const [survey] = await t.db.select().from(surveys).where(eq(surveys.id, w.checkedOut.id));
    expect(survey).toMatchObject({ checkedOutById: null, ownerId: w.admin.id });

    // Still a member of B: the session stays, and B is exactly as it was.
    expect(await t.db.select().from(sessions).where(eq(sessions.sessionToken, leaverSession))).toHaveLength(1);
    expect(await bRows()).toEqual(bBefore);

    // A1: one member.deleted entry by the Manager, one plan.user_removed per plan.
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.orgId, w.orgA.id));
    const deleted = entries.filter((e) => e.action === "member.deleted");
    expect(deleted).toHaveLength(1);
    expect(deleted[0]).toMatchObject({ actorId: w.manager.id, targetUserId: w.leaver.id, targetEmail: w.leaver.email });
    expect(deleted[0].before).toMatchObject({ role: "user" });
    expect(entries.filter((e) => e.action === "plan.user_removed").map((e) => e.subjectId).sort()).toEqual([w.pdoc.id, w.evals.id].sort());
    expect(await t.db.select().from(auditLog).where(eq(auditLog.orgId, w.orgB.id))).toEqual([]);

    // R6: they lose A at their very next request, and keep B.
    actAs(w.leaver.id);
    const inA = await expectNoChange(t.db, () =>
      inviteMembersAction(idle, form({ org: w.orgA.slug, emails: uniqueEmail(), role: "user" })),
    );
    expect(inA).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await updateMemberAction(idle, selfEdit(w.orgB.slug, w.leaver, "admin", "StillHere"))).toMatchObject({ ok: true });
  });

  it("R6: a member of no other organization loses every session; other people's sessions stay", async () => {
    const org = await makeOrg(t.db, { tier: "pro" });
    const admin = (await addNamedMember(t.db, org.id, "admin")).user;
    const leaver = (await addNamedMember(t.db, org.id, "manager")).user;
    await addSession(leaver.id);
    await addSession(leaver.id);
    const adminSession = await addSession(admin.id);
    actAs(admin.id);
    expect(await deleteMemberAction(idle, form({ org: org.slug, userId: leaver.id }))).toMatchObject({ ok: true });
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, leaver.id))).toEqual([]);
    expect(await t.db.select().from(sessions).where(eq(sessions.sessionToken, adminSession))).toHaveLength(1);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "member.deleted")));
    expect(entry.after).toMatchObject({ sessionsEnded: 2 });
  });

  it("R6/T2: a suspended member can be deleted, and their seat is free", async () => {
    const org = await makeOrg(t.db, { tier: "free" });
    const admin = (await addNamedMember(t.db, org.id, "admin")).user;
    const { user, membership } = await addNamedMember(t.db, org.id, "user");
    await t.db.update(memberships).set({ status: "suspended" }).where(eq(memberships.id, membership.id));
    expect((await seatUsage(t.db, org.id)).used).toBe(2);
    actAs(admin.id);
    expect(await deleteMemberAction(idle, form({ org: org.slug, userId: user.id }))).toMatchObject({ ok: true });
    expect((await seatUsage(t.db, org.id)).used).toBe(1);
  });

  it("R6: deleting a member who is already gone is NOT_FOUND and changes nothing", async () => {
    const org = await makeOrg(t.db, { tier: "pro" });
    const admin = (await addNamedMember(t.db, org.id, "admin")).user;
    const leaver = (await addNamedMember(t.db, org.id, "user")).user;
    actAs(admin.id);
    expect(await deleteMemberAction(idle, form({ org: org.slug, userId: leaver.id }))).toMatchObject({ ok: true });
    const again = await expectNoChange(t.db, () => deleteMemberAction(idle, form({ org: org.slug, userId: leaver.id })));
    expect(again).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

describe("R9 suspend and re-activate", () => {
  it("R9: a suspended member keeps the seat and their data; every action of theirs answers SUSPENDED; re-activation restores them", async () => {
    const org = await makeOrg(t.db, { tier: "pro" });
    const admin = (await addNamedMember(t.db, org.id, "admin")).user;
    const manager = (await addNamedMember(t.db, org.id, "manager")).user;
    const user = (await addNamedMember(t.db, org.id, "user")).user;
    const survey = await makeSurvey(t.db, org.id, manager.id);
    const plan = await makePlan(t.db, org.id, admin.id, "pdoc_share");
    await addToPlan(plan.id, org.id, manager.id);
    const seats = await seatUsage(t.db, org.id);

    actAs(admin.id);
    expect(await setMemberStatusAction(idle, form({ org: org.slug, userId: manager.id, status: "suspended" }))).toMatchObject({ ok: true });
    expect((await membershipOf(org.id, manager.id)).status).toBe("suspended");
    expect(await seatUsage(t.db, org.id)).toEqual(seats);
    const [kept] = await t.db.select().from(surveys).where(eq(surveys.id, survey.id));
    expect(kept.ownerId).toBe(manager.id);
    expect(await t.db.select().from(planUsers).where(and(eq(planUsers.planId, plan.id), eq(planUsers.userId, manager.id)))).toHaveLength(1);

    actAs(manager.id);
    const attempts = [
      () => inviteMembersAction(idle, form({ org: org.slug, emails: uniqueEmail(), role: "user" })),
      () => updateMemberAction(idle, selfEdit(org.slug, manager, "manager", "Sneaky")),
      () => deleteMemberAction(idle, form({ org: org.slug, userId: user.id })),
      () => setMemberStatusAction(idle, form({ org: org.slug, userId: user.id, status: "suspended" })),
      () => transferSurveyAction(idle, form({ org: org.slug, surveyId: survey.id, toUserId: user.id })),
    ];
    for (const attempt of attempts) {
      expect(await expectNoChange(t.db, attempt)).toMatchObject({ ok: false, code: "SUSPENDED" });
    }

    // Suspending twice is a conflict, not a second audit entry.
    actAs(admin.id);
    const twice = await expectNoChange(t.db, () =>
      setMemberStatusAction(idle, form({ org: org.slug, userId: manager.id, status: "suspended" })),
    );
    expect(twice).toMatchObject({ ok: false, code: "CONFLICT" });

    expect(await setMemberStatusAction(idle, form({ org: org.slug, userId: manager.id, status: "active" }))).toMatchObject({ ok: true });
    expect((await membershipOf(org.id, manager.id)).status).toBe("active");
    actAs(manager.id);
    expect(await inviteMembersAction(idle, form({ org: org.slug, emails: uniqueEmail(), role: "user" }))).toMatchObject({ ok: true });

    const entries = await t.db.select().from(auditLog).where(eq(auditLog.orgId, org.id));
    expect(entries.filter((e) => e.action === "member.suspended")).toEqual([
      expect.objectContaining({ actorId: admin.id, targetUserId: manager.id, before: { status: "active" }, after: { status: "suspended" } }),
    ]);
    expect(entries.filter((e) => e.action === "member.reactivated")).toEqual([
      expect.objectContaining({ actorId: admin.id, targetUserId: manager.id, before: { status: "suspended" }, after: { status: "active" } }),
    ]);
  });

  it("R9: suspended in one organization, still a member in full of another", async () => {
    const orgA = await makeOrg(t.db, { tier: "pro" });
    const adminA = (await addNamedMember(t.db, orgA.id, "admin")).user;
    const person = (await addNamedMember(t.db, orgA.id, "user")).user;
    const orgB = await makeOrg(t.db, { tier: "pro" });
    await t.db.insert(memberships).values({ orgId: orgB.id, userId: person.id, role: "admin" });
    actAs(adminA.id);
    expect(await setMemberStatusAction(idle, form({ org: orgA.slug, userId: person.id, status: "suspended" }))).toMatchObject({ ok: true });
    actAs(person.id);
    expect(await updateMemberAction(idle, selfEdit(orgA.slug, person, "user", "X"))).toMatchObject({ ok: false, code: "SUSPENDED" });
    expect(await inviteMembersAction(idle, form({ org: orgB.slug, emails: uniqueEmail(), role: "user" }))).toMatchObject({ ok: true });
  });
});

describe("T4 changing the tier", () => {
  async function tierOf(orgId: string) {
    const [row] = await t.db.select({ tier: organizations.tier }).from(organizations).where(eq(organizations.id, orgId));
    return row.tier;
  }

  it("T4: only Admins change the tier: a Manager and a User are FORBIDDEN and nothing changes", async () => {
    const org = await makeOrg(t.db, { tier: "essential" });
    await addNamedMember(t.db, org.id, "admin");
    for (const role of ["manager", "user"] as const) {
      const actor = (await addNamedMember(t.db, org.id, role)).user;
      actAs(actor.id);
      for (const tier of ["free", "pro", "enterprise"]) {
        const result = await expectNoChange(t.db, () => changeTierAction(idle, form({ org: org.slug, tier })));
        expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
      }
    }
    expect(await tierOf(org.id)).toBe("essential");
  });

  it("T4/T2: a downgrade below the seats in use (suspended members and live invitations included) is SEAT_LIMIT with the tier unchanged; freeing seats lets it through", async () => {
    const org = await makeOrg(t.db, { tier: "pro" });
    const admin = (await addNamedMember(t.db, org.id, "admin")).user;
    await addNamedMember(t.db, org.id, "user");
    const { membership } = await addNamedMember(t.db, org.id, "user");
    await t.db.update(memberships).set({ status: "suspended" }).where(eq(memberships.id, membership.id));
    const { invitation: one } = await makeInvitation(t.db, org.id, admin.id, { email: uniqueEmail("one") });
    await makeInvitation(t.db, org.id, admin.id, { email: uniqueEmail("two") });
    await makeInvitation(t.db, org.id, admin.id, { email: uniqueEmail("old"), expiresAt: new Date(Date.now() - 1000) });
    expect((await seatUsage(t.db, org.id)).used).toBe(5);

    actAs(admin.id);
    const refused = await expectNoChange(t.db, () => changeTierAction(idle, form({ org: org.slug, tier: "free" })));
    expect(refused).toMatchObject({ ok: false, code: "SEAT_LIMIT" });
    expect(refused.fieldErrors?.tier?.length).toBeGreaterThan(0);

    // Exactly at the limit is allowed: Essential has 6.
    expect(await changeTierAction(idle, form({ org: org.slug, tier: "essential" }))).toMatchObject({ ok: true });
    expect(await tierOf(org.id)).toBe("essential");

    expect(await revokeInvitationAction(idle, form({ org: org.slug, invitationId: one.id }))).toMatchObject({ ok: true });
    expect((await seatUsage(t.db, org.id)).used).toBe(4);
    expect(await changeTierAction(idle, form({ org: org.slug, tier: "free" }))).toMatchObject({ ok: true });
    expect(await tierOf(org.id)).toBe("free");
  });

  it("T4/A1: an upgrade works and is audited with before and after; the same tier again is a CONFLICT", async () => {
    const org = await makeOrg(t.db, { tier: "free" });
    const admin = (await addNamedMember(t.db, org.id, "admin")).user;
    actAs(admin.id);
    expect(await changeTierAction(idle, form({ org: org.slug, tier: "enterprise" }))).toMatchObject({ ok: true });
    expect(await tierOf(org.id)).toBe("enterprise");
    expect((await seatUsage(t.db, org.id)).limit).toBeNull();
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "organization.tier_changed")));
    expect(entry).toMatchObject({ actorId: admin.id, subjectId: org.id, before: { tier: "free" }, after: { tier: "enterprise" } });

    const same = await expectNoChange(t.db, () => changeTierAction(idle, form({ org: org.slug, tier: "enterprise" })));
    expect(same).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("T4/R8: an Admin who was demoted a moment ago can no longer change the tier", async () => {
    const org = await makeOrg(t.db, { tier: "pro" });
    const admin = (await addNamedMember(t.db, org.id, "admin")).user;
    const other = (await addNamedMember(t.db, org.id, "admin")).user;
    actAs(other.id);
    expect(
      await updateMemberAction(
        idle,
        form({ org: org.slug, userId: other.id, firstName: other.firstName!, lastName: other.lastName!, email: other.email, phone: "", role: "manager" }),
      ),
    ).toMatchObject({ ok: true });
    const result = await expectNoChange(t.db, () => changeTierAction(idle, form({ org: org.slug, tier: "enterprise" })));
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    actAs(admin.id);
    expect(await changeTierAction(idle, form({ org: org.slug, tier: "enterprise" }))).toMatchObject({ ok: true });
  });
});
