import { actAs, form, idle, testCookies } from "../support/next-mocks";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { acceptInvitationAction } from "@/app/invite/[token]/actions";
import { resendInvitationAction, revokeInvitationAction } from "@/app/o/[org]/invites/actions";
import { inviteMembersAction } from "@/app/o/[org]/users/actions";
import { auditLog, emailOutbox, invitations, memberships, organizations, sessions, users, type Tier } from "@/db/schema";
import type { FormState } from "@/lib/form-state";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { seatUsage } from "@/lib/seats/seat-usage";
import { setupTestDatabase } from "../support/db";
import { rendered } from "../support/email";
import { addMember, hashToken, makeInvitation, makeOrg } from "../support/factories";
import { addNamedMember, expectNoChange, invitationTokens, snapshot, tokenSentBy, uniqueEmail } from "../support/state";

/** SPEC §4 (I1–I4) with T2/T3 for invitations, E1 for their emails and A1 for their audit trail. */
const t = setupTestDatabase();

const DAY = 24 * 3600 * 1000;
type Result = { email: string; outcome: string };

async function orgWith(tier: Tier, extraMembers = 0) {
  const org = await makeOrg(t.db, { tier });
  const admin = (await addNamedMember(t.db, org.id, "admin")).user;
  for (let i = 0; i < extraMembers; i++) await addNamedMember(t.db, org.id, "user");
  return { org, admin };
}

async function invite(orgSlug: string, emails: string, role = "user", extra: Record<string, string> = {}) {
  return inviteMembersAction(idle, form({ org: orgSlug, emails, role, ...extra }));
}

function outcomes(state: FormState) {
  return (state.data as Result[]).map((r) => r.outcome);
}

async function invitationsOf(orgId: string) {
  return t.db.select().from(invitations).where(eq(invitations.orgId, orgId));
}

async function invitationById(id: string) {
  const [row] = await t.db.select().from(invitations).where(eq(invitations.id, id));
  return row;
}

async function auditOf(orgId: string, action: string) {
  return t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, action)));
}

/** Runs the accept service and asserts that it is refused with `code` and changes nothing. */
async function expectAcceptRefused(token: string, signedIn: { id: string; email: string } | null, code: string) {
  await expectNoChange(t.db, () => expect(acceptInvitation({ token, signedIn })).rejects.toMatchObject({ code }));
}

describe("I1 who is invited", () => {
  it("I1: addresses are trimmed and lower-cased, in the invitation, the result and the email", async () => {
    const { org, admin } = await orgWith("pro");
    const local = uniqueEmail("mixed").split("@")[0];
    actAs(admin.id);
    const result = await invite(org.slug, `   ${local.toUpperCase()}@Example.TEST  `, "user", { firstName: " Nia ", lastName: " Ng " });
    const email = `${local}@example.test`;
    expect(result).toMatchObject({ ok: true, data: [{ email, outcome: "invited" }] });
    const [row] = await invitationsOf(org.id);
    expect(row).toMatchObject({ email, firstName: "Nia", lastName: "Ng", role: "user", status: "pending" });
    expect(await invitationTokens(t.db, email)).toHaveLength(1);
  });

  it("I1: inviting a member, in any case, is refused per address with already_member and writes nothing", async () => {
    const { org, admin } = await orgWith("pro");
    const member = (await addNamedMember(t.db, org.id, "user")).user;
    const suspended = await addMember(t.db, org.id, "user", { email: uniqueEmail("suspended") });
    await t.db.update(memberships).set({ status: "suspended" }).where(eq(memberships.id, suspended.membership.id));
    actAs(admin.id);
    const result = await expectNoChange(t.db, () =>
      invite(org.slug, `${member.email.toUpperCase()}\n${suspended.user.email}\n${admin.email}`),
    );
    expect(result.ok).toBe(true);
    expect(outcomes(result)).toEqual(["already_member", "already_member", "already_member"]);
  });

  it("I1/I2: inviting an address with a live invitation resends it: same invitation and role, new token, new expiry, old link dead", async () => {
    const { org, admin } = await orgWith("pro");
    const email = uniqueEmail("twice");
    actAs(admin.id);
    const first = await tokenSentBy(t.db, email, () => invite(org.slug, email, "manager"));
    const [before] = await invitationsOf(org.id);
    // Make the first expiry visibly older than a fresh one.
    await t.db.update(invitations).set({ expiresAt: new Date(Date.now() + DAY) }).where(eq(invitations.id, before.id));

    let result: FormState | undefined;
    const second = await tokenSentBy(t.db, email, async () => {
      result = await invite(org.slug, email.toUpperCase(), "user");
    });
    expect(result).toMatchObject({ ok: true, data: [{ email, outcome: "resent" }] });
    const rows = await invitationsOf(org.id);
    expect(rows).toHaveLength(1);
    const [after] = rows;
    expect(after.id).toBe(before.id);
    expect(after.role).toBe("manager");
    expect(after.tokenHash).not.toBe(before.tokenHash);
    expect(after.tokenHash).toBe(hashToken(second));
    expect(after.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * DAY);
    expect(second).not.toBe(first);

    await expectAcceptRefused(first, null, "EXPIRED"); // replaced: "a newer invitation was sent" (issue 14.2)
    const accepted = await acceptInvitation({ token: second, signedIn: null });
    const [membership] = await t.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, org.id), eq(memberships.userId, accepted.userId)));
    expect(membership.role).toBe("manager");
  });

  it("I1: the same address twice in one list is invited once", async () => {
    const { org, admin } = await orgWith("pro");
    const email = uniqueEmail("dup");
    actAs(admin.id);
    const result = await invite(org.slug, `${email}, ${email.toUpperCase()}; ${email}`);
    expect(result).toMatchObject({ ok: true, data: [{ email, outcome: "invited" }] });
    expect(await invitationsOf(org.id)).toHaveLength(1);
    expect(await invitationTokens(t.db, email)).toHaveLength(1);
  });
});

describe("I2 the link's token", () => {
  it("I2: the token is random (≥128 bits), stored only as its SHA-256, and expires after 7 days", async () => {
    const { org, admin } = await orgWith("pro");
    const email = uniqueEmail("hash");
    actAs(admin.id);
    const sentAt = Date.now();
    const token = await tokenSentBy(t.db, email, () => invite(org.slug, email));
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);

    const rows = await t.db.select().from(invitations);
    expect(JSON.stringify(rows)).not.toContain(token);
    const [row] = await invitationsOf(org.id);
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.expiresAt.getTime() - row.sentAt.getTime()).toBe(7 * DAY);
    expect(row.expiresAt.getTime()).toBeGreaterThanOrEqual(sentAt + 7 * DAY - 1000);
    expect(row.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 7 * DAY + 1000);

    // Two invitations never share a token.
    const other = uniqueEmail("hash2");
    const token2 = await tokenSentBy(t.db, other, () => invite(org.slug, other));
    expect(token2).not.toBe(token);
  });

  it("I2/I3: Resend makes a new token and a new 7-day expiry; the old link dies and the new one works", async () => {
    const { org, admin } = await orgWith("pro");
    const email = uniqueEmail("resend");
    actAs(admin.id);
    const old = await tokenSentBy(t.db, email, () => invite(org.slug, email));
    const [row] = await invitationsOf(org.id);
    await t.db.update(invitations).set({ expiresAt: new Date(Date.now() + 2 * DAY) }).where(eq(invitations.id, row.id));

    const fresh = await tokenSentBy(t.db, email, async () => {
      expect(await resendInvitationAction(idle, form({ org: org.slug, invitationId: row.id }))).toMatchObject({ ok: true });
    });
    const after = await invitationById(row.id);
    expect(after.tokenHash).toBe(hashToken(fresh));
    expect(after.expiresAt.getTime() - after.sentAt.getTime()).toBe(7 * DAY);
    expect(after.status).toBe("pending");

    await expectAcceptRefused(old, null, "EXPIRED"); // replaced: "a newer invitation was sent" (issue 14.2)
    await acceptInvitation({ token: fresh, signedIn: null });
    expect((await invitationById(row.id)).status).toBe("accepted");
  });

  it("I2/T2: Revoke kills the link and frees the seat at once", async () => {
    const { org, admin } = await orgWith("free");
    const email = uniqueEmail("revoke");
    actAs(admin.id);
    const token = await tokenSentBy(t.db, email, () => invite(org.slug, email));
    const [row] = await invitationsOf(org.id);
    expect(await seatUsage(t.db, org.id)).toMatchObject({ members: 1, pendingInvitations: 1, used: 2 });

    expect(await revokeInvitationAction(idle, form({ org: org.slug, invitationId: row.id }))).toMatchObject({ ok: true });
    expect(await invitationById(row.id)).toMatchObject({ status: "revoked", revokedAt: expect.any(Date) });
    expect(await seatUsage(t.db, org.id)).toMatchObject({ members: 1, pendingInvitations: 0, used: 1 });
    await expectAcceptRefused(token, null, "REVOKED");

    // A revoked invitation is neither resent nor revoked again.
    const resend = await expectNoChange(t.db, () => resendInvitationAction(idle, form({ org: org.slug, invitationId: row.id })));
    expect(resend).toMatchObject({ ok: false, code: "REVOKED" });
    const again = await expectNoChange(t.db, () => revokeInvitationAction(idle, form({ org: org.slug, invitationId: row.id })));
    expect(again).toMatchObject({ ok: false, code: "REVOKED" });
  });

  it("I2: an accepted invitation is neither resent nor revoked", async () => {
    const { org, admin } = await orgWith("pro");
    const { invitation, token } = await makeInvitation(t.db, org.id, admin.id, { email: uniqueEmail("done") });
    await acceptInvitation({ token, signedIn: null });
    actAs(admin.id);
    for (const action of [resendInvitationAction, revokeInvitationAction]) {
      const result = await expectNoChange(t.db, () => action(idle, form({ org: org.slug, invitationId: invitation.id })));
      expect(result).toMatchObject({ ok: false, code: "ALREADY_USED" });
    }
  });
});

describe("I3 resending an expired invitation takes a seat again", () => {
  it("I3/T3: on a full organization, Resend of an expired invitation is SEAT_LIMIT and changes nothing; after a seat is freed it works", async () => {
    // Free: 4 seats. Admin + 2 members + 1 live invitation = 4; the expired invitation holds none.
    const { org, admin } = await orgWith("free", 2);
    const { invitation: live } = await makeInvitation(t.db, org.id, admin.id, { email: uniqueEmail("live") });
    const { invitation: expired } = await makeInvitation(t.db, org.id, admin.id, {
      email: uniqueEmail("expired"),
      expiresAt: new Date(Date.now() - 1000),
    });
    expect(await seatUsage(t.db, org.id)).toMatchObject({ limit: 4, members: 3, pendingInvitations: 1, used: 4 });

    actAs(admin.id);
    const refused = await expectNoChange(t.db, () =>
      resendInvitationAction(idle, form({ org: org.slug, invitationId: expired.id })),
    );
    expect(refused).toMatchObject({ ok: false, code: "SEAT_LIMIT" });

    // Inviting the expired address again is the same resend, and is refused the same way.
    const reinvite = await expectNoChange(t.db, () => invite(org.slug, expired.email));
    expect(reinvite).toMatchObject({ ok: true, data: [{ email: expired.email, outcome: "no_seat" }] });

    // A live invitation already holds its seat: resending it works on a full organization.
    expect(await resendInvitationAction(idle, form({ org: org.slug, invitationId: live.id }))).toMatchObject({ ok: true });
    expect((await seatUsage(t.db, org.id)).used).toBe(4);

    expect(await revokeInvitationAction(idle, form({ org: org.slug, invitationId: live.id }))).toMatchObject({ ok: true });
    expect((await seatUsage(t.db, org.id)).used).toBe(3);
    expect(await resendInvitationAction(idle, form({ org: org.slug, invitationId: expired.id }))).toMatchObject({ ok: true });
    expect(await seatUsage(t.db, org.id)).toMatchObject({ pendingInvitations: 1, used: 4 });
    expect((await invitationById(expired.id)).expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * DAY);
  });
});

describe("I4 accepting (the service)", () => {
  it("I4: a new person: account made from the invitation, membership with the invited role, invitation accepted, signed in, audited", async () => {
    const { org, admin } = await orgWith("free");
    const email = uniqueEmail("newbie");
    actAs(admin.id);
    const token = await tokenSentBy(t.db, email, () =>
      invite(org.slug, email, "manager", { firstName: "Nia", lastName: "Ng" }),
    );
    const before = await seatUsage(t.db, org.id);

    const result = await acceptInvitation({ token, signedIn: null });

    expect(result.orgSlug).toBe(org.slug);
    const [user] = await t.db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ id: result.userId, firstName: "Nia", lastName: "Ng", name: "Nia Ng", emailVerified: expect.any(Date) });
    const [membership] = await t.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, org.id), eq(memberships.userId, user.id)));
    expect(membership).toMatchObject({ role: "manager", status: "active" });
    const [invitation] = await invitationsOf(org.id);
    expect(invitation).toMatchObject({ status: "accepted", acceptedById: user.id, acceptedAt: expect.any(Date) });

    expect(result.session).not.toBeNull();
    const mine = await t.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(mine).toEqual([{ sessionToken: result.session!.token, userId: user.id, expires: result.session!.expires }]);
    expect(result.session!.expires.getTime()).toBeGreaterThan(Date.now() + DAY);

    // The invitation's seat became the member's seat (T2).
    const after = await seatUsage(t.db, org.id);
    expect(after).toMatchObject({ members: before.members + 1, pendingInvitations: before.pendingInvitations - 1, used: before.used });

    const [entry] = await auditOf(org.id, "invitation.accepted");
    expect(entry).toMatchObject({ actorId: user.id, targetUserId: user.id, subjectType: "invitation", subjectId: invitation.id });
    expect(entry.after).toMatchObject({ status: "accepted", role: "manager" });
  });

  it("I4: a person who already has an account (another organization) joins with it; signed in as that email, no new session", async () => {
    const { org, admin } = await orgWith("pro");
    const elsewhere = await makeOrg(t.db, { tier: "pro" });
    const person = (await addNamedMember(t.db, elsewhere.id, "admin")).user;
    const { token } = await makeInvitation(t.db, org.id, admin.id, { email: person.email, role: "user" });
    const usersBefore = (await snapshot(t.db)).users.length;

    const result = await acceptInvitation({ token, signedIn: { id: person.id, email: person.email.toUpperCase() } });

    expect(result).toMatchObject({ userId: person.id, session: null });
    expect((await snapshot(t.db)).users).toHaveLength(usersBefore);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, person.id))).toEqual([]);
    const mine = await t.db.select().from(memberships).where(eq(memberships.userId, person.id));
    expect(mine.map((m) => [m.orgId, m.role]).sort()).toEqual(
      [
        [org.id, "user"],
        [elsewhere.id, "admin"],
      ].sort(),
    );
  });

  it("I4: an existing account that is not signed in is signed in by the link", async () => {
    const { org, admin } = await orgWith("pro");
    const elsewhere = await makeOrg(t.db, { tier: "pro" });
    const person = (await addNamedMember(t.db, elsewhere.id, "user")).user;
    const { token } = await makeInvitation(t.db, org.id, admin.id, { email: person.email });
    const result = await acceptInvitation({ token, signedIn: null });
    expect(result.userId).toBe(person.id);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, person.id))).toHaveLength(1);
  });

  it("I4: a second use is ALREADY_USED and changes nothing, signed in or not", async () => {
    const { org, admin } = await orgWith("pro");
    const { token } = await makeInvitation(t.db, org.id, admin.id, { email: uniqueEmail("once") });
    const first = await acceptInvitation({ token, signedIn: null });
    const [user] = await t.db.select().from(users).where(eq(users.id, first.userId));
    await expectAcceptRefused(token, null, "ALREADY_USED");
    await expectAcceptRefused(token, { id: user.id, email: user.email }, "ALREADY_USED");
  });

  it("I4: an expired link is EXPIRED and changes nothing", async () => {
    const { org, admin } = await orgWith("pro");
    const { token } = await makeInvitation(t.db, org.id, admin.id, {
      email: uniqueEmail("late"),
      expiresAt: new Date(Date.now() - 1000),
    });
    await expectAcceptRefused(token, null, "EXPIRED");
  });

  it("I4: a revoked link is REVOKED and changes nothing", async () => {
    const { org, admin } = await orgWith("pro");
    const { token } = await makeInvitation(t.db, org.id, admin.id, { email: uniqueEmail("gone"), status: "revoked" });
    await expectAcceptRefused(token, null, "REVOKED");
  });

  it("I4: signed in as another email is WRONG_ACCOUNT and changes nothing", async () => {
    const { org, admin } = await orgWith("pro");
    const { token } = await makeInvitation(t.db, org.id, admin.id, { email: uniqueEmail("intended") });
    const stranger = await addNamedMember(t.db, (await makeOrg(t.db)).id, "admin");
    await expectAcceptRefused(token, { id: stranger.user.id, email: stranger.user.email }, "WRONG_ACCOUNT");
    // Even the inviter cannot accept on the invitee's behalf.
    await expectAcceptRefused(token, { id: admin.id, email: admin.email }, "WRONG_ACCOUNT");
  });

  it("I4/T3: acceptance re-checks seats: an organization over its limit refuses with SEAT_LIMIT and changes nothing", async () => {
    const { org, admin } = await orgWith("pro", 3);
    const { token } = await makeInvitation(t.db, org.id, admin.id, { email: uniqueEmail("squeezed") });
    // 5 seats used; the tier is lowered behind the app's back (a support operation, a bug elsewhere).
    await t.db.update(organizations).set({ tier: "free" }).where(eq(organizations.id, org.id));
    await expectAcceptRefused(token, null, "SEAT_LIMIT");
  });
});

describe("I4 accepting (the action, as the page posts it)", () => {
  it("I4: signed out, the action signs the person in with a session cookie and redirects to the organization", async () => {
    const { org, admin } = await orgWith("pro");
    const { token } = await makeInvitation(t.db, org.id, admin.id, { email: uniqueEmail("cookie") });
    actAs(null);
    testCookies.clear();
    const error = await acceptInvitationAction(idle, form({ token })).then(
      () => null,
      (e: unknown) => e as { digest?: string },
    );
    expect(error?.digest).toMatch(/^NEXT_REDIRECT/);
    expect(error?.digest).toContain(`/o/${org.slug}/welcome`);
    const cookie = testCookies.get("authjs.session-token");
    expect(cookie).toBeTruthy();
    const [session] = await t.db.select().from(sessions).where(eq(sessions.sessionToken, cookie!));
    expect(session).toBeDefined();
  });

  it("I4: signed in as another account, the action answers WRONG_ACCOUNT and changes nothing", async () => {
    const { org, admin } = await orgWith("pro");
    const { token } = await makeInvitation(t.db, org.id, admin.id, { email: uniqueEmail("other") });
    actAs(admin.id);
    const result = await expectNoChange(t.db, () => acceptInvitationAction(idle, form({ token })));
    expect(result).toMatchObject({ ok: false, code: "WRONG_ACCOUNT" });
  });
});

describe("T2/T3 seats and invitations", () => {
  it("T3: an invitation past the Free limit of 4 is no_seat and writes nothing; the seat meter shows 4 of 4", async () => {
    const { org, admin } = await orgWith("free", 3);
    expect(await seatUsage(t.db, org.id)).toEqual({ tier: "free", limit: 4, members: 4, pendingInvitations: 0, used: 4 });
    actAs(admin.id);
    const email = uniqueEmail("fifth");
    const result = await expectNoChange(t.db, () => invite(org.slug, email));
    expect(result).toMatchObject({ ok: true, data: [{ email, outcome: "no_seat" }] });
    expect(await invitationTokens(t.db, email)).toEqual([]);
  });

  it("T2: expired and revoked invitations hold no seat; live ones do; several addresses fill the free seats in order", async () => {
    const { org, admin } = await orgWith("free", 1);
    await makeInvitation(t.db, org.id, admin.id, { email: uniqueEmail("live") });
    await makeInvitation(t.db, org.id, admin.id, { email: uniqueEmail("old"), expiresAt: new Date(Date.now() - 1000) });
    await makeInvitation(t.db, org.id, admin.id, { email: uniqueEmail("rev"), status: "revoked" });
    expect(await seatUsage(t.db, org.id)).toMatchObject({ members: 2, pendingInvitations: 1, used: 3, limit: 4 });

    actAs(admin.id);
    const [a, b, c] = [uniqueEmail("a"), uniqueEmail("b"), uniqueEmail("c")];
    const result = await invite(org.slug, [a, b, c].join("\n"));
    expect(result.data).toEqual([
      expect.objectContaining({ email: a, outcome: "invited" }),
      expect.objectContaining({ email: b, outcome: "no_seat" }),
      expect.objectContaining({ email: c, outcome: "no_seat" }),
    ]);
    expect(await seatUsage(t.db, org.id)).toMatchObject({ members: 2, pendingInvitations: 2, used: 4 });
    expect(await invitationTokens(t.db, b)).toEqual([]);
  });

  it("I1/T3/E1/A1: one list with mixed outcomes: each address its own result, emails and audit only for those sent", async () => {
    // Essential: 6 seats. Admin + member + live invitation = 3.
    const { org, admin } = await orgWith("essential");
    const member = (await addNamedMember(t.db, org.id, "user")).user;
    const { invitation: live } = await makeInvitation(t.db, org.id, admin.id, { email: uniqueEmail("live"), role: "manager" });
    const [n1, n2, n3, n4] = ["n1", "n2", "n3", "n4"].map((p) => uniqueEmail(p));
    actAs(admin.id);
    const auditBefore = (await snapshot(t.db)).auditLog;

    const result = await invite(org.slug, [n1, "not-an-email", member.email.toUpperCase(), live.email, n1, n2, n3, n4].join(", "));

    expect(result.ok).toBe(true);
    expect(result.data).toEqual([
      expect.objectContaining({ email: n1, outcome: "invited" }),
      expect.objectContaining({ email: "not-an-email", outcome: "malformed" }),
      expect.objectContaining({ email: member.email, outcome: "already_member" }),
      expect.objectContaining({ email: live.email, outcome: "resent" }),
      expect.objectContaining({ email: n2, outcome: "invited" }),
      expect.objectContaining({ email: n3, outcome: "invited" }),
      expect.objectContaining({ email: n4, outcome: "no_seat" }),
    ]);
    expect(await seatUsage(t.db, org.id)).toMatchObject({ limit: 6, members: 2, pendingInvitations: 4, used: 6 });
    for (const sent of [n1, live.email, n2, n3]) expect(await invitationTokens(t.db, sent)).toHaveLength(1);
    for (const notSent of [n4, member.email]) expect(await invitationTokens(t.db, notSent)).toEqual([]);
    expect((await snapshot(t.db)).auditLog - auditBefore).toBe(4);
    expect(await auditOf(org.id, "invitation.created")).toHaveLength(3);
    expect(await auditOf(org.id, "invitation.resent")).toHaveLength(1);
  });
});

describe("E1 and A1 for invitations", () => {
  it("E1: the invitation email is in the outbox, to the invitee, with a link to /invite/<token> that accepts", async () => {
    const { org, admin } = await orgWith("pro");
    const email = uniqueEmail("mail");
    actAs(admin.id);
    await invite(org.slug, email, "user", { firstName: "Mo" });
    const rows = await rendered(t.db.select().from(emailOutbox).where(eq(emailOutbox.to, email)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ template: "invitation", status: "pending" });
    const link = /(https?:\/\/[^\s"<>]+\/invite\/([A-Za-z0-9_-]+))/.exec(rows[0].html);
    expect(link?.[1]).toMatch(/^http:\/\/localhost:3000\/invite\//);
    expect(rows[0].text).toContain(link![1]);
    const result = await acceptInvitation({ token: link![2], signedIn: null });
    expect(result.orgSlug).toBe(org.slug);
  });

  it("A1: invite, resend, revoke and accept each write one audit entry: who, what, which invitation, before and after", async () => {
    const { org, admin } = await orgWith("pro");
    const keep = uniqueEmail("keep");
    const drop = uniqueEmail("drop");
    actAs(admin.id);
    await invite(org.slug, `${keep}\n${drop}`, "manager");
    const rows = await invitationsOf(org.id);
    const kept = rows.find((r) => r.email === keep)!;
    const dropped = rows.find((r) => r.email === drop)!;
    const token = await tokenSentBy(t.db, keep, () =>
      resendInvitationAction(idle, form({ org: org.slug, invitationId: kept.id })),
    );
    await revokeInvitationAction(idle, form({ org: org.slug, invitationId: dropped.id }));
    const accepted = await acceptInvitation({ token, signedIn: null });

    const created = await auditOf(org.id, "invitation.created");
    expect(created).toHaveLength(2);
    for (const entry of created) {
      expect(entry).toMatchObject({ actorId: admin.id, actorEmail: admin.email, subjectType: "invitation" });
      expect(entry.after).toMatchObject({ role: "manager" });
    }
    const [resent] = await auditOf(org.id, "invitation.resent");
    expect(resent).toMatchObject({ actorId: admin.id, subjectId: kept.id });
    expect(resent.before).toHaveProperty("expiresAt");
    expect(resent.after).toHaveProperty("expiresAt");
    const [revoked] = await auditOf(org.id, "invitation.revoked");
    expect(revoked).toMatchObject({ actorId: admin.id, subjectId: dropped.id });
    expect(revoked.before).toMatchObject({ status: "pending", email: drop });
    expect(revoked.after).toMatchObject({ status: "revoked" });
    const [acceptedEntry] = await auditOf(org.id, "invitation.accepted");
    expect(acceptedEntry).toMatchObject({ actorId: accepted.userId, subjectId: kept.id });
  });
});
