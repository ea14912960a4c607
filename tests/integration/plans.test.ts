import { and, count, eq, isNotNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  emailOutbox,
  invitations,
  notifications,
  planUserPermissions,
  planUsers,
  plans,
  tasks,
  workflows,
} from "@/db/schema";
import { isAppError } from "@/lib/errors";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { inviteMembers } from "@/lib/invitations/invite-members";
import { resendInvitation } from "@/lib/invitations/resend-invitation";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";
import { addPlanUser } from "@/lib/plans/add-plan-user";
import { changePlanSeats } from "@/lib/plans/change-plan-seats";
import { invitePlanUser } from "@/lib/plans/invite-plan-user";
import { planSeatCounts } from "@/lib/plans/plan-seats";
import { listMySubscriptions, listPlanUsers } from "@/lib/plans/queries";
import { removalPreview, removePlanUser } from "@/lib/plans/remove-plan-user";
import { subscribeToProduct } from "@/lib/plans/subscribe-to-product";
import { updatePlanUserPermissions } from "@/lib/plans/update-plan-user-permissions";
import { seatUsage } from "@/lib/seats/seat-usage";
import { setupTestDatabase } from "../support/db";
import { rendered } from "../support/email";
import { addMember, makeOrg } from "../support/factories";
import { addToPlan, contextOf, makeSubscribedPlan, planWorld } from "../support/plans";
import { expectNoChange, tokenSentBy, uniqueEmail } from "../support/state";

/** SPEC §5: P1 subscribe and seats, P2 My Subscriptions, P3 Add User To Plan, P5 permissions, P6 removal. */
const t = setupTestDatabase();
const baseUrl = "http://localhost:3000";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

async function placeOf(planId: string, userId: string) {
  const [row] = await t.db.select().from(planUsers).where(and(eq(planUsers.planId, planId), eq(planUsers.userId, userId)));
  return row;
}

async function keysOf(placeId: string) {
  const rows = await t.db.select({ key: planUserPermissions.key }).from(planUserPermissions).where(eq(planUserPermissions.planUserId, placeId));
  return rows.map((r) => r.key).sort();
}

async function seatsOf(planId: string) {
  return (await planSeatCounts(t.db, [planId])).get(planId)!;
}

describe("P1 subscribe", () => {
  it("P1: an Admin subscribes; they are the subscriber, hold a plan seat with every permission, and it is audited", async () => {
    const w = await planWorld(t.db);
    const { planId } = await subscribeToProduct(w.ctx.admin, { productId: "corrective_actions", seats: 3 });
    const [plan] = await t.db.select().from(plans).where(eq(plans.id, planId));
    expect(plan).toMatchObject({ orgId: w.org.id, subscriberId: w.admin.id, seats: 3, productId: "corrective_actions" });
    const place = await placeOf(planId, w.admin.id);
    expect(await keysOf(place.id)).toEqual(["tasks.send", "workflows.create", "workflows.view_all"]);
    expect(await seatsOf(planId)).toEqual({ users: 1, pendingInvitations: 0 });
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.orgId, w.org.id), eq(auditLog.action, "plan.subscribed")));
    expect(entry).toMatchObject({ actorId: w.admin.id, subjectId: planId });
  });

  it("P1: Managers and Users do not subscribe (FORBIDDEN), and nothing changes", async () => {
    const w = await planWorld(t.db);
    for (const ctx of [w.ctx.manager, w.ctx.user]) {
      expect(await expectNoChange(t.db, () => codeOf(subscribeToProduct(ctx, { productId: "custom_plan" })))).toBe("FORBIDDEN");
    }
  });

  it("P1/I6: Service only for supplier organizations; a supplier's Admin subscribes to it", async () => {
    const w = await planWorld(t.db);
    expect(await expectNoChange(t.db, () => codeOf(subscribeToProduct(w.ctx.admin, { productId: "service", seats: 2 })))).toBe("FORBIDDEN");
    const supplier = await makeOrg(t.db, { tier: "free", kind: "supplier" });
    const sam = (await addMember(t.db, supplier.id, "admin")).user;
    expect(await codeOf(subscribeToProduct(contextOf(supplier, sam, "admin"), { productId: "service", seats: 2 }))).toBe("ok");
  });

  it("P1: one plan per product (CONFLICT); a product that does not exist is NOT_FOUND; several-user products need seats", async () => {
    const w = await planWorld(t.db);
    expect(await expectNoChange(t.db, () => codeOf(subscribeToProduct(w.ctx.admin, { productId: "pdoc_share", seats: 4 })))).toBe("CONFLICT");
    expect(await expectNoChange(t.db, () => codeOf(subscribeToProduct(w.ctx.admin, { productId: "nope" })))).toBe("NOT_FOUND");
    expect(await expectNoChange(t.db, () => codeOf(subscribeToProduct(w.ctx.admin, { productId: "supplier_evaluations" })))).toBe("VALIDATION");
    // Custom Plan and Company Profile have no seat count.
    const { planId } = await subscribeToProduct(w.ctx.admin, { productId: "custom_plan", seats: 7 });
    const [plan] = await t.db.select().from(plans).where(eq(plans.id, planId));
    expect(plan.seats).toBeNull();
  });

  it("P1: seats change by the subscriber or an Admin, never below the seats in use (users and live plan invitations)", async () => {
    const w = await planWorld(t.db);
    const plan = await makeSubscribedPlan(t.db, w.org.id, w.manager.id, "supplier_evaluations", 5);
    await addToPlan(t.db, plan, w.user.id);
    await invitePlanUser(w.ctx.manager, { planId: plan.id, email: uniqueEmail("seat") }, { baseUrl });
    // In use: Manager, User, one invitation = 3.
    expect(await expectNoChange(t.db, () => codeOf(changePlanSeats(w.ctx.manager, plan.id, 2)))).toBe("VALIDATION");
    expect(await expectNoChange(t.db, () => codeOf(changePlanSeats(w.ctx.user, plan.id, 9)))).toBe("FORBIDDEN");
    expect(await codeOf(changePlanSeats(w.ctx.manager, plan.id, 3))).toBe("ok");
    expect(await codeOf(changePlanSeats(w.ctx.admin, plan.id, 8))).toBe("ok");
    const [row] = await t.db.select().from(plans).where(eq(plans.id, plan.id));
    expect(row.seats).toBe(8);
    const profile = await makeSubscribedPlan(t.db, w.org.id, w.admin.id, "company_profile", null);
    expect(await expectNoChange(t.db, () => codeOf(changePlanSeats(w.ctx.admin, profile.id, 3)))).toBe("CONFLICT");
  });
});

describe("P3 Add User To Plan: an existing member", () => {
  it("P3/P5: the subscriber adds a member with the product's default permissions; they are told (N1) and it is audited", async () => {
    const w = await planWorld(t.db);
    await addPlanUser(w.ctx.admin, w.plan.id, w.user.id);
    const place = await placeOf(w.plan.id, w.user.id);
    expect(await keysOf(place.id)).toEqual(["workflows.create", "workflows.view_all"]);
    const inbox = await t.db.select().from(notifications).where(eq(notifications.userId, w.user.id));
    expect(inbox).toEqual([expect.objectContaining({ kind: "plan_added", planId: w.plan.id })]);
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.orgId, w.org.id), eq(auditLog.action, "plan.user_added")));
    expect(entry).toMatchObject({ actorId: w.admin.id, targetUserId: w.user.id });
  });

  it("P3/T3: the last plan seat is taken once; the next add is PLAN_SEAT_LIMIT and writes nothing", async () => {
    const w = await planWorld(t.db, { seats: 3 });
    await addPlanUser(w.ctx.admin, w.plan.id, w.user.id);
    expect(await seatsOf(w.plan.id)).toEqual({ users: 3, pendingInvitations: 0 });
    expect(await expectNoChange(t.db, () => codeOf(addPlanUser(w.ctx.admin, w.plan.id, w.user2.id)))).toBe("PLAN_SEAT_LIMIT");
  });

  it("P3: Company Profile allows one user — no Add User To Plan (CONFLICT), nothing written", async () => {
    const w = await planWorld(t.db);
    const profile = await makeSubscribedPlan(t.db, w.org.id, w.admin.id, "company_profile", null);
    expect(await expectNoChange(t.db, () => codeOf(addPlanUser(w.ctx.admin, profile.id, w.user.id)))).toBe("CONFLICT");
    expect(await expectNoChange(t.db, () => codeOf(invitePlanUser(w.ctx.admin, { planId: profile.id, email: uniqueEmail("cp") }, { baseUrl })))).toBe(
      "CONFLICT",
    );
  });

  it("P3: Custom Plan has no seat limit", async () => {
    const w = await planWorld(t.db);
    const custom = await makeSubscribedPlan(t.db, w.org.id, w.admin.id, "custom_plan", null);
    for (const u of [w.manager, w.user, w.user2]) await addPlanUser(w.ctx.admin, custom.id, u.id);
    expect(await seatsOf(custom.id)).toEqual({ users: 4, pendingInvitations: 0 });
  });

  it("P3: someone already on the plan, a suspended member, or another organization's user: refused, nothing written", async () => {
    const w = await planWorld(t.db);
    expect(await expectNoChange(t.db, () => codeOf(addPlanUser(w.ctx.admin, w.plan.id, w.manager.id)))).toBe("CONFLICT");
    expect(await expectNoChange(t.db, () => codeOf(addPlanUser(w.ctx.admin, w.plan.id, w.otherAdmin.id)))).toBe("NOT_FOUND");
    const { user: paused } = await addMember(t.db, w.org.id, "user");
    await t.db.execute(`update memberships set status = 'suspended' where user_id = '${paused.id}'`);
    expect(await expectNoChange(t.db, () => codeOf(addPlanUser(w.ctx.admin, w.plan.id, paused.id)))).toBe("CONFLICT");
  });
});

describe("P3 Add User To Plan: a new person", () => {
  it("P3/T2/I4: Send Invitation puts the invitee on the plan at once with a plan seat and an organization seat; accepting lands them on it", async () => {
    const w = await planWorld(t.db);
    const email = uniqueEmail("newbie");
    const orgBefore = (await seatUsage(t.db, w.org.id)).used;
    const token = await tokenSentBy(t.db, email, () => invitePlanUser(w.ctx.admin, { planId: w.plan.id, email, firstName: "Nia", lastName: "New" }, { baseUrl }));
    expect((await seatUsage(t.db, w.org.id)).used).toBe(orgBefore + 1);
    expect(await seatsOf(w.plan.id)).toEqual({ users: 2, pendingInvitations: 1 });
    const [mail] = await rendered(t.db.select().from(emailOutbox).where(eq(emailOutbox.to, email)));
    expect(mail.template).toBe("plan-invitation");
    expect(mail.subject).toContain("PDoc Share");
    // Listed on Manage Users as an invitee.
    const list = await listPlanUsers(w.ctx.admin, w.plan, {});
    expect(list.rows.find((r) => r.email === email)).toMatchObject({ userId: null, invitation: { state: "pending" } });

    const accepted = await acceptInvitation({ token, signedIn: null });
    // "You joined …" first; the welcome page links the plan.
    expect(accepted.landingPath).toBe(`/o/${w.org.slug}/welcome`);
    const place = await placeOf(w.plan.id, accepted.userId);
    expect(place.invitationId).toBeNull();
    expect(await keysOf(place.id)).toEqual(["workflows.create", "workflows.view_all"]);
    expect(await seatsOf(w.plan.id)).toEqual({ users: 3, pendingInvitations: 0 });
    const [added] = await t.db.select().from(notifications).where(eq(notifications.userId, accepted.userId));
    expect(added).toMatchObject({ kind: "plan_added", planId: w.plan.id });
  });

  it("P3/T5: with no organization seat, or no plan seat, the invitation is refused and nothing is written", async () => {
    // Free tier: 4 seats, all taken by the world's members.
    const w = await planWorld(t.db, { tier: "free" });
    expect(await expectNoChange(t.db, () => codeOf(invitePlanUser(w.ctx.admin, { planId: w.plan.id, email: uniqueEmail("x") }, { baseUrl })))).toBe(
      "SEAT_LIMIT",
    );
    const roomy = await planWorld(t.db, { seats: 2 });
    expect(
      await expectNoChange(t.db, () => codeOf(invitePlanUser(roomy.ctx.admin, { planId: roomy.plan.id, email: uniqueEmail("y") }, { baseUrl }))),
    ).toBe("PLAN_SEAT_LIMIT");
  });

  it("P3 with R1: a User who subscribes adds members but does not invite new people (FORBIDDEN)", async () => {
    const w = await planWorld(t.db);
    const plan = await makeSubscribedPlan(t.db, w.org.id, w.user.id, "supplier_evaluations", 5);
    expect(await expectNoChange(t.db, () => codeOf(invitePlanUser(w.ctx.user, { planId: plan.id, email: uniqueEmail("z") }, { baseUrl })))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(addPlanUser(w.ctx.user, plan.id, w.user2.id))).toBe("ok");
  });

  it("P3: inviting a member's address says so on the email field (ALREADY_MEMBER) and writes nothing", async () => {
    const w = await planWorld(t.db);
    const result = await expectNoChange(t.db, () => invitePlanUser(w.ctx.admin, { planId: w.plan.id, email: w.user.email }, { baseUrl }).catch((e) => e));
    expect(result).toMatchObject({ code: "ALREADY_MEMBER", fieldErrors: { email: [expect.any(String)] } });
  });

  it("P3/T2: revoking the invitation frees its plan seat; an expired invitation holds none, and Resend takes it back through the seat check", async () => {
    const w = await planWorld(t.db, { seats: 3 });
    const email = uniqueEmail("exp");
    await invitePlanUser(w.ctx.admin, { planId: w.plan.id, email }, { baseUrl });
    expect(await seatsOf(w.plan.id)).toEqual({ users: 2, pendingInvitations: 1 });
    const [invitation] = await t.db.select().from(invitations).where(eq(invitations.email, email));
    await t.db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, invitation.id));
    expect(await seatsOf(w.plan.id)).toEqual({ users: 2, pendingInvitations: 0 });
    // Someone takes the freed seat; Resend must now find the plan full.
    await addPlanUser(w.ctx.admin, w.plan.id, w.user.id);
    expect(await expectNoChange(t.db, () => codeOf(resendInvitation(w.ctx.admin, invitation.id, { baseUrl })))).toBe("PLAN_SEAT_LIMIT");
    await changePlanSeats(w.ctx.admin, w.plan.id, 4);
    expect(await codeOf(resendInvitation(w.ctx.admin, invitation.id, { baseUrl }))).toBe("ok");
    expect(await seatsOf(w.plan.id)).toEqual({ users: 3, pendingInvitations: 1 });
    await revokeInvitation(w.ctx.admin, invitation.id);
    expect(await seatsOf(w.plan.id)).toEqual({ users: 3, pendingInvitations: 0 });
  });
});

describe("I1 Invite Teammate with plans to join", () => {
  it("I1/P3: the invitee takes those plan seats with the organization seat, in one transaction, and is on the plans when they accept", async () => {
    const w = await planWorld(t.db);
    const evals = await makeSubscribedPlan(t.db, w.org.id, w.manager.id, "supplier_evaluations", 3);
    const email = uniqueEmail("both");
    const token = await tokenSentBy(t.db, email, async () => {
      const [result] = await inviteMembers(w.ctx.admin, { emails: [email], role: "user", firstName: undefined, lastName: undefined, planIds: [w.plan.id, evals.id] }, { baseUrl });
      expect(result.outcome).toBe("invited");
    });
    expect(await seatsOf(w.plan.id)).toMatchObject({ pendingInvitations: 1 });
    expect(await seatsOf(evals.id)).toMatchObject({ pendingInvitations: 1 });
    const accepted = await acceptInvitation({ token, signedIn: null });
    expect(await placeOf(w.plan.id, accepted.userId)).toBeDefined();
    expect(await placeOf(evals.id, accepted.userId)).toBeDefined();
  });

  it("I1/P7: a Manager may only pick plans they manage; another's plan refuses the whole request (FORBIDDEN) and nothing is written", async () => {
    const w = await planWorld(t.db);
    const email = uniqueEmail("mgr");
    const code = await expectNoChange(t.db, () => codeOf(inviteMembers(w.ctx.manager, { emails: [email], role: "user", firstName: undefined, lastName: undefined, planIds: [w.plan.id] }, { baseUrl })));
    expect(code).toBe("FORBIDDEN");
    const own = await makeSubscribedPlan(t.db, w.org.id, w.manager.id, "supplier_evaluations", 3);
    const [result] = await inviteMembers(w.ctx.manager, { emails: [email], role: "user", firstName: undefined, lastName: undefined, planIds: [own.id] }, { baseUrl });
    expect(result.outcome).toBe("invited");
  });

  it("I1/§10: another organization's plan id is NOT_FOUND; a full plan is that address's own result (no plan seat), nothing written for it", async () => {
    const w = await planWorld(t.db, { seats: 2 });
    expect(
      await expectNoChange(t.db, () => codeOf(inviteMembers(w.ctx.admin, { emails: [uniqueEmail("o")], role: "user", firstName: undefined, lastName: undefined, planIds: [w.otherPlan.id] }, { baseUrl }))),
    ).toBe("NOT_FOUND");
    const results = await expectNoChange(t.db, () => inviteMembers(w.ctx.admin, { emails: [uniqueEmail("f")], role: "user", firstName: undefined, lastName: undefined, planIds: [w.plan.id] }, { baseUrl }));
    expect(results[0].outcome).toBe("no_plan_seat");
  });
});

describe("P5 Edit User Permissions", () => {
  it("P5/P7: the subscriber and Admins set a plan user's permissions; the subscriber's are not edited", async () => {
    const w = await planWorld(t.db);
    const place = await placeOf(w.plan.id, w.manager.id);
    await updatePlanUserPermissions(w.ctx.admin, w.plan.id, place.id, ["tasks.send"]);
    expect(await keysOf(place.id)).toEqual(["tasks.send"]);
    const own = await placeOf(w.plan.id, w.admin.id);
    expect(await expectNoChange(t.db, () => codeOf(updatePlanUserPermissions(w.ctx.admin, w.plan.id, own.id, [])))).toBe("CONFLICT");
    expect(await expectNoChange(t.db, () => codeOf(updatePlanUserPermissions(w.ctx.manager, w.plan.id, place.id, [])))).toBe("FORBIDDEN");
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.orgId, w.org.id), eq(auditLog.action, "plan.permissions_changed")));
    expect(entry.after).toEqual({ permissions: ["tasks.send"] });
  });

  it("P5: a permission the product does not have is refused on its field; another organization's plan user is NOT_FOUND", async () => {
    const w = await planWorld(t.db);
    const place = await placeOf(w.plan.id, w.manager.id);
    const refusal = await expectNoChange(t.db, () => updatePlanUserPermissions(w.ctx.admin, w.plan.id, place.id, ["documents.view"]).catch((e) => e));
    expect(refusal).toMatchObject({ code: "VALIDATION", fieldErrors: { permissions: [expect.any(String)] } });
    const foreign = await placeOf(w.otherPlan.id, w.otherAdmin.id);
    expect(await expectNoChange(t.db, () => codeOf(updatePlanUserPermissions(w.ctx.admin, w.plan.id, foreign.id, [])))).toBe("NOT_FOUND");
    expect(await expectNoChange(t.db, () => codeOf(updatePlanUserPermissions(w.ctx.admin, w.otherPlan.id, foreign.id, [])))).toBe("NOT_FOUND");
  });
});

describe("P6 Remove from plan", () => {
  /** A leaver on two plans with workflows and open and done tasks both ways. */
  async function leaverWorld() {
    const w = await planWorld(t.db);
    const evals = await makeSubscribedPlan(t.db, w.org.id, w.manager.id, "supplier_evaluations", 5);
    const leaver = w.user;
    await addToPlan(t.db, w.plan, leaver.id);
    await addToPlan(t.db, evals, leaver.id);
    await addToPlan(t.db, w.plan, w.user2.id);
    const base = { orgId: w.org.id };
    const [f1, f2, f3] = await t.db
      .insert(workflows)
      .values([
        { ...base, planId: w.plan.id, ownerId: leaver.id, title: "leaver 1" },
        { ...base, planId: w.plan.id, ownerId: leaver.id, title: "leaver 2" },
        { ...base, planId: evals.id, ownerId: leaver.id, title: "leaver elsewhere" },
      ])
      .returning();
    const [colleagueFlow] = await t.db.insert(workflows).values({ ...base, planId: w.plan.id, ownerId: w.user2.id, title: "colleague" }).returning();
    const task = (values: Partial<typeof tasks.$inferInsert>) => ({ ...base, planId: w.plan.id, title: "t", senderId: w.user2.id, assigneeId: leaver.id, ...values });
    await t.db.insert(tasks).values([
      task({ workflowId: f1.id }),
      task({ workflowId: colleagueFlow.id }),
      task({ workflowId: f2.id, state: "done" }),
      task({ senderId: leaver.id, assigneeId: w.user2.id, workflowId: colleagueFlow.id }),
      task({ senderId: leaver.id, assigneeId: w.manager.id }),
      task({ senderId: leaver.id, assigneeId: w.user2.id, state: "done" }),
      // In the other plan: untouched.
      { ...base, planId: evals.id, workflowId: f3.id, title: "elsewhere", senderId: w.manager.id, assigneeId: leaver.id },
    ]);
    return { ...w, evals, leaver };
  }

  it("P6: the preview counts exactly what the removal does — workflows deleted, open tasks moved to the subscriber's Inbox and Outbox — in one go", async () => {
    const w = await leaverWorld();
    const preview = (await removalPreview(t.db, w.plan.id, [w.leaver.id])).get(w.leaver.id);
    expect(preview).toEqual({ workflows: 2, toInbox: 2, toOutbox: 2 });
    const openBefore = await t.db.select({ n: count() }).from(tasks).where(and(eq(tasks.planId, w.plan.id), eq(tasks.state, "open")));
    const otherPlanTasks = await t.db.select().from(tasks).where(eq(tasks.planId, w.evals.id));
    const otherPlanFlows = await t.db.select().from(workflows).where(eq(workflows.planId, w.evals.id));
    const leaverPlace = await placeOf(w.plan.id, w.leaver.id);

    const result = await removePlanUser(w.ctx.admin, w.plan.id, leaverPlace.id, { baseUrl });
    expect(result).toMatchObject({ workflowsDeleted: 2, movedToInbox: 2, movedToOutbox: 2 });

    // Every open task of theirs in the plan is now the subscriber's; none was lost.
    const openAfter = await t.db.select({ n: count() }).from(tasks).where(and(eq(tasks.planId, w.plan.id), eq(tasks.state, "open")));
    expect(openAfter[0].n).toBe(openBefore[0].n);
    const theirs = await t.db.select().from(tasks).where(and(eq(tasks.planId, w.plan.id), eq(tasks.state, "open"), eq(tasks.assigneeId, w.leaver.id)));
    expect(theirs).toHaveLength(0);
    const inbox = await t.db.select().from(tasks).where(and(eq(tasks.planId, w.plan.id), eq(tasks.state, "open"), eq(tasks.assigneeId, w.admin.id)));
    const outbox = await t.db.select().from(tasks).where(and(eq(tasks.planId, w.plan.id), eq(tasks.state, "open"), eq(tasks.senderId, w.admin.id)));
    expect(inbox).toHaveLength(2);
    expect(outbox).toHaveLength(2);
    // Done tasks keep their people; only the leaver's workflows went; other plans are untouched.
    const done = await t.db.select().from(tasks).where(and(eq(tasks.planId, w.plan.id), eq(tasks.state, "done")));
    expect(done.every((d) => d.assigneeId === w.leaver.id || d.senderId === w.leaver.id)).toBe(true);
    expect((await t.db.select().from(workflows).where(eq(workflows.planId, w.plan.id))).map((f) => f.title)).toEqual(["colleague"]);
    expect(await t.db.select().from(tasks).where(eq(tasks.planId, w.evals.id))).toEqual(otherPlanTasks);
    expect(await t.db.select().from(workflows).where(eq(workflows.planId, w.evals.id))).toEqual(otherPlanFlows);
    expect(await placeOf(w.evals.id, w.leaver.id)).toBeDefined();
    expect(await placeOf(w.plan.id, w.leaver.id)).toBeUndefined();
    // Told: a notification and an email to the leaver; the subscriber about the moved tasks.
    const told = await t.db.select().from(notifications).where(eq(notifications.userId, w.leaver.id));
    expect(told.map((n) => n.kind)).toEqual(["plan_removed"]);
    const [mail] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.to, w.leaver.email));
    expect(mail.template).toBe("removed-from-plan");
    const moved = await t.db.select().from(notifications).where(and(eq(notifications.userId, w.admin.id), eq(notifications.kind, "tasks_moved")));
    expect(moved).toHaveLength(1);
  });

  it("P6: the subscriber cannot be removed (HAS_DEPENDENTS); only P7's managers remove (FORBIDDEN); nothing changes", async () => {
    const w = await leaverWorld();
    const own = await placeOf(w.plan.id, w.admin.id);
    expect(await expectNoChange(t.db, () => codeOf(removePlanUser(w.ctx.admin, w.plan.id, own.id, { baseUrl })))).toBe("HAS_DEPENDENTS");
    const leaverPlace = await placeOf(w.plan.id, w.leaver.id);
    expect(await expectNoChange(t.db, () => codeOf(removePlanUser(w.ctx.manager, w.plan.id, leaverPlace.id, { baseUrl })))).toBe("FORBIDDEN");
    expect(await expectNoChange(t.db, () => codeOf(removePlanUser(w.ctx.user2, w.plan.id, leaverPlace.id, { baseUrl })))).toBe("FORBIDDEN");
  });

  it("P6: removing an invitee's place frees its plan seat and keeps the invitation", async () => {
    const w = await planWorld(t.db);
    const email = uniqueEmail("inv");
    await invitePlanUser(w.ctx.admin, { planId: w.plan.id, email }, { baseUrl });
    const [place] = await t.db.select().from(planUsers).where(and(eq(planUsers.planId, w.plan.id), isNotNull(planUsers.invitationId)));
    await removePlanUser(w.ctx.admin, w.plan.id, place.id, { baseUrl });
    expect(await seatsOf(w.plan.id)).toEqual({ users: 2, pendingInvitations: 0 });
    const [invitation] = await t.db.select().from(invitations).where(eq(invitations.email, email));
    expect(invitation.status).toBe("pending");
  });
});

describe("P2 My Subscriptions", () => {
  it("P2: the plans the user subscribes to or uses, with each plan's seat meter (plan users + pending plan invitations)", async () => {
    const w = await planWorld(t.db);
    await invitePlanUser(w.ctx.admin, { planId: w.plan.id, email: uniqueEmail("meter") }, { baseUrl });
    const mine = await listMySubscriptions(w.ctx.manager);
    expect(mine).toEqual([
      expect.objectContaining({ id: w.plan.id, isSubscriber: false, usage: { limit: 5, users: 2, pendingInvitations: 1, used: 3 } }),
    ]);
    expect(await listMySubscriptions(w.ctx.user)).toEqual([]);
    expect((await listMySubscriptions(w.ctx.admin))[0]).toMatchObject({ isSubscriber: true });
  });
});
