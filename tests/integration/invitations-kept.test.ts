import { rendered } from "../support/email";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, emailOutbox, invitations, notifications, ownershipTransfers, planUsers, users } from "@/db/schema";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { inviteMembers } from "@/lib/invitations/invite-members";
import { findReplacedInvitation } from "@/lib/invitations/replace-token";
import { resendInvitation } from "@/lib/invitations/resend-invitation";
import { invitePlanUser } from "@/lib/plans/invite-plan-user";
import { transferToNewPerson } from "@/lib/transfers/request-transfer";
import { setupTestDatabase } from "../support/db";
import { makeUser } from "../support/factories";
import { planWorld } from "../support/plans";
import { invitationTokens, tokenSentBy, uniqueEmail } from "../support/state";

/** Issue 14 items 2, 3 and 23: a live invitation changed keeps its link; names kept; expired transfers stay. */
const t = setupTestDatabase();
const baseUrl = "http://localhost:3000";

async function invitationOf(orgId: string, email: string) {
  const [row] = await t.db.select().from(invitations).where(and(eq(invitations.orgId, orgId), eq(invitations.email, email)));
  return row;
}

async function emailsTo(email: string) {
  return rendered(t.db.select().from(emailOutbox).where(eq(emailOutbox.to, email)));
}

describe("#14.2 a changed invitation keeps its link (I2, P3, O3)", () => {
  it("I2 #14.2 adding a plan place to a live invitation keeps its token; a notice says what was added; the first link joins the plan", async () => {
    const w = await planWorld(t.db);
    const email = uniqueEmail("ana");
    const first = await tokenSentBy(t.db, email, () => inviteMembers(w.ctx.admin, { emails: [email], role: "user", firstName: undefined, lastName: undefined }, { baseUrl }));
    const before = await invitationOf(w.org.id, email);

    const result = await invitePlanUser(w.ctx.admin, { planId: w.plan.id, email, firstName: "Ana", lastName: "Lopez" }, { baseUrl });
    expect(result.outcome).toBe("updated");
    const after = await invitationOf(w.org.id, email);
    expect(after.id).toBe(before.id);
    expect(after.tokenHash).toBe(before.tokenHash);
    expect(after.expiresAt).toEqual(before.expiresAt);
    // No second link went out: one invitation link, one notice without a link.
    expect(await invitationTokens(t.db, email)).toEqual([first]);
    const notices = (await emailsTo(email)).filter((e) => e.template === "invitation-updated");
    expect(notices).toHaveLength(1);
    expect(notices[0].text).not.toMatch(/\/invite\//);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.subjectId, before.id), eq(auditLog.action, "invitation.updated")));
    expect(audit.after).toMatchObject({ plans: ["PDoc Share"] });

    // Doing it again adds nothing and sends nothing.
    const again = await invitePlanUser(w.ctx.admin, { planId: w.plan.id, email }, { baseUrl });
    expect(again.outcome).toBe("unchanged");
    expect((await emailsTo(email)).filter((e) => e.template === "invitation-updated")).toHaveLength(1);

    const accepted = await acceptInvitation({ token: first, signedIn: null });
    const places = await t.db.select().from(planUsers).where(and(eq(planUsers.planId, w.plan.id), eq(planUsers.userId, accepted.userId)));
    expect(places).toHaveLength(1);
  });

  it("O3 #14.2 attaching a transfer to a live invitation keeps its token, and the first link brings the transfer", async () => {
    const w = await planWorld(t.db);
    const email = uniqueEmail("ana");
    const first = await tokenSentBy(t.db, email, () => inviteMembers(w.ctx.admin, { emails: [email], role: "user", firstName: undefined, lastName: undefined }, { baseUrl }));
    const before = await invitationOf(w.org.id, email);

    const result = await transferToNewPerson(w.ctx.admin, { planId: w.plan.id, email, attachTransfer: true }, { baseUrl });
    expect(result.outcome).toBe("updated");
    expect(result.transferId).toBeTruthy();
    expect((await invitationOf(w.org.id, email)).tokenHash).toBe(before.tokenHash);
    expect(await invitationTokens(t.db, email)).toEqual([first]);
    const [notice] = (await emailsTo(email)).filter((e) => e.template === "invitation-updated");
    expect(notice.text).toContain("PDoc Share");

    const accepted = await acceptInvitation({ token: first, signedIn: null });
    const [transfer] = await t.db.select().from(ownershipTransfers).where(eq(ownershipTransfers.id, result.transferId!));
    expect(transfer).toMatchObject({ toUserId: accepted.userId, state: "pending" });
  });

  it("I2 #14.2 only Resend makes a new token; the replaced link says a newer invitation went to the address", async () => {
    const w = await planWorld(t.db);
    const email = uniqueEmail("ana");
    const first = await tokenSentBy(t.db, email, () => inviteMembers(w.ctx.admin, { emails: [email], role: "user", firstName: undefined, lastName: undefined }, { baseUrl }));
    const invitation = await invitationOf(w.org.id, email);
    const second = await tokenSentBy(t.db, email, () => resendInvitation(w.ctx.admin, invitation.id, { baseUrl }));
    expect(second).not.toBe(first);

    expect(await findReplacedInvitation(t.db, first)).toMatchObject({ email, status: "pending" });
    expect(await findReplacedInvitation(t.db, second)).toBeNull();
    expect(await findReplacedInvitation(t.db, "x".repeat(43))).toBeNull();
    await expect(acceptInvitation({ token: first, signedIn: null })).rejects.toMatchObject({ code: "EXPIRED" });
    await expect(acceptInvitation({ token: "y".repeat(43), signedIn: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const accepted = await acceptInvitation({ token: second, signedIn: null });
    expect(accepted.userId).toBeTruthy();
  });

  it("I2 #14.2 an expired invitation changed from Add User To Plan is renewed with a new link (the old one was dead anyway)", async () => {
    const w = await planWorld(t.db);
    const email = uniqueEmail("late");
    await inviteMembers(w.ctx.admin, { emails: [email], role: "user", firstName: undefined, lastName: undefined }, { baseUrl });
    const before = await invitationOf(w.org.id, email);
    await t.db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, before.id));
    const token = await tokenSentBy(t.db, email, () => invitePlanUser(w.ctx.admin, { planId: w.plan.id, email }, { baseUrl }));
    expect((await invitationOf(w.org.id, email)).tokenHash).not.toBe(before.tokenHash);
    expect((await acceptInvitation({ token, signedIn: null })).userId).toBeTruthy();
  });
});

describe("#14.3 names typed by the inviter are kept", () => {
  it("P3 #14.3 names typed on Add User To Plan are kept on a live invitation, greet her in the plan email, and become hers on acceptance when she has none", async () => {
    const w = await planWorld(t.db);
    const email = uniqueEmail("nia");
    // She has an account already (signed in somewhere before), with no name.
    const account = await makeUser(t.db, { email, name: null });
    const first = await tokenSentBy(t.db, email, () => inviteMembers(w.ctx.admin, { emails: [email], role: "user", firstName: undefined, lastName: undefined }, { baseUrl }));
    await invitePlanUser(w.ctx.admin, { planId: w.plan.id, email, firstName: "Nia", lastName: "Ng" }, { baseUrl });
    expect(await invitationOf(w.org.id, email)).toMatchObject({ firstName: "Nia", lastName: "Ng" });
    const [notice] = (await emailsTo(email)).filter((e) => e.template === "invitation-updated");
    expect(notice.text).toContain("Hi Nia");

    await acceptInvitation({ token: first, signedIn: null });
    const [user] = await t.db.select().from(users).where(eq(users.id, account.id));
    expect(user).toMatchObject({ firstName: "Nia", lastName: "Ng", name: "Nia Ng" });
  });

  it("O3 #14.3 names typed on Transfer Ownership to a New User are on the new invitation and its email; a person with a name keeps hers", async () => {
    const w = await planWorld(t.db);
    const email = uniqueEmail("max");
    await makeUser(t.db, { email, name: "Maxine Own", firstName: "Maxine", lastName: "Own" });
    const token = await tokenSentBy(t.db, email, () =>
      transferToNewPerson(w.ctx.admin, { planId: w.plan.id, email, firstName: "Max", lastName: "Typed", attachTransfer: true }, { baseUrl }),
    );
    expect(await invitationOf(w.org.id, email)).toMatchObject({ firstName: "Max", lastName: "Typed" });
    const [mail] = (await emailsTo(email)).filter((e) => e.template === "plan-invitation");
    expect(mail.text).toContain("Hi Max");
    const accepted = await acceptInvitation({ token, signedIn: null });
    const [user] = await t.db.select().from(users).where(eq(users.id, accepted.userId));
    expect(user).toMatchObject({ firstName: "Maxine", lastName: "Own", name: "Maxine Own" });
  });
});

describe("#14.23 acceptance checks a transfer's expiry", () => {
  it("O1 #14.23 an attached transfer past its expiry is not handed over on acceptance, even when the sweep has not run", async () => {
    const w = await planWorld(t.db);
    const email = uniqueEmail("late");
    let transferId: string | null = null;
    const token = await tokenSentBy(t.db, email, async () => {
      transferId = (await transferToNewPerson(w.ctx.admin, { planId: w.plan.id, email, attachTransfer: true }, { baseUrl })).transferId;
    });
    await t.db.update(ownershipTransfers).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(ownershipTransfers.id, transferId!));
    const accepted = await acceptInvitation({ token, signedIn: null });
    const [transfer] = await t.db.select().from(ownershipTransfers).where(eq(ownershipTransfers.id, transferId!));
    expect(transfer.toUserId).toBeNull();
    const asked = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, accepted.userId), eq(notifications.kind, "transfer_requested")));
    expect(asked).toHaveLength(0);
  });
});
