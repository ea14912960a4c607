import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, emailOutbox, invitations, notifications, ownershipTransfers, planUserPermissions, planUsers, plans, tasks, workflows } from "@/db/schema";
import { isAppError } from "@/lib/errors";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";
import { deleteMember } from "@/lib/members/delete-member";
import { addPlanUser } from "@/lib/plans/add-plan-user";
import { planSeatCounts } from "@/lib/plans/plan-seats";
import { cancelTransfer } from "@/lib/transfers/cancel-transfer";
import { expireDueTransfers } from "@/lib/transfers/expire-transfers";
import { reassignPlan } from "@/lib/transfers/reassign-plan";
import { requestTransfer, transferToNewPerson } from "@/lib/transfers/request-transfer";
import { acceptTransfer, declineTransfer } from "@/lib/transfers/respond-to-transfer";
import { setupTestDatabase } from "../support/db";
import { rendered } from "../support/email";
import { makeSubscribedPlan, planWorld } from "../support/plans";
import { expectNoChange, tokenSentBy, uniqueEmail } from "../support/state";

/** SPEC §8: O1 request, cancel, expiry; O2 accept; O3 to a new person; O4 reassign. */
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

async function planRow(id: string) {
  const [row] = await t.db.select().from(plans).where(eq(plans.id, id));
  return row;
}

async function transferRow(id: string) {
  const [row] = await t.db.select().from(ownershipTransfers).where(eq(ownershipTransfers.id, id));
  return row;
}

async function placeOf(planId: string, userId: string) {
  const [row] = await t.db.select().from(planUsers).where(and(eq(planUsers.planId, planId), eq(planUsers.userId, userId)));
  return row;
}

async function mailTo(email: string) {
  return rendered(t.db.select().from(emailOutbox).where(eq(emailOutbox.to, email)));
}

describe("O1 request a transfer", () => {
  it("O1: the subscriber picks a member; the recipient gets an inbox notification with the transfer and an email with Accept and Decline", async () => {
    const w = await planWorld(t.db);
    const { transferId } = await requestTransfer(w.ctx.admin, w.plan.id, w.manager.id, { baseUrl });
    const transfer = await transferRow(transferId);
    expect(transfer).toMatchObject({ state: "pending", fromUserId: w.admin.id, toUserId: w.manager.id });
    const days = (transfer.expiresAt.getTime() - transfer.createdAt.getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(7);
    const [note] = await t.db.select().from(notifications).where(eq(notifications.userId, w.manager.id));
    expect(note).toMatchObject({ kind: "transfer_requested", transferId, planId: w.plan.id });
    const [mail] = await mailTo(w.manager.email);
    expect(mail.template).toBe("transfer-request");
    expect(mail.text).toContain(`/transfers/${transferId}?answer=accept`);
    expect(mail.text).toContain(`/transfers/${transferId}?answer=decline`);
    // The subscriber is still the subscriber until the answer.
    expect((await planRow(w.plan.id)).subscriberId).toBe(w.admin.id);
  });

  it("O1: only the subscriber asks — not an Admin who does not subscribe, not a plan user (FORBIDDEN); nothing is written", async () => {
    const w = await planWorld(t.db);
    const evals = await makeSubscribedPlan(t.db, w.org.id, w.manager.id, "supplier_evaluations", 3);
    expect(await expectNoChange(t.db, () => codeOf(requestTransfer(w.ctx.admin, evals.id, w.user.id, { baseUrl })))).toBe("FORBIDDEN");
    expect(await expectNoChange(t.db, () => codeOf(requestTransfer(w.ctx.manager, w.plan.id, w.user.id, { baseUrl })))).toBe("FORBIDDEN");
    expect(await expectNoChange(t.db, () => codeOf(requestTransfer(w.ctx.manager, evals.id, w.manager.id, { baseUrl })))).toBe("CONFLICT");
    expect(await expectNoChange(t.db, () => codeOf(requestTransfer(w.ctx.manager, evals.id, w.otherAdmin.id, { baseUrl })))).toBe("NOT_FOUND");
  });

  it("O1: one live transfer per plan; after a cancel the subscriber can ask someone else", async () => {
    const w = await planWorld(t.db);
    const { transferId } = await requestTransfer(w.ctx.admin, w.plan.id, w.manager.id, { baseUrl });
    expect(await expectNoChange(t.db, () => codeOf(requestTransfer(w.ctx.admin, w.plan.id, w.user.id, { baseUrl })))).toBe("CONFLICT");
    await cancelTransfer(w.ctx.admin, transferId);
    expect((await transferRow(transferId)).state).toBe("cancelled");
    const [cancelled] = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, w.manager.id), eq(notifications.kind, "transfer_cancelled")));
    expect(cancelled.transferId).toBe(transferId);
    expect(await codeOf(requestTransfer(w.ctx.admin, w.plan.id, w.user.id, { baseUrl }))).toBe("ok");
  });

  it("O1: only the subscriber who sent it cancels (FORBIDDEN for the recipient); a cancelled transfer cannot be cancelled again", async () => {
    const w = await planWorld(t.db);
    const { transferId } = await requestTransfer(w.ctx.admin, w.plan.id, w.manager.id, { baseUrl });
    expect(await expectNoChange(t.db, () => codeOf(cancelTransfer(w.ctx.manager, transferId)))).toBe("FORBIDDEN");
    await cancelTransfer(w.ctx.admin, transferId);
    expect(await expectNoChange(t.db, () => codeOf(cancelTransfer(w.ctx.admin, transferId)))).toBe("CONFLICT");
  });
});

describe("O1 expiry after 7 days", () => {
  async function expiredTransfer() {
    const w = await planWorld(t.db);
    const { transferId } = await requestTransfer(w.ctx.admin, w.plan.id, w.manager.id, { baseUrl });
    await t.db.update(ownershipTransfers).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(ownershipTransfers.id, transferId));
    return { ...w, transferId };
  }

  it("O1/O2: a pending transfer past its expiry is refused as EXPIRED and nothing changes, before any sweep ran", async () => {
    const w = await expiredTransfer();
    expect(await expectNoChange(t.db, () => codeOf(acceptTransfer(w.ctx.manager, w.transferId, { baseUrl })))).toBe("EXPIRED");
    expect(await expectNoChange(t.db, () => codeOf(declineTransfer(w.ctx.manager, w.transferId, { baseUrl })))).toBe("EXPIRED");
  });

  it("O1: the sweep marks it expired once and tells both sides by notification and email; a second sweep sends nothing", async () => {
    const w = await expiredTransfer();
    const { expired } = await expireDueTransfers({ db: t.db, baseUrl });
    expect(expired).toBeGreaterThanOrEqual(1);
    expect((await transferRow(w.transferId)).state).toBe("expired");
    for (const person of [w.admin, w.manager]) {
      const notes = await t.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, person.id), eq(notifications.kind, "transfer_expired")));
      expect(notes).toHaveLength(1);
      expect((await mailTo(person.email)).filter((m) => m.template === "transfer-outcome")).toHaveLength(1);
    }
    await expectNoChange(t.db, () => expireDueTransfers({ db: t.db, baseUrl }));
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.orgId, w.org.id), eq(auditLog.action, "transfer.expired")));
    expect(entry.subjectId).toBe(w.transferId);
  });

  it("O1: a new transfer marks an expired-but-pending one expired first (with its emails) instead of refusing", async () => {
    const w = await expiredTransfer();
    expect(await codeOf(requestTransfer(w.ctx.admin, w.plan.id, w.user.id, { baseUrl }))).toBe("ok");
    expect((await transferRow(w.transferId)).state).toBe("expired");
    expect((await mailTo(w.manager.email)).map((m) => m.template)).toContain("transfer-outcome");
  });
});

describe("O2 accept", () => {
  it("O2: the recipient on the plan becomes the subscriber with every permission; the previous one stays as a regular user with their seat; both are told", async () => {
    const w = await planWorld(t.db);
    const { transferId } = await requestTransfer(w.ctx.admin, w.plan.id, w.manager.id, { baseUrl });
    const seatsBefore = (await planSeatCounts(t.db, [w.plan.id])).get(w.plan.id);
    await acceptTransfer(w.ctx.manager, transferId, { baseUrl });
    expect((await planRow(w.plan.id)).subscriberId).toBe(w.manager.id);
    expect((await transferRow(transferId)).state).toBe("accepted");
    expect(await placeOf(w.plan.id, w.admin.id)).toBeDefined();
    expect((await planSeatCounts(t.db, [w.plan.id])).get(w.plan.id)).toEqual(seatsBefore);
    const keys = await t.db.select().from(planUserPermissions).where(eq(planUserPermissions.planUserId, (await placeOf(w.plan.id, w.manager.id)).id));
    expect(keys.map((k) => k.key).sort()).toEqual(["tasks.send", "workflows.create", "workflows.view_all"]);
    const told = await t.db.select().from(notifications).where(and(eq(notifications.orgId, w.org.id), eq(notifications.kind, "transfer_accepted")));
    // The previous subscriber is told; the recipient answered herself and gets no notice of it (#14.11).
    expect(told.map((n) => n.userId)).toEqual([w.admin.id]);
    expect((await mailTo(w.admin.email)).map((m) => m.template)).toContain("transfer-outcome");
    // The request no longer counts as unread.
    const [request] = await t.db.select().from(notifications).where(and(eq(notifications.userId, w.manager.id), eq(notifications.kind, "transfer_requested")));
    expect(request.readAt).not.toBeNull();
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.orgId, w.org.id), eq(auditLog.action, "transfer.accepted")));
    expect(entry.before).toMatchObject({ subscriberId: w.admin.id });
    expect(entry.after).toMatchObject({ subscriberId: w.manager.id });
  });

  it("O2/P3: a recipient not on the plan is added first, which takes a plan seat; with no seat free the accept is refused and nothing changes", async () => {
    const w = await planWorld(t.db, { seats: 2 });
    const { transferId } = await requestTransfer(w.ctx.admin, w.plan.id, w.user.id, { baseUrl });
    expect(await expectNoChange(t.db, () => codeOf(acceptTransfer(w.ctx.user, transferId, { baseUrl })))).toBe("PLAN_SEAT_LIMIT");
    await t.db.update(plans).set({ seats: 3 }).where(eq(plans.id, w.plan.id));
    await acceptTransfer(w.ctx.user, transferId, { baseUrl });
    expect(await placeOf(w.plan.id, w.user.id)).toBeDefined();
    expect((await planSeatCounts(t.db, [w.plan.id])).get(w.plan.id)).toEqual({ users: 3, pendingInvitations: 0 });
  });

  it("O2: accepting twice, after a cancel, after a decline, or by someone else changes nothing and says why", async () => {
    const w = await planWorld(t.db);
    const first = await requestTransfer(w.ctx.admin, w.plan.id, w.manager.id, { baseUrl });
    expect(await expectNoChange(t.db, () => codeOf(acceptTransfer(w.ctx.user, first.transferId, { baseUrl })))).toBe("FORBIDDEN");
    expect(await expectNoChange(t.db, () => codeOf(acceptTransfer(w.ctx.otherAdmin, first.transferId, { baseUrl })))).toBe("NOT_FOUND");
    await cancelTransfer(w.ctx.admin, first.transferId);
    expect(await expectNoChange(t.db, () => codeOf(acceptTransfer(w.ctx.manager, first.transferId, { baseUrl })))).toBe("CONFLICT");

    const second = await requestTransfer(w.ctx.admin, w.plan.id, w.manager.id, { baseUrl });
    await declineTransfer(w.ctx.manager, second.transferId, { baseUrl });
    expect(await expectNoChange(t.db, () => codeOf(acceptTransfer(w.ctx.manager, second.transferId, { baseUrl })))).toBe("CONFLICT");
    expect((await mailTo(w.admin.email)).map((m) => m.subject).join()).toContain("declined");

    const third = await requestTransfer(w.ctx.admin, w.plan.id, w.manager.id, { baseUrl });
    await acceptTransfer(w.ctx.manager, third.transferId, { baseUrl });
    expect(await expectNoChange(t.db, () => codeOf(acceptTransfer(w.ctx.manager, third.transferId, { baseUrl })))).toBe("ALREADY_USED");
  });

  it("O2/O4: after the plan changed hands (an Admin reassigned it) the open request is void and accepting changes nothing", async () => {
    const w = await planWorld(t.db);
    const { transferId } = await requestTransfer(w.ctx.admin, w.plan.id, w.manager.id, { baseUrl });
    // An Admin reassigns the plan to a User meanwhile.
    await reassignPlan(w.ctx.admin, w.plan.id, w.user.id);
    expect((await transferRow(transferId)).state).toBe("void");
    expect(await expectNoChange(t.db, () => codeOf(acceptTransfer(w.ctx.manager, transferId, { baseUrl })))).toBe("CONFLICT");
  });

  it("O2: a request whose plan changed hands by any other path (the request left pending) cannot be accepted: CONFLICT, nothing changes", async () => {
    const w = await planWorld(t.db);
    const { transferId } = await requestTransfer(w.ctx.admin, w.plan.id, w.manager.id, { baseUrl });
    // No path of the app does this today (each voids the request); the guard holds if one ever does.
    await t.db.update(plans).set({ subscriberId: w.user.id }).where(eq(plans.id, w.plan.id));
    expect((await transferRow(transferId)).state).toBe("pending");
    const answer = await expectNoChange(t.db, () => acceptTransfer(w.ctx.manager, transferId, { baseUrl }).catch((error: unknown) => error));
    expect(answer).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("changed hands") });
    expect((await planRow(w.plan.id)).subscriberId).toBe(w.user.id);
  });

  it("O2 on a plan of one user (Company Profile): the recipient takes the one place, with its workflows and open tasks", async () => {
    const w = await planWorld(t.db);
    const profile = await makeSubscribedPlan(t.db, w.org.id, w.admin.id, "company_profile", null);
    const [flow] = await t.db.insert(workflows).values({ planId: profile.id, orgId: w.org.id, ownerId: w.admin.id, title: "Profile" }).returning();
    await t.db.insert(tasks).values({ planId: profile.id, orgId: w.org.id, workflowId: flow.id, senderId: w.admin.id, assigneeId: w.admin.id, title: "x" });
    const { transferId } = await requestTransfer(w.ctx.admin, profile.id, w.user.id, { baseUrl });
    await acceptTransfer(w.ctx.user, transferId, { baseUrl });
    expect((await planRow(profile.id)).subscriberId).toBe(w.user.id);
    const places = await t.db.select().from(planUsers).where(eq(planUsers.planId, profile.id));
    expect(places.map((p) => p.userId)).toEqual([w.user.id]);
    const [moved] = await t.db.select().from(workflows).where(eq(workflows.id, flow.id));
    expect(moved.ownerId).toBe(w.user.id);
    const [task] = await t.db.select().from(tasks).where(eq(tasks.planId, profile.id));
    expect(task).toMatchObject({ senderId: w.user.id, assigneeId: w.user.id });
  });
});

describe("O3 transfer to a new person", () => {
  it("O3: Send Invitation with the transfer attached puts them on the plan, and the request is in their inbox the moment they join", async () => {
    const w = await planWorld(t.db);
    const email = uniqueEmail("heir");
    let transferId: string | null = null;
    const token = await tokenSentBy(t.db, email, async () => {
      ({ transferId } = await transferToNewPerson(w.ctx.admin, { planId: w.plan.id, email, firstName: "Hana", lastName: "Heir", attachTransfer: true }, { baseUrl }));
    });
    const [mail] = await mailTo(email);
    expect(mail.template).toBe("plan-invitation");
    expect(mail.text).toContain("become the subscriber of PDoc Share");
    const [invitation] = await t.db.select().from(invitations).where(eq(invitations.email, email));
    expect(await transferRow(transferId!)).toMatchObject({ state: "pending", toUserId: null, toInvitationId: invitation.id });

    const { userId } = await acceptInvitation({ token, signedIn: null });
    expect(await transferRow(transferId!)).toMatchObject({ toUserId: userId });
    const [request] = await t.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, "transfer_requested")));
    expect(request.transferId).toBe(transferId);
    expect(await placeOf(w.plan.id, userId)).toBeDefined();
  });

  it("O3: without attaching, the invitee is on the plan and no transfer exists; a User who subscribes may not invite (FORBIDDEN)", async () => {
    const w = await planWorld(t.db);
    const email = uniqueEmail("later");
    const result = await transferToNewPerson(w.ctx.admin, { planId: w.plan.id, email, attachTransfer: false }, { baseUrl });
    expect(result.transferId).toBeNull();
    expect(await t.db.select().from(ownershipTransfers).where(eq(ownershipTransfers.planId, w.plan.id))).toEqual([]);
    const own = await makeSubscribedPlan(t.db, w.org.id, w.user.id, "supplier_evaluations", 3);
    expect(
      await expectNoChange(t.db, () => codeOf(transferToNewPerson(w.ctx.user, { planId: own.id, email: uniqueEmail("u"), attachTransfer: true }, { baseUrl }))),
    ).toBe("FORBIDDEN");
  });

  it("O3/I2: revoking the invitation voids the attached transfer", async () => {
    const w = await planWorld(t.db);
    const email = uniqueEmail("revoked");
    const { transferId, invitationId } = await transferToNewPerson(w.ctx.admin, { planId: w.plan.id, email, attachTransfer: true }, { baseUrl });
    await revokeInvitation(w.ctx.admin, invitationId!);
    expect((await transferRow(transferId!)).state).toBe("void");
  });
});

describe("O4 an Admin reassigns at once", () => {
  it("O4: the plan changes hands without acceptance, both people are notified, and the audit log has it", async () => {
    const w = await planWorld(t.db);
    const evals = await makeSubscribedPlan(t.db, w.org.id, w.manager.id, "supplier_evaluations", 3);
    await reassignPlan(w.ctx.admin, evals.id, w.user.id);
    expect((await planRow(evals.id)).subscriberId).toBe(w.user.id);
    expect(await placeOf(evals.id, w.manager.id)).toBeDefined();
    const told = await t.db.select().from(notifications).where(and(eq(notifications.orgId, w.org.id), eq(notifications.kind, "plan_reassigned")));
    expect(told.map((n) => n.userId).sort()).toEqual([w.manager.id, w.user.id].sort());
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.orgId, w.org.id), eq(auditLog.action, "plan.reassigned")));
    expect(entry).toMatchObject({ actorId: w.admin.id, targetUserId: w.user.id });
  });

  it("O4: only Admins reassign (FORBIDDEN for the subscriber and others); a suspended or foreign recipient is refused; nothing changes", async () => {
    const w = await planWorld(t.db);
    const evals = await makeSubscribedPlan(t.db, w.org.id, w.manager.id, "supplier_evaluations", 3);
    expect(await expectNoChange(t.db, () => codeOf(reassignPlan(w.ctx.manager, evals.id, w.user.id)))).toBe("FORBIDDEN");
    expect(await expectNoChange(t.db, () => codeOf(reassignPlan(w.ctx.user, evals.id, w.user.id)))).toBe("FORBIDDEN");
    expect(await expectNoChange(t.db, () => codeOf(reassignPlan(w.ctx.admin, evals.id, w.otherAdmin.id)))).toBe("NOT_FOUND");
    expect(await expectNoChange(t.db, () => codeOf(reassignPlan(w.ctx.otherAdmin, evals.id, w.otherAdmin.id)))).toBe("NOT_FOUND");
  });

  it("R6 with O1: deleting a recipient voids their live transfer; the subscriber can then ask someone else", async () => {
    const w = await planWorld(t.db);
    await addPlanUser(w.ctx.admin, w.plan.id, w.user.id);
    const { transferId } = await requestTransfer(w.ctx.admin, w.plan.id, w.user.id, { baseUrl });
    await deleteMember(w.ctx.admin, w.user.id);
    expect((await transferRow(transferId)).state).toBe("void");
    expect(await codeOf(requestTransfer(w.ctx.admin, w.plan.id, w.manager.id, { baseUrl }))).toBe("ok");
  });
});
