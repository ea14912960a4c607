import { and, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { emailOutbox, invitations, memberships, notifications, organizations, planUsers, plans } from "@/db/schema";
import { isAppError } from "@/lib/errors";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { inviteMembers } from "@/lib/invitations/invite-members";
import { listOpenInvitations } from "@/lib/invitations/queries";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/mark-read";
import { listInbox, NOTIFICATIONS_PAGE_SIZE } from "@/lib/notifications/queries";
import { loadMembership } from "@/lib/auth/session";
import { seatUsage } from "@/lib/seats/seat-usage";
import { inviteSupplier } from "@/lib/suppliers/invite-supplier";
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
});
