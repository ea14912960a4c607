import { actAs, form, idle } from "../support/next-mocks";
import { randomBytes } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { leaveOrganizationAction, updateProfileAction } from "@/app/account/actions";
import { declineInvitationAction } from "@/app/invite/[token]/actions";
import { restoreInvitationAction, revokeInvitationAction } from "@/app/o/[org]/invites/actions";
import { createOrganizationAction } from "@/app/onboarding/actions";
import {
  auditLog,
  emailChangeRequests,
  invitations,
  memberships,
  notifications,
  ownershipTransfers,
  planUserPermissions,
  planUsers,
  sessions,
  surveys,
  tasks,
  users,
  workflows,
} from "@/db/schema";
import { isAppError } from "@/lib/errors";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { declineInvitation } from "@/lib/invitations/decline-invitation";
import { restoreInvitation } from "@/lib/invitations/restore-invitation";
import { REVOKE_UNDO_MS } from "@/lib/invitations/revoke-invitation";
import { listOpenInvitations } from "@/lib/invitations/queries";
import type { Role } from "@/lib/permissions";
import { seatUsage } from "@/lib/seats/seat-usage";
import type { FormState } from "@/lib/form-state";
import { setupTestDatabase } from "../support/db";
import { makeInvitation, makeOrg, makeSurvey, makeUser } from "../support/factories";
import { addToPlan, contextOf, makeSubscribedPlan } from "../support/plans";
import { itRace } from "../support/race";
import { addNamedMember, expectNoChange, uniqueEmail } from "../support/state";

/**
 * Issue 10's new acts, on the server, the way forged POSTs would reach them: Undo of Revoke (I3,
 * T3, T5, P3, O3), Decline (I4, T2), the inviter's notice, Leave organization (R7, R5, R6), one's
 * own profile (R2) and the name asked at onboarding (I5). Every refusal leaves the database as it
 * was; every act is tried by every role and across organizations.
 */
const t = setupTestDatabase({ poolSize: 30 });

async function world(tier: "free" | "pro" = "pro") {
  const org = await makeOrg(t.db, { tier });
  const admin = (await addNamedMember(t.db, org.id, "admin")).user;
  const manager = (await addNamedMember(t.db, org.id, "manager")).user;
  const user = (await addNamedMember(t.db, org.id, "user")).user;
  const other = await makeOrg(t.db, { tier: "pro" });
  const otherAdmin = (await addNamedMember(t.db, other.id, "admin")).user;
  return { org, admin, manager, user, other, otherAdmin, people: { admin, manager, user } as Record<Role, typeof admin> };
}

async function invitationRow(id: string) {
  const [row] = await t.db.select().from(invitations).where(eq(invitations.id, id));
  return row;
}

async function auditCount(orgId: string, action: string) {
  const [{ n }] = await t.db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, action)));
  return n;
}

async function revokeAs(userId: string, orgSlug: string, invitationId: string) {
  actAs(userId);
  const result = await revokeInvitationAction(idle, form({ org: orgSlug, invitationId }));
  expect(result, result.formError).toMatchObject({ ok: true });
}

describe("I3 Undo of Revoke", () => {
  it("I3/T2/P3: Revoke keeps the invitation's plan places (with permissions) for Undo; Undo restores the same link, its seat, its places, and is audited", async () => {
    const w = await world();
    const plan = await makeSubscribedPlan(t.db, w.org.id, w.admin.id, "pdoc_share", 5);
    const { invitation, token } = await makeInvitation(t.db, w.org.id, w.admin.id);
    const place = await t.db.insert(planUsers).values({ planId: plan.id, orgId: w.org.id, invitationId: invitation.id }).returning();
    await t.db.insert(planUserPermissions).values({ planUserId: place[0].id, productId: "pdoc_share", key: "tasks.send" });
    const usedBefore = (await seatUsage(t.db, w.org.id)).used;

    await revokeAs(w.admin.id, w.org.slug, invitation.id);
    const revoked = await invitationRow(invitation.id);
    expect(revoked).toMatchObject({ status: "revoked", revokedById: w.admin.id, revokedPlaces: [{ planId: plan.id, permissions: ["tasks.send"] }] });
    expect((await seatUsage(t.db, w.org.id)).used).toBe(usedBefore - 1);
    expect(await t.db.select().from(planUsers).where(eq(planUsers.invitationId, invitation.id))).toHaveLength(0);
    // Manage Invites keeps the row, marked revoked, with Undo.
    const listed = (await listOpenInvitations(contextOf(w.org, w.admin, "admin"))).find((i) => i.id === invitation.id);
    expect(listed).toMatchObject({ state: "revoked" });
    expect(listed!.undoUntil!.getTime()).toBe(revoked.revokedAt!.getTime() + REVOKE_UNDO_MS);

    actAs(w.admin.id);
    const restored = await restoreInvitationAction(idle, form({ org: w.org.slug, invitationId: invitation.id }));
    expect(restored, restored.formError).toMatchObject({ ok: true });
    expect(await invitationRow(invitation.id)).toMatchObject({
      status: "pending",
      revokedAt: null,
      revokedPlaces: null,
      tokenHash: invitation.tokenHash,
      expiresAt: invitation.expiresAt,
    });
    expect((await seatUsage(t.db, w.org.id)).used).toBe(usedBefore);
    const [back] = await t.db.select().from(planUsers).where(eq(planUsers.invitationId, invitation.id));
    expect(back.planId).toBe(plan.id);
    expect((await t.db.select().from(planUserPermissions).where(eq(planUserPermissions.planUserId, back.id))).map((p) => p.key)).toEqual(["tasks.send"]);
    expect(await auditCount(w.org.id, "invitation.restored")).toBe(1);
    // The same link works again.
    const accepted = await acceptInvitation({ token, signedIn: null });
    expect(accepted.orgSlug).toBe(w.org.slug);
  });

  it("T3/T5: Undo goes through the seat check — with no seat left it is SEAT_LIMIT and nothing changes", async () => {
    const w = await world("free"); // 4 seats: 3 members + 1 invitation
    const { invitation } = await makeInvitation(t.db, w.org.id, w.admin.id);
    await revokeAs(w.admin.id, w.org.slug, invitation.id);
    await makeInvitation(t.db, w.org.id, w.admin.id); // the freed seat is taken
    actAs(w.admin.id);
    const result = await expectNoChange(t.db, () => restoreInvitationAction(idle, form({ org: w.org.slug, invitationId: invitation.id })));
    expect(result).toMatchObject({ ok: false, code: "SEAT_LIMIT" });
  });

  it("P3: Undo goes through each plan's seat check — a full plan is PLAN_SEAT_LIMIT and nothing changes", async () => {
    const w = await world();
    const plan = await makeSubscribedPlan(t.db, w.org.id, w.admin.id, "pdoc_share", 2);
    const { invitation } = await makeInvitation(t.db, w.org.id, w.admin.id);
    await t.db.insert(planUsers).values({ planId: plan.id, orgId: w.org.id, invitationId: invitation.id });
    await revokeAs(w.admin.id, w.org.slug, invitation.id);
    await addToPlan(t.db, plan, w.user.id); // the plan seat is taken meanwhile
    actAs(w.admin.id);
    const result = await expectNoChange(t.db, () => restoreInvitationAction(idle, form({ org: w.org.slug, invitationId: invitation.id })));
    expect(result).toMatchObject({ ok: false, code: "PLAN_SEAT_LIMIT" });
  });

  it("I3: Undo works for REVOKE_UNDO_MS only, not after the invitation would have expired, not over a newer invitation or a member — each refusal changes nothing", async () => {
    const w = await world();
    const ctx = contextOf(w.org, w.admin, "admin");
    const late = await makeInvitation(t.db, w.org.id, w.admin.id);
    await revokeAs(w.admin.id, w.org.slug, late.invitation.id);
    const tooLate = new Date(Date.now() + REVOKE_UNDO_MS + 1000);
    await expectNoChange(t.db, () => expect(restoreInvitation(ctx, late.invitation.id, tooLate)).rejects.toMatchObject({ code: "EXPIRED" }));

    const soon = await makeInvitation(t.db, w.org.id, w.admin.id, { expiresAt: new Date(Date.now() + 60_000) });
    await revokeAs(w.admin.id, w.org.slug, soon.invitation.id);
    await expectNoChange(t.db, () =>
      expect(restoreInvitation(ctx, soon.invitation.id, new Date(Date.now() + 120_000))).rejects.toMatchObject({ code: "EXPIRED" }),
    );

    const twice = await makeInvitation(t.db, w.org.id, w.admin.id);
    await revokeAs(w.admin.id, w.org.slug, twice.invitation.id);
    await makeInvitation(t.db, w.org.id, w.admin.id, { email: twice.invitation.email });
    await expectNoChange(t.db, () => expect(restoreInvitation(ctx, twice.invitation.id)).rejects.toMatchObject({ code: "CONFLICT" }));

    const joined = await makeInvitation(t.db, w.org.id, w.admin.id, { email: w.user.email });
    await revokeAs(w.admin.id, w.org.slug, joined.invitation.id);
    await expectNoChange(t.db, () => expect(restoreInvitation(ctx, joined.invitation.id)).rejects.toMatchObject({ code: "ALREADY_MEMBER" }));

    // A pending invitation has nothing to undo.
    const live = await makeInvitation(t.db, w.org.id, w.admin.id);
    await expectNoChange(t.db, () => expect(restoreInvitation(ctx, live.invitation.id)).rejects.toMatchObject({ code: "CONFLICT" }));
  });

  it("O3: a transfer the revocation voided comes back with the invitation; if the plan has another live transfer meanwhile, Undo refuses and changes nothing", async () => {
    const w = await world();
    const plan = await makeSubscribedPlan(t.db, w.org.id, w.admin.id, "pdoc_share", 5);
    const { invitation } = await makeInvitation(t.db, w.org.id, w.admin.id);
    const [transfer] = await t.db
      .insert(ownershipTransfers)
      .values({ planId: plan.id, orgId: w.org.id, fromUserId: w.admin.id, toInvitationId: invitation.id, expiresAt: new Date(Date.now() + 86_400_000) })
      .returning();
    await revokeAs(w.admin.id, w.org.slug, invitation.id);
    const [voided] = await t.db.select().from(ownershipTransfers).where(eq(ownershipTransfers.id, transfer.id));
    expect(voided.state).toBe("void");
    actAs(w.admin.id);
    expect(await restoreInvitationAction(idle, form({ org: w.org.slug, invitationId: invitation.id }))).toMatchObject({ ok: true });
    const [live] = await t.db.select().from(ownershipTransfers).where(eq(ownershipTransfers.id, transfer.id));
    expect(live).toMatchObject({ state: "pending", resolvedAt: null });

    await revokeAs(w.admin.id, w.org.slug, invitation.id);
    await t.db.insert(ownershipTransfers).values({ planId: plan.id, orgId: w.org.id, fromUserId: w.admin.id, toUserId: w.manager.id, expiresAt: new Date(Date.now() + 86_400_000) });
    const refused = await expectNoChange(t.db, () => restoreInvitationAction(idle, form({ org: w.org.slug, invitationId: invitation.id })));
    expect(refused).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it.each([
    ["admin", "user", true],
    ["admin", "manager", true],
    ["manager", "user", true],
    ["manager", "manager", false],
    ["user", "user", false],
  ] as const)("R1/I3: a %s undoing the revocation of a %s invitation → %s", async (actor, invitedAs, allowed) => {
    const w = await world();
    const { invitation } = await makeInvitation(t.db, w.org.id, w.admin.id, { role: invitedAs });
    await revokeAs(w.admin.id, w.org.slug, invitation.id);
    actAs(w.people[actor].id);
    if (allowed) {
      expect(await restoreInvitationAction(idle, form({ org: w.org.slug, invitationId: invitation.id }))).toMatchObject({ ok: true });
      expect((await invitationRow(invitation.id)).status).toBe("pending");
    } else {
      const result = await expectNoChange(t.db, () => restoreInvitationAction(idle, form({ org: w.org.slug, invitationId: invitation.id })));
      expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
  });

  it("§10: another organization's invitation is NOT_FOUND like a made-up id; another organization's slug is NOT_FOUND; nothing changes", async () => {
    const w = await world();
    const { invitation } = await makeInvitation(t.db, w.org.id, w.admin.id);
    await revokeAs(w.admin.id, w.org.slug, invitation.id);
    actAs(w.otherAdmin.id);
    for (const fields of [
      { org: w.other.slug, invitationId: invitation.id },
      { org: w.other.slug, invitationId: "00000000-0000-4000-8000-000000000000" },
      { org: w.org.slug, invitationId: invitation.id },
    ]) {
      const result = await expectNoChange(t.db, () => restoreInvitationAction(idle, form(fields)));
      expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    actAs(null);
    expect(await expectNoChange(t.db, () => restoreInvitationAction(idle, form({ org: w.org.slug, invitationId: invitation.id })))).toMatchObject({
      ok: false,
      code: "UNAUTHENTICATED",
    });
  });

  itRace("T5: two revoked invitations undone 10 times each at the same moment with one free seat: exactly one comes back", async () => {
    const w = await world("free"); // 3 members
    const a = await makeInvitation(t.db, w.org.id, w.admin.id);
    const b = await makeInvitation(t.db, w.org.id, w.admin.id);
    await revokeAs(w.admin.id, w.org.slug, a.invitation.id);
    await revokeAs(w.admin.id, w.org.slug, b.invitation.id);
    const ctx = contextOf(w.org, w.admin, "admin");
    const attempts = [...Array(10)].flatMap(() => [a, b].map((x) => restoreInvitation(ctx, x.invitation.id).then(() => "ok", (e) => (isAppError(e) ? e.code : "error"))));
    const outcomes = await Promise.all(attempts);
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
    expect(outcomes.every((o) => ["ok", "SEAT_LIMIT", "CONFLICT"].includes(o))).toBe(true);
    expect((await seatUsage(t.db, w.org.id)).used).toBe(4);
  });
});

describe("I4 Decline and the inviter's notices", () => {
  it("I4/T2/P3/O3: declining ends the invitation — seat and plan place freed, attached transfer voided — tells the inviter and is audited; the link then says so", async () => {
    const w = await world();
    const plan = await makeSubscribedPlan(t.db, w.org.id, w.admin.id, "pdoc_share", 5);
    const { invitation, token } = await makeInvitation(t.db, w.org.id, w.manager.id);
    await t.db.insert(planUsers).values({ planId: plan.id, orgId: w.org.id, invitationId: invitation.id });
    const [transfer] = await t.db
      .insert(ownershipTransfers)
      .values({ planId: plan.id, orgId: w.org.id, fromUserId: w.admin.id, toInvitationId: invitation.id, expiresAt: new Date(Date.now() + 86_400_000) })
      .returning();
    const usedBefore = (await seatUsage(t.db, w.org.id)).used;
    actAs(null);
    const result = await declineInvitationAction(idle, form({ token })).catch((e: { digest?: string }) => e);
    expect(String((result as { digest?: string }).digest)).toContain(`/invite/${token}`);
    expect(await invitationRow(invitation.id)).toMatchObject({ status: "declined" });
    expect((await invitationRow(invitation.id)).declinedAt).toBeInstanceOf(Date);
    expect((await seatUsage(t.db, w.org.id)).used).toBe(usedBefore - 1);
    expect(await t.db.select().from(planUsers).where(eq(planUsers.invitationId, invitation.id))).toHaveLength(0);
    expect((await t.db.select().from(ownershipTransfers).where(eq(ownershipTransfers.id, transfer.id)))[0].state).toBe("void");
    const [notice] = await t.db.select().from(notifications).where(and(eq(notifications.userId, w.manager.id), eq(notifications.kind, "invitation_declined")));
    expect(notice.title).toBe(`${invitation.email} declined your invitation`);
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.orgId, w.org.id), eq(auditLog.action, "invitation.declined")));
    expect(entry).toMatchObject({ actorId: null, actorEmail: invitation.email });

    // Afterwards: accepting is refused, declining again says it was, and nothing changes.
    await expectNoChange(t.db, () => expect(acceptInvitation({ token, signedIn: null })).rejects.toMatchObject({ code: "REVOKED" }));
    await expectNoChange(t.db, () => expect(declineInvitation({ token, signedIn: null })).rejects.toMatchObject({ code: "ALREADY_USED" }));
  });

  it("I4: declining as another signed-in account is WRONG_ACCOUNT; an expired, revoked or accepted invitation cannot be declined; a bad token is refused — nothing changes", async () => {
    const w = await world();
    const stranger = await makeUser(t.db);
    const { token } = await makeInvitation(t.db, w.org.id, w.admin.id);
    await expectNoChange(t.db, () =>
      expect(declineInvitation({ token, signedIn: { id: stranger.id, email: stranger.email } })).rejects.toMatchObject({ code: "WRONG_ACCOUNT" }),
    );
    const expired = await makeInvitation(t.db, w.org.id, w.admin.id, { expiresAt: new Date(Date.now() - 1000) });
    await expectNoChange(t.db, () => expect(declineInvitation({ token: expired.token, signedIn: null })).rejects.toMatchObject({ code: "EXPIRED" }));
    const revoked = await makeInvitation(t.db, w.org.id, w.admin.id, { status: "revoked", revokedAt: new Date() });
    await expectNoChange(t.db, () => expect(declineInvitation({ token: revoked.token, signedIn: null })).rejects.toMatchObject({ code: "REVOKED" }));
    const accepted = await makeInvitation(t.db, w.org.id, w.admin.id, { status: "accepted" });
    await expectNoChange(t.db, () => expect(declineInvitation({ token: accepted.token, signedIn: null })).rejects.toMatchObject({ code: "ALREADY_USED" }));
    actAs(null);
    for (const bad of ["A".repeat(43), "short", "x".repeat(300)]) {
      const result = await expectNoChange(t.db, () => declineInvitationAction(idle, form({ token: bad })));
      expect(result.ok).toBe(false);
    }
  });

  it("I4/N1: accepting tells the inviter in their inbox (member_joined), not by email", async () => {
    const w = await world();
    const { invitation, token } = await makeInvitation(t.db, w.org.id, w.manager.id, { firstName: "Ines", lastName: "Ivy" });
    await acceptInvitation({ token, signedIn: null });
    const [notice] = await t.db.select().from(notifications).where(and(eq(notifications.userId, w.manager.id), eq(notifications.kind, "member_joined")));
    expect(notice.title).toBe(`Ines Ivy joined ${w.org.name}`);
    expect(notice.body).toContain(invitation.email);
  });

  itRace("I4: accept and decline of one invitation at the same moment, 10 times: exactly one of them happens", async () => {
    for (let round = 0; round < 10; round++) {
      const w = await world();
      const { invitation, token } = await makeInvitation(t.db, w.org.id, w.admin.id);
      const outcomes = await Promise.all([
        acceptInvitation({ token, signedIn: null }).then(() => "accepted", (e) => (isAppError(e) ? e.code : String(e))),
        declineInvitation({ token, signedIn: null }).then(() => "declined", (e) => (isAppError(e) ? e.code : String(e))),
      ]);
      const row = await invitationRow(invitation.id);
      expect(outcomes.filter((o) => o === "accepted" || o === "declined"), outcomes.join()).toHaveLength(1);
      expect(row.status).toBe(outcomes.includes("accepted") ? "accepted" : "declined");
      const [{ n }] = await t.db.select({ n: count() }).from(memberships).where(eq(memberships.orgId, w.org.id));
      expect(n).toBe(outcomes.includes("accepted") ? 4 : 3);
    }
  });
});

describe("Leave organization (R7, R5, R6)", () => {
  it.each(["manager", "user"] as const)("R6: a %s leaves — plans left with P6's effects, transfers voided, check-outs released, seat freed; sessions kept; audited", async (role) => {
    const w = await world();
    const leaver = w.people[role];
    const plan = await makeSubscribedPlan(t.db, w.org.id, w.admin.id, "pdoc_share", 5);
    await addToPlan(t.db, plan, leaver.id);
    const [flow] = await t.db.insert(workflows).values({ planId: plan.id, orgId: w.org.id, ownerId: leaver.id, title: "Mine" }).returning();
    const [task] = await t.db.insert(tasks).values({ planId: plan.id, orgId: w.org.id, workflowId: flow.id, senderId: w.admin.id, assigneeId: leaver.id, title: "Open" }).returning();
    const held = await makeSurvey(t.db, w.org.id, w.admin.id, "Held", { checkedOutById: leaver.id, checkedOutAt: new Date() });
    const [transfer] = await t.db
      .insert(ownershipTransfers)
      .values({ planId: plan.id, orgId: w.org.id, fromUserId: w.admin.id, toUserId: leaver.id, expiresAt: new Date(Date.now() + 86_400_000) })
      .returning();
    await t.db.insert(sessions).values({ sessionToken: randomBytes(16).toString("hex"), userId: leaver.id, expires: new Date(Date.now() + 86_400_000) });
    const usedBefore = (await seatUsage(t.db, w.org.id)).used;

    actAs(leaver.id);
    const result = await leaveOrganizationAction(idle, form({ org: w.org.slug }));
    expect(result, result.formError).toMatchObject({ ok: true, message: `You left ${w.org.name}.` });
    expect(await t.db.select().from(memberships).where(and(eq(memberships.orgId, w.org.id), eq(memberships.userId, leaver.id)))).toHaveLength(0);
    expect((await seatUsage(t.db, w.org.id)).used).toBe(usedBefore - 1);
    expect(await t.db.select().from(planUsers).where(eq(planUsers.userId, leaver.id))).toHaveLength(0);
    expect(await t.db.select().from(workflows).where(eq(workflows.id, flow.id))).toHaveLength(0);
    expect((await t.db.select().from(tasks).where(eq(tasks.id, task.id)))[0].assigneeId).toBe(w.admin.id);
    expect((await t.db.select().from(surveys).where(eq(surveys.id, held.id)))[0].checkedOutById).toBeNull();
    expect((await t.db.select().from(ownershipTransfers).where(eq(ownershipTransfers.id, transfer.id)))[0].state).toBe("void");
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, leaver.id))).toHaveLength(1);
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.orgId, w.org.id), eq(auditLog.action, "member.left")));
    expect(entry).toMatchObject({ actorId: leaver.id, targetUserId: leaver.id, before: { role, status: "active", plans: 1 } });
    // Gone from this organization at the next request.
    const again = await leaveOrganizationAction(idle, form({ org: w.org.slug }));
    expect(again).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("R7: the only active Admin cannot leave (a suspended second Admin does not count); with another active Admin they can — each refusal changes nothing", async () => {
    const w = await world();
    actAs(w.admin.id);
    expect(await expectNoChange(t.db, () => leaveOrganizationAction(idle, form({ org: w.org.slug })))).toMatchObject({ ok: false, code: "LAST_ADMIN" });
    const suspended = (await addNamedMember(t.db, w.org.id, "admin")).user;
    await t.db.update(memberships).set({ status: "suspended" }).where(eq(memberships.userId, suspended.id));
    expect(await expectNoChange(t.db, () => leaveOrganizationAction(idle, form({ org: w.org.slug })))).toMatchObject({ ok: false, code: "LAST_ADMIN" });
    await addNamedMember(t.db, w.org.id, "admin");
    expect(await leaveOrganizationAction(idle, form({ org: w.org.slug }))).toMatchObject({ ok: true });
  });

  it("R5: a member who owns surveys or subscribes to a plan is refused (HAS_DEPENDENTS, naming them) and nothing changes", async () => {
    const w = await world();
    await makeSurvey(t.db, w.org.id, w.user.id);
    actAs(w.user.id);
    const surveysLeft = await expectNoChange(t.db, () => leaveOrganizationAction(idle, form({ org: w.org.slug })));
    expect(surveysLeft).toMatchObject({ ok: false, code: "HAS_DEPENDENTS", formError: "Transfer your 1 survey first." });
    await makeSubscribedPlan(t.db, w.org.id, w.manager.id, "supplier_evaluations", 3);
    actAs(w.manager.id);
    const plan = await expectNoChange(t.db, () => leaveOrganizationAction(idle, form({ org: w.org.slug })));
    expect(plan).toMatchObject({ ok: false, code: "HAS_DEPENDENTS", formError: "Transfer ownership of Supplier Evaluations first." });
  });

  it("§10/R9: another organization's slug is NOT_FOUND, a suspended member is SUSPENDED, signed out is UNAUTHENTICATED — nothing changes", async () => {
    const w = await world();
    actAs(w.user.id);
    expect(await expectNoChange(t.db, () => leaveOrganizationAction(idle, form({ org: w.other.slug })))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    await t.db.update(memberships).set({ status: "suspended" }).where(eq(memberships.userId, w.user.id));
    expect(await expectNoChange(t.db, () => leaveOrganizationAction(idle, form({ org: w.org.slug })))).toMatchObject({ ok: false, code: "SUSPENDED" });
    actAs(null);
    expect(await expectNoChange(t.db, () => leaveOrganizationAction(idle, form({ org: w.org.slug })))).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });

  itRace("R7: two Admins leaving at the same moment, 10 times: one leaves, the other is refused — an Admin always remains", async () => {
    for (let round = 0; round < 10; round++) {
      const w = await world();
      const second = (await addNamedMember(t.db, w.org.id, "admin")).user;
      const outcomes = await Promise.all(
        [w.admin, second].map(async (admin) => {
          const { leaveOrganization } = await import("@/lib/members/leave-organization");
          return leaveOrganization(contextOf(w.org, admin, "admin")).then(() => "left", (e) => (isAppError(e) ? e.code : String(e)));
        }),
      );
      expect(outcomes.sort()).toEqual(["LAST_ADMIN", "left"]);
      const [{ n }] = await t.db
        .select({ n: count() })
        .from(memberships)
        .where(and(eq(memberships.orgId, w.org.id), eq(memberships.role, "admin")));
      expect(n).toBe(1);
    }
  });
});

describe("R2 one's own profile, and I5's name at onboarding", () => {
  it("R2: name and phone change at once, audited in each of the person's organizations; a new email only asks (the account keeps its address)", async () => {
    const w = await world();
    await t.db.insert(memberships).values({ orgId: w.other.id, userId: w.user.id, role: "user" });
    actAs(w.user.id);
    const newEmail = uniqueEmail("new-address");
    const result = await updateProfileAction(idle, form({ firstName: "Greta", lastName: "Green", email: newEmail, phone: "+1 555 0111" }));
    expect(result, result.formError).toMatchObject({ ok: true });
    expect(result.message).toContain(newEmail);
    const [me] = await t.db.select().from(users).where(eq(users.id, w.user.id));
    expect(me).toMatchObject({ firstName: "Greta", lastName: "Green", name: "Greta Green", phone: "+1 555 0111", email: w.user.email });
    const [pending] = await t.db.select().from(emailChangeRequests).where(eq(emailChangeRequests.userId, w.user.id));
    expect(pending).toMatchObject({ newEmail, status: "pending" });
    expect(await auditCount(w.org.id, "member.updated")).toBe(1);
    expect(await auditCount(w.other.id, "member.updated")).toBe(1);
  });

  it("§10/R2: bad fields are refused on their field, an address another account holds is refused, signed out is UNAUTHENTICATED — nothing changes", async () => {
    const w = await world();
    actAs(w.user.id);
    const valid = { firstName: "Ann", lastName: "Ash", email: w.user.email, phone: "" };
    for (const [field, value] of [
      ["firstName", ""],
      ["firstName", "x".repeat(100)],
      ["email", "not an email"],
      ["phone", "call me"],
      ["firstName", "a\u0000b"],
    ] as const) {
      const result: FormState = await expectNoChange(t.db, () => updateProfileAction(idle, form({ ...valid, [field]: value })));
      expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
      expect(result.fieldErrors?.[field]).toBeDefined();
    }
    expect(await expectNoChange(t.db, () => updateProfileAction(idle, form({ ...valid, email: w.admin.email })))).toMatchObject({ ok: false, code: "CONFLICT" });
    actAs(null);
    expect(await expectNoChange(t.db, () => updateProfileAction(idle, form(valid)))).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });

  it("I5: a person without a name must give one to create an organization; given, it is set with the organization in one transaction", async () => {
    const person = await makeUser(t.db, { name: null });
    actAs(person.id);
    const refused = await expectNoChange(t.db, () => createOrganizationAction(idle, form({ name: "Nameless Works" })));
    expect(refused).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(refused.fieldErrors?.firstName).toBeDefined();
    const created = await createOrganizationAction(idle, form({ name: "Named Works", firstName: "Nora", lastName: "North" })).catch((e: { digest?: string }) => e);
    expect(String((created as { digest?: string }).digest)).toMatch(/^NEXT_REDIRECT/);
    const [me] = await t.db.select().from(users).where(eq(users.id, person.id));
    expect(me).toMatchObject({ firstName: "Nora", lastName: "North", name: "Nora North" });
    // A person with a name is not asked again.
    const named = await makeUser(t.db);
    actAs(named.id);
    const ok = await createOrganizationAction(idle, form({ name: "Known Works" })).catch((e: { digest?: string }) => e);
    expect(String((ok as { digest?: string }).digest)).toMatch(/^NEXT_REDIRECT/);
  });
});
