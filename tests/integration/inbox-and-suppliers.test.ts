import { actAs, form, idle } from "../support/next-mocks";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { restoreInvitationAction, revokeInvitationAction } from "@/app/o/[org]/invites/actions";
import { auditLog, emailOutbox, invitations, memberships, notifications, organizations, planUsers, plans } from "@/db/schema";
import { isAppError } from "@/lib/errors";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { inviteMembers } from "@/lib/invitations/invite-members";
import { findInvitationByToken, listOpenInvitations } from "@/lib/invitations/queries";
import { REVOKE_UNDO_MS } from "@/lib/invitations/revoke-invitation";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/mark-read";
import { listInbox, NOTIFICATIONS_PAGE_SIZE } from "@/lib/notifications/queries";
import { loadMembership } from "@/lib/auth/session";
import { seatUsage } from "@/lib/seats/seat-usage";
import { inviteSupplier } from "@/lib/suppliers/invite-supplier";
import { listSuppliers } from "@/lib/suppliers/queries";
import { requestTransfer } from "@/lib/transfers/request-transfer";
import { setupTestDatabase } from "../support/db";
import { makeOrg } from "../support/factories";
import { contextOf, planWorld } from "../support/plans";
import { addNamedMember, expectNoChange, tokenSentBy, uniqueEmail } from "../support/state";

/** SPEC N1 (the inbox: unread count, mark as read, transfer requests) and I6 (supplier invitations). */
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

/** A supplier invitation sent by the Admin of `w`, with its row and the raw token of its link. */
async function supplierInvitation(w: Awaited<ReturnType<typeof planWorld>>, companyName: string, email = uniqueEmail("supplier")) {
  const token = await tokenSentBy(t.db, email, () => inviteSupplier(w.ctx.admin, { companyName, email }, { baseUrl }));
  const [invitation] = await t.db
    .select()
    .from(invitations)
    .where(and(eq(invitations.orgId, w.org.id), eq(invitations.email, email), eq(invitations.status, "pending")));
  return { invitation, token };
}

async function invitationRow(id: string) {
  const [row] = await t.db.select().from(invitations).where(eq(invitations.id, id));
  return row;
}

async function auditCount(orgId: string, action: string, subjectId: string) {
  const [{ n }] = await t.db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, action), eq(auditLog.subjectId, subjectId)));
  return n;
}

/** Revoke through the server action, as the Suppliers page posts it. */
async function revokeAs(userId: string, orgSlug: string, invitationId: string) {
  actAs(userId);
  const result = await revokeInvitationAction(idle, form({ org: orgSlug, invitationId }));
  expect(result, result.formError).toMatchObject({ ok: true });
  return result;
}

/** The unread count the header shows: read with the membership, as the layout does. */
async function headerUnread(userId: string, orgSlug: string) {
  return (await loadMembership(userId, orgSlug))!.unread;
}

describe("N1 the inbox", () => {
  it("N1: newest first, paginated in the database, with the unread count the header shows", async () => {
    const w = await planWorld(t.db);
    await t.db.execute(sql`
      insert into notifications (user_id, org_id, kind, title, created_at)
      select ${w.user.id}, ${w.org.id}, 'plan_added', 'Note ' || g, now() - (g || ' seconds')::interval
      from generate_series(1, 45) g`);
    const first = await listInbox(w.ctx.user, { page: 1 });
    expect(first).toMatchObject({ total: 45, unread: 45, pageCount: Math.ceil(45 / NOTIFICATIONS_PAGE_SIZE) });
    expect(first.rows[0].title).toBe("Note 1");
    const last = await listInbox(w.ctx.user, { page: 3 });
    expect(last.rows.at(-1)!.title).toBe("Note 45");
    expect(await headerUnread(w.user.id, w.org.slug)).toBe(45);
  });

  it("N1: mark one read and then all; the unread count goes down to 0", async () => {
    const w = await planWorld(t.db);
    await t.db.insert(notifications).values(
      Array.from({ length: 3 }, (_, i) => ({ userId: w.user.id, orgId: w.org.id, kind: "plan_added" as const, title: `n${i}` })),
    );
    const [one] = await t.db.select().from(notifications).where(eq(notifications.userId, w.user.id)).limit(1);
    await markNotificationRead(w.ctx.user, one.id);
    expect(await headerUnread(w.user.id, w.org.slug)).toBe(2);
    expect((await listInbox(w.ctx.user, { unreadOnly: true })).rows).toHaveLength(2);
    expect(await markAllNotificationsRead(w.ctx.user)).toEqual({ marked: 2 });
    expect(await headerUnread(w.user.id, w.org.slug)).toBe(0);
  });

  it("N1/§10: another user's or another organization's notification is not found, and nothing changes", async () => {
    const w = await planWorld(t.db);
    const [mine] = await t.db.insert(notifications).values({ userId: w.user.id, orgId: w.org.id, kind: "plan_added", title: "mine" }).returning();
    expect(await expectNoChange(t.db, () => codeOf(markNotificationRead(w.ctx.user2, mine.id)))).toBe("NOT_FOUND");
    expect(await expectNoChange(t.db, () => codeOf(markNotificationRead(w.ctx.otherAdmin, mine.id)))).toBe("NOT_FOUND");
    // Mark all in another organization touches only that organization's notifications.
    await expectNoChange(t.db, () => markAllNotificationsRead(w.ctx.user2));
    expect((await listInbox(w.ctx.user2)).rows).toEqual([]);
  });

  it("N1/O1: a transfer request can be answered from the inbox only while it is pending and addressed to the reader", async () => {
    const w = await planWorld(t.db);
    await requestTransfer(w.ctx.admin, w.plan.id, w.manager.id, { baseUrl });
    const [request] = (await listInbox(w.ctx.manager)).rows;
    expect(request).toMatchObject({ kind: "transfer_requested", transferState: "pending", canAnswer: true });
    await t.db.execute(sql`update ownership_transfers set expires_at = now() - interval '1 minute' where id = ${request.transferId}`);
    const [expired] = (await listInbox(w.ctx.manager)).rows;
    expect(expired).toMatchObject({ transferState: "expired", canAnswer: false });
  });
});

describe("I6 supplier invitations", () => {
  it("I6: an Admin invites a supplier; it holds no seat and is not among Manage Invites; accepting creates the supplier organization with the invitee as Admin, subscribed to Service", async () => {
    const w = await planWorld(t.db);
    const seatsBefore = await seatUsage(t.db, w.org.id);
    const email = uniqueEmail("supplier");
    const token = await tokenSentBy(t.db, email, () => inviteSupplier(w.ctx.admin, { companyName: "Forge & Sons", email, firstName: "Fay" }, { baseUrl }));
    expect(await seatUsage(t.db, w.org.id)).toEqual(seatsBefore);
    expect((await listOpenInvitations(w.ctx.admin)).map((i) => i.email)).not.toContain(email);
    const [mail] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.to, email));
    expect(mail.template).toBe("supplier-invitation");

    const accepted = await acceptInvitation({ token, signedIn: null });
    const [supplier] = await t.db.select().from(organizations).where(eq(organizations.slug, accepted.orgSlug));
    expect(supplier).toMatchObject({ name: "Forge & Sons", kind: "supplier", invitedByOrgId: w.org.id, tier: "free" });
    const [membership] = await t.db.select().from(memberships).where(eq(memberships.orgId, supplier.id));
    expect(membership).toMatchObject({ userId: accepted.userId, role: "admin" });
    const [service] = await t.db.select().from(plans).where(eq(plans.orgId, supplier.id));
    expect(service).toMatchObject({ productId: "service", subscriberId: accepted.userId });
    expect(accepted.landingPath).toBe(`/o/${supplier.slug}/plans/${service.id}`);
    const places = await t.db.select().from(planUsers).where(eq(planUsers.planId, service.id));
    expect(places.map((p) => p.userId)).toEqual([accepted.userId]);
    // Not a member of the client; the client's inviter is told.
    expect(await t.db.select().from(memberships).where(and(eq(memberships.orgId, w.org.id), eq(memberships.userId, accepted.userId)))).toEqual([]);
    const [told] = await t.db.select().from(notifications).where(and(eq(notifications.userId, w.admin.id), eq(notifications.kind, "supplier_joined")));
    expect(told.title).toContain("Forge & Sons");
    // A second use changes nothing.
    expect(await expectNoChange(t.db, () => codeOf(acceptInvitation({ token, signedIn: null })))).toBe("ALREADY_USED");
  });

  it("I6: only an Admin of a client organization invites suppliers (FORBIDDEN for Managers, Users, and supplier Admins)", async () => {
    const w = await planWorld(t.db);
    for (const ctx of [w.ctx.manager, w.ctx.user]) {
      expect(await expectNoChange(t.db, () => codeOf(inviteSupplier(ctx, { companyName: "Nope Ltd", email: uniqueEmail("s") }, { baseUrl })))).toBe("FORBIDDEN");
    }
    const supplier = await makeOrg(t.db, { kind: "supplier" });
    const sam = (await addNamedMember(t.db, supplier.id, "admin")).user;
    expect(
      await expectNoChange(t.db, () => codeOf(inviteSupplier(contextOf(supplier, sam, "admin"), { companyName: "Sub Ltd", email: uniqueEmail("s") }, { baseUrl }))),
    ).toBe("FORBIDDEN");
  });

  it("I6/I1: inviting the same address again resends that invitation; a teammate invitation to the same address is separate", async () => {
    const w = await planWorld(t.db);
    const email = uniqueEmail("twice");
    const first = await inviteSupplier(w.ctx.admin, { companyName: "Twice Ltd", email }, { baseUrl });
    const second = await inviteSupplier(w.ctx.admin, { companyName: "Twice Ltd", email }, { baseUrl });
    expect(second).toEqual({ invitationId: first.invitationId, resent: true });
    const [member] = await inviteMembers(w.ctx.admin, { emails: [email], role: "user", firstName: undefined, lastName: undefined }, { baseUrl });
    expect(member.outcome).toBe("invited");
    const rows = await t.db.select().from(invitations).where(and(eq(invitations.email, email), isNull(invitations.acceptedAt)));
    expect(rows.map((r) => r.kind).sort()).toEqual(["member", "supplier"]);
  });

  it("I6/I3: a revoked supplier invitation can be undone within 10 minutes: the same link works again; after the window Undo is refused and nothing changes", async () => {
    // Free tier with its 4 seats taken by the 4 members: Undo succeeding proves it reserves no seat.
    const w = await planWorld(t.db, { tier: "free" });
    const seats = await seatUsage(t.db, w.org.id);
    expect(seats).toMatchObject({ used: 4, limit: 4 });
    const { invitation, token } = await supplierInvitation(w, "Undo Forge");

    // Revoke (the Suppliers page posts the same action as Manage Invites): the message offers Undo.
    const revoked = await revokeAs(w.admin.id, w.org.slug, invitation.id);
    expect(revoked.message).toMatch(
      new RegExp(`^Revoked the supplier invitation to ${invitation.email.replace(/[.+]/g, "\\$&")}: its link no longer works\\. Undo until \\d\\d:\\d\\d UTC\\.$`),
    );
    const afterRevoke = await invitationRow(invitation.id);
    expect(afterRevoke).toMatchObject({ status: "revoked", revokedById: w.admin.id, revokedPlaces: [] });
    const revokedAt = afterRevoke.revokedAt!;
    expect(await seatUsage(t.db, w.org.id)).toEqual(seats);
    expect(await expectNoChange(t.db, () => codeOf(acceptInvitation({ token, signedIn: null })))).toBe("REVOKED");

    // listSuppliers keeps the row, marked revoked, with until when Undo works — and not after the window.
    const listed = (await listSuppliers(w.ctx.admin)).open.find((i) => i.id === invitation.id);
    expect(listed).toMatchObject({ state: "revoked", companyName: "Undo Forge", revokedAt });
    expect(listed!.undoUntil!.getTime()).toBe(revokedAt.getTime() + REVOKE_UNDO_MS);
    const later = new Date(revokedAt.getTime() + REVOKE_UNDO_MS + 1000);
    expect((await listSuppliers(w.ctx.admin, later)).open.map((i) => i.id)).not.toContain(invitation.id);
    expect((await listSuppliers(w.ctx.otherAdmin)).open.map((i) => i.id)).not.toContain(invitation.id);
    // Not among Manage Invites either, revoked or not.
    expect((await listOpenInvitations(w.ctx.admin)).map((i) => i.id)).not.toContain(invitation.id);

    // A Manager and a User may not manage supplier invitations: FORBIDDEN, nothing changes.
    for (const person of [w.manager, w.user]) {
      actAs(person.id);
      const refused = await expectNoChange(t.db, () => restoreInvitationAction(idle, form({ org: w.org.slug, invitationId: invitation.id })));
      expect(refused).toMatchObject({ ok: false, code: "FORBIDDEN", formError: "Only Admins manage supplier invitations." });
    }
    // Another organization's Admin: NOT_FOUND through their own organization and through this one.
    actAs(w.otherAdmin.id);
    for (const fields of [
      { org: w.other.slug, invitationId: invitation.id },
      { org: w.org.slug, invitationId: invitation.id },
    ]) {
      const refused = await expectNoChange(t.db, () => restoreInvitationAction(idle, form(fields)));
      expect(refused).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }

    // Undo by the Admin: pending again with the same link and expiry, no seat taken, audited.
    actAs(w.admin.id);
    const restored = await restoreInvitationAction(idle, form({ org: w.org.slug, invitationId: invitation.id }));
    expect(restored, restored.formError).toMatchObject({ ok: true, data: { invitationId: invitation.id } });
    expect(restored.message).toContain(`Restored the supplier invitation to ${invitation.email}: the link in their email works again until`);
    expect(await invitationRow(invitation.id)).toMatchObject({
      status: "pending",
      revokedAt: null,
      revokedById: null,
      revokedPlaces: null,
      tokenHash: invitation.tokenHash,
      expiresAt: invitation.expiresAt,
      companyName: "Undo Forge",
    });
    expect(await seatUsage(t.db, w.org.id)).toEqual(seats);
    expect(await auditCount(w.org.id, "invitation.restored", invitation.id)).toBe(1);
    expect((await listSuppliers(w.ctx.admin)).open.find((i) => i.id === invitation.id)).toMatchObject({ state: "pending", undoUntil: null });
    // Undo again: nothing to undo.
    expect(await expectNoChange(t.db, () => restoreInvitationAction(idle, form({ org: w.org.slug, invitationId: invitation.id })))).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    // The same link works again: accepting it creates the supplier organization.
    expect(await findInvitationByToken(token)).toMatchObject({ id: invitation.id, state: "pending" });
    const accepted = await acceptInvitation({ token, signedIn: null });
    const [supplier] = await t.db.select().from(organizations).where(eq(organizations.slug, accepted.orgSlug));
    expect(supplier).toMatchObject({ name: "Undo Forge", kind: "supplier", invitedByOrgId: w.org.id });

    // After the window: Undo answers EXPIRED and the database is as it was.
    const late = await supplierInvitation(w, "Late Forge");
    await revokeAs(w.admin.id, w.org.slug, late.invitation.id);
    await t.db
      .update(invitations)
      .set({ revokedAt: new Date(Date.now() - REVOKE_UNDO_MS - 1000) })
      .where(eq(invitations.id, late.invitation.id));
    expect((await listSuppliers(w.ctx.admin)).open.map((i) => i.id)).not.toContain(late.invitation.id);
    actAs(w.admin.id);
    const tooLate = await expectNoChange(t.db, () => restoreInvitationAction(idle, form({ org: w.org.slug, invitationId: late.invitation.id })));
    expect(tooLate).toMatchObject({ ok: false, code: "EXPIRED" });
    expect(tooLate.formError).toContain(`Invite ${late.invitation.email} again instead.`);
    expect(await invitationRow(late.invitation.id)).toMatchObject({ status: "revoked" });
    expect(await auditCount(w.org.id, "invitation.restored", late.invitation.id)).toBe(0);
    expect(await expectNoChange(t.db, () => codeOf(acceptInvitation({ token: late.token, signedIn: null })))).toBe("REVOKED");
  });

  it("I6/I3: Undo of a supplier invitation asks no membership of the client (a member's address is fine) but refuses once a newer supplier invitation to the address was accepted", async () => {
    const w = await planWorld(t.db);
    // A supplier's Admin may be a member of the client too: Undo is not ALREADY_MEMBER.
    const { invitation } = await supplierInvitation(w, "Member's Own Ltd", w.user.email);
    await revokeAs(w.admin.id, w.org.slug, invitation.id);
    actAs(w.admin.id);
    const restored = await restoreInvitationAction(idle, form({ org: w.org.slug, invitationId: invitation.id }));
    expect(restored, restored.formError).toMatchObject({ ok: true });
    expect((await invitationRow(invitation.id)).status).toBe("pending");

    // Revoked, invited again, and the newer one accepted meanwhile: the old one stays revoked.
    const email = uniqueEmail("rejoin");
    const old = await supplierInvitation(w, "Rejoin Ltd", email);
    await revokeAs(w.admin.id, w.org.slug, old.invitation.id);
    const newer = await supplierInvitation(w, "Rejoin Ltd", email);
    expect(newer.invitation.id).not.toBe(old.invitation.id);
    actAs(w.admin.id);
    expect(await expectNoChange(t.db, () => restoreInvitationAction(idle, form({ org: w.org.slug, invitationId: old.invitation.id })))).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    await acceptInvitation({ token: newer.token, signedIn: null });
    const refused = await expectNoChange(t.db, () => restoreInvitationAction(idle, form({ org: w.org.slug, invitationId: old.invitation.id })));
    expect(refused).toMatchObject({ ok: false, code: "CONFLICT", formError: `${email} accepted a newer supplier invitation; this one stays revoked.` });
  });
});
