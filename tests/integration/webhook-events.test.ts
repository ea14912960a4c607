import { changeTier } from "@/lib/orgs/change-tier";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invitations, ownershipTransfers, planUsers, webhookEvents } from "@/db/schema";
import { updateOwnProfile } from "@/lib/account/profile";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { announceExpiredInvitations } from "@/lib/invitations/announce-expired-invitations";
import { declineInvitation } from "@/lib/invitations/decline-invitation";
import { inviteMembers } from "@/lib/invitations/invite-members";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";
import { deleteMember } from "@/lib/members/delete-member";
import { leaveOrganization } from "@/lib/members/leave-organization";
import { setMemberStatus } from "@/lib/members/set-member-status";
import { changeMemberRole, updateMember } from "@/lib/members/update-member";
import { addPlanUser } from "@/lib/plans/add-plan-user";
import { removePlanUser } from "@/lib/plans/remove-plan-user";
import { transferAllSurveys } from "@/lib/surveys/transfer-all-surveys";
import { transferSurvey } from "@/lib/surveys/transfer-survey";
import { cancelTransfer } from "@/lib/transfers/cancel-transfer";
import { expireDueTransfers } from "@/lib/transfers/expire-transfers";
import { requestTransfer } from "@/lib/transfers/request-transfer";
import { acceptTransfer, declineTransfer } from "@/lib/transfers/respond-to-transfer";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { webhookEventTypes, type WebhookEventType } from "@/lib/webhooks/events";
import { deliverDueWebhooks } from "@/lib/webhooks/sender";
import { setupTestDatabase } from "../support/db";
import { makeInvitation, makeSurvey } from "../support/factories";
import { planWorld } from "../support/plans";
import { addNamedMember } from "../support/state";
import { startWebhookReceiver } from "../support/webhook-receiver";

const t = setupTestDatabase();
const baseUrl = "http://localhost:3000";
const receivers: Awaited<ReturnType<typeof startWebhookReceiver>>[] = [];

beforeAll(() => {
  process.env.SEATWISE_WEBHOOK_ALLOW_PRIVATE = "1";
});
afterAll(async () => {
  delete process.env.SEATWISE_WEBHOOK_ALLOW_PRIVATE;
  await Promise.all(receivers.map((r) => r.close()));
});

/** planWorld (Pro tier: an Admin subscribing PDoc Share, a Manager on it, two Users) with an endpoint wanting every event. */
async function world(tier: "free" | "pro" = "pro") {
  const w = await planWorld(t.db, { tier });
  const hook = await startWebhookReceiver();
  receivers.push(hook);
  const { secret } = await createWebhookEndpoint(w.ctx.admin, { url: hook.url, events: [...webhookEventTypes] });
  hook.verifyWith(secret);
  return { ...w, hook };
}

type World = Awaited<ReturnType<typeof world>>;

/**
 * The event was written once, with this data, for this organization — and a real receiver got it
 * with a signature that verifies (standardwebhooks).
 */
async function expectEvent(w: World, type: WebhookEventType, data: Record<string, unknown>, count = 1) {
  const rows = await t.db.select().from(webhookEvents).where(and(eq(webhookEvents.orgId, w.org.id), eq(webhookEvents.type, type)));
  expect(rows).toHaveLength(count);
  await deliverDueWebhooks({ db: t.db });
  expect(w.hook.failures).toEqual([]);
  const got = w.hook.received.map((r) => r.verified as { type: string }).filter((body) => body?.type === type);
  expect(got).toHaveLength(count);
  expect(got[0]).toMatchObject({ type, organization: { id: w.org.id, slug: w.org.slug }, data });
}

describe("W1 each event is emitted by the service that makes its change", () => {
  it("W1 member.created and invitation.accepted: accepting an invitation", async () => {
    const w = await world();
    const { invitation, token } = await makeInvitation(t.db, w.org.id, w.admin.id, { role: "manager" });
    const accepted = await acceptInvitation({ token, signedIn: null });
    await expectEvent(w, "member.created", { userId: accepted.userId, email: invitation.email, role: "manager", status: "active" });
    await expectEvent(w, "invitation.accepted", { invitationId: invitation.id, email: invitation.email, role: "manager", userId: accepted.userId });
  });

  it("W1 invitation.created: Invite Teammate", async () => {
    const w = await world();
    const [result] = await inviteMembers(w.ctx.admin, { emails: ["new.person@example.test"], role: "user", firstName: undefined, lastName: undefined }, { baseUrl });
    await expectEvent(w, "invitation.created", { invitationId: result.invitationId, email: "new.person@example.test", role: "user" });
  });

  it("W1 invitation.declined: the invitee declines from the link", async () => {
    const w = await world();
    const { invitation, token } = await makeInvitation(t.db, w.org.id, w.admin.id);
    await declineInvitation({ token, signedIn: null });
    await expectEvent(w, "invitation.declined", { invitationId: invitation.id, email: invitation.email });
  });

  it("W1 invitation.revoked: Revoke on Manage Invites", async () => {
    const w = await world();
    const { invitation } = await makeInvitation(t.db, w.org.id, w.admin.id);
    await revokeInvitation(w.ctx.admin, invitation.id);
    await expectEvent(w, "invitation.revoked", { invitationId: invitation.id, email: invitation.email });
  });

  it("W1 invitation.expired: the sweep announces each lapsed invitation once, and a live one not at all", async () => {
    const w = await world();
    const { invitation } = await makeInvitation(t.db, w.org.id, w.admin.id, { expiresAt: new Date(Date.now() - 60_000) });
    await makeInvitation(t.db, w.org.id, w.admin.id);
    await announceExpiredInvitations({ db: t.db });
    await announceExpiredInvitations({ db: t.db });
    await expectEvent(w, "invitation.expired", { invitationId: invitation.id, email: invitation.email, expiresAt: invitation.expiresAt.toISOString() });
    // Resent (a new expiry) and lapsed again: announced again, once.
    await t.db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, invitation.id));
    await announceExpiredInvitations({ db: t.db });
    await announceExpiredInvitations({ db: t.db });
    expect(await t.db.$count(webhookEvents, and(eq(webhookEvents.orgId, w.org.id), eq(webhookEvents.type, "invitation.expired")))).toBe(2);
  });

  it("W1 member.updated: Edit user and a role change", async () => {
    const w = await world();
    await updateMember(w.ctx.admin, { userId: w.user.id, firstName: "Renamed", lastName: "Person", email: w.user.email, phone: null, role: "user" }, { baseUrl });
    await expectEvent(w, "member.updated", { userId: w.user.id, name: "Renamed Person", role: "user", changes: expect.arrayContaining(["firstName", "name"]) });
    await changeMemberRole(w.ctx.admin, w.user2.id, "manager", { baseUrl });
    const rows = await t.db.select().from(webhookEvents).where(and(eq(webhookEvents.orgId, w.org.id), eq(webhookEvents.type, "member.updated")));
    expect(rows.map((r) => (r.payload as { data: { userId: string; role: string; changes: string[] } }).data)).toContainEqual(
      expect.objectContaining({ userId: w.user2.id, role: "manager", changes: ["role"] }),
    );
  });

  it("W1 member.updated: a member edits their own name on the profile page", async () => {
    const w = await world();
    await updateOwnProfile(w.user.id, { firstName: "Self", lastName: "Named", email: w.user.email, phone: null }, { baseUrl });
    await expectEvent(w, "member.updated", { userId: w.user.id, name: "Self Named", role: "user", status: "active", changes: expect.arrayContaining(["firstName"]) });
  });

  it("W1 member.suspended and member.reactivated: Suspend and Re-activate", async () => {
    const w = await world();
    await setMemberStatus(w.ctx.admin, w.user.id, "suspended");
    await expectEvent(w, "member.suspended", { userId: w.user.id, status: "suspended" });
    await setMemberStatus(w.ctx.admin, w.user.id, "active");
    await expectEvent(w, "member.reactivated", { userId: w.user.id, status: "active" });
  });

  it("W1 member.deleted: Delete User, and a member leaving", async () => {
    const w = await world();
    await deleteMember(w.ctx.admin, w.user2.id);
    await expectEvent(w, "member.deleted", { userId: w.user2.id, role: "user", reason: "deleted" });
    await leaveOrganization(w.ctx.user);
    await expectEvent(w, "member.deleted", { userId: w.user2.id, reason: "deleted" }, 2);
    const rows = await t.db.select().from(webhookEvents).where(and(eq(webhookEvents.orgId, w.org.id), eq(webhookEvents.type, "member.deleted")));
    expect(rows.map((r) => (r.payload as { data: { userId: string; reason: string } }).data)).toContainEqual(
      expect.objectContaining({ userId: w.user.id, reason: "left" }),
    );
  });

  it("W1 seats.limit_reached: the invitation that takes the last seat, once", async () => {
    const w = await world("free");
    // Free: 4 seats, and planWorld has 4 members. Free two seats, then take them back one by one.
    await deleteMember(w.ctx.admin, w.user.id);
    await deleteMember(w.ctx.admin, w.user2.id);
    await inviteMembers(w.ctx.admin, { emails: ["first@example.test"], role: "user", firstName: undefined, lastName: undefined }, { baseUrl });
    expect(await t.db.$count(webhookEvents, and(eq(webhookEvents.orgId, w.org.id), eq(webhookEvents.type, "seats.limit_reached")))).toBe(0);
    await inviteMembers(w.ctx.admin, { emails: ["second@example.test"], role: "user", firstName: undefined, lastName: undefined }, { baseUrl });
    await expectEvent(w, "seats.limit_reached", { tier: "free", limit: 4, used: 4 });
  });

  it("W1 T4 seats.limit_reached: a tier change that lands exactly on the seats in use; not one that leaves room", async () => {
    const w = await world();
    // Pro with 4 members → Essential (6): room left, no event; → Free (4): exactly full.
    await changeTier(w.ctx.admin, "essential");
    expect(await t.db.$count(webhookEvents, and(eq(webhookEvents.orgId, w.org.id), eq(webhookEvents.type, "seats.limit_reached")))).toBe(0);
    await changeTier(w.ctx.admin, "free");
    await expectEvent(w, "seats.limit_reached", { tier: "free", limit: 4, used: 4 });
  });

  it("W1 plan.user_added: Add User To Plan", async () => {
    const w = await world();
    await addPlanUser(w.ctx.admin, w.plan.id, w.user.id);
    await expectEvent(w, "plan.user_added", { planId: w.plan.id, userId: w.user.id, email: w.user.email, product: expect.any(String) });
  });

  it("W1 plan.user_removed: Remove from plan", async () => {
    const w = await world();
    const [place] = await t.db.select().from(planUsers).where(and(eq(planUsers.planId, w.plan.id), eq(planUsers.userId, w.manager.id)));
    await removePlanUser(w.ctx.admin, w.plan.id, place.id, { baseUrl });
    await expectEvent(w, "plan.user_removed", { planId: w.plan.id, userId: w.manager.id, email: w.manager.email });
  });

  it("W1 plan.transfer.requested and plan.transfer.accepted: Transfer Ownership, accepted", async () => {
    const w = await world();
    const { transferId } = await requestTransfer(w.ctx.admin, w.plan.id, w.manager.id, { baseUrl });
    const data = { transferId, planId: w.plan.id, fromUserId: w.admin.id, toUserId: w.manager.id };
    await expectEvent(w, "plan.transfer.requested", data);
    await acceptTransfer(w.ctx.manager, transferId, { baseUrl });
    await expectEvent(w, "plan.transfer.accepted", data);
  });

  it("W1 plan.transfer.declined: the recipient declines", async () => {
    const w = await world();
    const { transferId } = await requestTransfer(w.ctx.admin, w.plan.id, w.manager.id, { baseUrl });
    await declineTransfer(w.ctx.manager, transferId, { baseUrl });
    await expectEvent(w, "plan.transfer.declined", { transferId, fromUserId: w.admin.id, toUserId: w.manager.id });
  });

  it("W1 plan.transfer.cancelled: the subscriber cancels", async () => {
    const w = await world();
    const { transferId } = await requestTransfer(w.ctx.admin, w.plan.id, w.manager.id, { baseUrl });
    await cancelTransfer(w.ctx.admin, transferId);
    await expectEvent(w, "plan.transfer.cancelled", { transferId, fromUserId: w.admin.id, toUserId: w.manager.id });
  });

  it("W1 plan.transfer.expired: the expiry sweep", async () => {
    const w = await world();
    const { transferId } = await requestTransfer(w.ctx.admin, w.plan.id, w.manager.id, { baseUrl });
    await t.db.update(ownershipTransfers).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(ownershipTransfers.id, transferId));
    await expireDueTransfers({ db: t.db, baseUrl });
    await expectEvent(w, "plan.transfer.expired", { transferId, fromUserId: w.admin.id, toUserId: w.manager.id });
  });

  it("W1 survey.transferred: transfer one survey, and all of a member's surveys (one event each)", async () => {
    const w = await world();
    const survey = await makeSurvey(t.db, w.org.id, w.admin.id, "Supplier audit");
    await transferSurvey(w.ctx.admin, survey.id, w.manager.id, { baseUrl });
    await expectEvent(w, "survey.transferred", { surveyId: survey.id, title: "Supplier audit", fromUserId: w.admin.id, toUserId: w.manager.id });
    const owner = (await addNamedMember(t.db, w.org.id, "user")).user;
    await makeSurvey(t.db, w.org.id, owner.id, "One");
    await makeSurvey(t.db, w.org.id, owner.id, "Two");
    await transferAllSurveys(w.ctx.admin, owner.id, w.user.id, { baseUrl });
    expect(await t.db.$count(webhookEvents, and(eq(webhookEvents.orgId, w.org.id), eq(webhookEvents.type, "survey.transferred")))).toBe(3);
  });
});
