import { actAs, form, idle, testCookies } from "../support/next-mocks";
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { cancelOwnEmailChangeAction, confirmEmailChangeAction } from "@/app/account/email/actions";
import { cancelEmailChangeAction, updateMemberAction } from "@/app/o/[org]/users/actions";
import { emailChangeRequests, emailOutbox, memberships, sessions, users, type Role } from "@/db/schema";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { setupTestDatabase } from "../support/db";
import { freezeDateInEachTest } from "../support/clock";
import { rendered } from "../support/email";
import { makeInvitation, makeOrg } from "../support/factories";
import { itRace } from "../support/race";
import { addNamedMember, expectNoChange, uniqueEmail } from "../support/state";

/**
 * SPEC R2: an email is the person's sign-in identity. The review took over an Admin seat by
 * changing one's own email onto an address another organization had invited as Admin; these
 * tests hold every door of that class shut.
 */
const t = setupTestDatabase({ poolSize: 10 });
// #14.25: every hit of a test counts in one rate-limit window, wherever the wall clock stands.
freezeDateInEachTest();

beforeEach(() => testCookies.clear());

type Person = Awaited<ReturnType<typeof addNamedMember>>["user"];

/** The edit form as the page posts it, with a new email. */
function changeEmail(orgSlug: string, person: Person, role: Role, email: string) {
  return updateMemberAction(
    idle,
    form({
      org: orgSlug,
      userId: person.id,
      firstName: person.firstName ?? "",
      lastName: person.lastName ?? "",
      email,
      phone: person.phone ?? "",
      role,
    }),
  );
}

/** Signs `person` in in this "browser": a database session and its cookie. */
async function signInAs(person: { id: string }) {
  const token = randomBytes(16).toString("hex");
  await t.db.insert(sessions).values({ sessionToken: token, userId: person.id, expires: new Date(Date.now() + 86_400_000) });
  testCookies.set("authjs.session-token", token);
  actAs(person.id);
  return token;
}

/** The token of the newest confirmation link emailed to `to`. */
async function confirmationToken(to: string): Promise<string> {
  const mails = await rendered(
    t.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.to, to), eq(emailOutbox.template, "email-change-confirm"))),
  );
  const tokens = mails.map((m) => /\/account\/email\/confirm\/([A-Za-z0-9_-]+)/.exec(m.text)?.[1]).filter(Boolean) as string[];
  expect(tokens.length, `a confirmation link was emailed to ${to}`).toBeGreaterThan(0);
  return tokens[tokens.length - 1];
}

async function emailOf(userId: string) {
  const [row] = await t.db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row.email;
}

async function scene() {
  const orgA = await makeOrg(t.db, { tier: "pro" });
  const orgB = await makeOrg(t.db, { tier: "pro" });
  const adminA = (await addNamedMember(t.db, orgA.id, "admin")).user;
  const userA = (await addNamedMember(t.db, orgA.id, "user")).user;
  const adminB = (await addNamedMember(t.db, orgB.id, "admin")).user;
  return { orgA, orgB, adminA, userA, adminB };
}

describe("R2 the takeover of the last review", () => {
  it("R2: a User cannot take the address of another organization's pending Admin invitation; the invitee's acceptance lands on the invitee", async () => {
    const { orgA, orgB, userA, adminB } = await scene();
    const invitee = uniqueEmail("future-admin");
    const { token } = await makeInvitation(t.db, orgB.id, adminB.id, { email: invitee, role: "admin" });

    actAs(userA.id);
    const refused = await expectNoChange(t.db, () => changeEmail(orgA.slug, userA, "user", invitee));
    expect(refused).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(refused.fieldErrors?.email?.length).toBeGreaterThan(0);
    // Also in another case: the check compares addresses case-insensitively.
    expect(await changeEmail(orgA.slug, userA, "user", invitee.toUpperCase())).toMatchObject({ ok: false, code: "CONFLICT" });

    // The real invitee accepts: the Admin membership goes to a new account of that address.
    const accepted = await acceptInvitation({ token, signedIn: null });
    expect(accepted.userId).not.toBe(userA.id);
    const [admin] = await t.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, orgB.id), eq(memberships.userId, userA.id)));
    expect(admin).toBeUndefined();
    expect(await emailOf(userA.id)).toBe(userA.email);
  });

  it("R2: an Admin who sets a member's email to an address they control cannot confirm it, and so cannot sign in as that member", async () => {
    const { orgA, adminA, userA } = await scene();
    const attackers = uniqueEmail("attacker");
    const victimSession = await signInAs(userA);
    await signInAs(adminA);
    expect(await changeEmail(orgA.slug, userA, "user", attackers)).toMatchObject({ ok: true });
    expect(await emailOf(userA.id)).toBe(userA.email);

    // The Admin reads the link in their own mailbox and follows it, signed in as themselves.
    const token = await confirmationToken(attackers);
    const refused = await expectNoChange(t.db, () => confirmEmailChangeAction(idle, form({ token })));
    expect(refused).toMatchObject({ ok: false, code: "WRONG_ACCOUNT" });
    // Signed out, the link does nothing either.
    actAs(null);
    expect(await confirmEmailChangeAction(idle, form({ token }))).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await emailOf(userA.id)).toBe(userA.email);
    const [stillSignedIn] = await t.db.select().from(sessions).where(eq(sessions.sessionToken, victimSession));
    expect(stillSignedIn).toBeDefined();
    // The member's current address was told.
    const notices = await rendered(
      t.db
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.to, userA.email), eq(emailOutbox.template, "email-change-notice"))),
    );
    expect(notices).toHaveLength(1);
    expect(notices[0].text).toContain(attackers);
  });

  it("R2: an address another account holds, in any case, can never be claimed", async () => {
    const { orgA, userA, adminB } = await scene();
    actAs(userA.id);
    const result = await expectNoChange(t.db, () => changeEmail(orgA.slug, userA, "user", adminB.email.toUpperCase()));
    expect(result).toMatchObject({ ok: false, code: "CONFLICT" });
  });
});

describe("R2 an email change takes effect only when the person proves the new address", () => {
  it("R2: asking changes nothing; following the link, signed in as oneself, switches the email, ends other sessions and tells the old address", async () => {
    const { orgA, userA } = await scene();
    const next = uniqueEmail("next");
    const otherBrowser = await signInAs(userA);
    const thisBrowser = await signInAs(userA);
    expect(await changeEmail(orgA.slug, userA, "user", next)).toMatchObject({ ok: true });
    expect(await emailOf(userA.id)).toBe(userA.email);
    const sent = await t.db.select().from(emailOutbox).where(eq(emailOutbox.to, next));
    expect(sent.map((m) => m.template)).toEqual(["email-change-confirm"]);

    const confirmed = await confirmEmailChangeAction(idle, form({ token: await confirmationToken(next) }));
    expect(confirmed).toMatchObject({ ok: true });
    expect(await emailOf(userA.id)).toBe(next);
    const left = await t.db.select().from(sessions).where(eq(sessions.userId, userA.id));
    expect(left.map((s) => s.sessionToken)).toEqual([thisBrowser]);
    expect(left.map((s) => s.sessionToken)).not.toContain(otherBrowser);
    const told = await t.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.to, userA.email), eq(emailOutbox.template, "email-changed")));
    expect(told).toHaveLength(1);
    // A second use says so and changes nothing.
    expect(await confirmEmailChangeAction(idle, form({ token: await confirmationToken(next) }))).toMatchObject({
      ok: false,
      code: "ALREADY_USED",
    });
  });

  it("R2: the address is checked again at confirmation: taken by another account meanwhile, nothing changes", async () => {
    const { orgA, userA } = await scene();
    const next = uniqueEmail("contested");
    await signInAs(userA);
    expect(await changeEmail(orgA.slug, userA, "user", next)).toMatchObject({ ok: true });
    const token = await confirmationToken(next);
    await t.db.insert(users).values({ email: next, name: "Got there first" });
    const result = await expectNoChange(t.db, () => confirmEmailChangeAction(idle, form({ token })));
    expect(result).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await emailOf(userA.id)).toBe(userA.email);
  });

  it("R2: the address is checked again at confirmation: invited meanwhile, nothing changes", async () => {
    const { orgA, orgB, userA, adminB } = await scene();
    const next = uniqueEmail("invited-later");
    await signInAs(userA);
    expect(await changeEmail(orgA.slug, userA, "user", next)).toMatchObject({ ok: true });
    const token = await confirmationToken(next);
    await makeInvitation(t.db, orgB.id, adminB.id, { email: next, role: "admin" });
    const result = await expectNoChange(t.db, () => confirmEmailChangeAction(idle, form({ token })));
    expect(result).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("R2: a newer request kills the older link; cancelling kills the link; an expired link does nothing", async () => {
    const { orgA, adminA, userA } = await scene();
    await signInAs(userA);
    const first = uniqueEmail("first");
    const second = uniqueEmail("second");
    expect(await changeEmail(orgA.slug, userA, "user", first)).toMatchObject({ ok: true });
    const firstToken = await confirmationToken(first);
    expect(await changeEmail(orgA.slug, userA, "user", second)).toMatchObject({ ok: true });
    expect(await confirmEmailChangeAction(idle, form({ token: firstToken }))).toMatchObject({ ok: false, code: "REVOKED" });

    // The person cancels the pending one themselves …
    expect(await cancelOwnEmailChangeAction(idle, form({}))).toMatchObject({ ok: true });
    expect(await confirmEmailChangeAction(idle, form({ token: await confirmationToken(second) }))).toMatchObject({
      ok: false,
      code: "REVOKED",
    });

    // … or an Admin who may edit them does, from their edit page.
    const third = uniqueEmail("third");
    expect(await changeEmail(orgA.slug, userA, "user", third)).toMatchObject({ ok: true });
    actAs(adminA.id);
    expect(await cancelEmailChangeAction(idle, form({ org: orgA.slug, userId: userA.id }))).toMatchObject({ ok: true });
    actAs(userA.id);
    expect(await confirmEmailChangeAction(idle, form({ token: await confirmationToken(third) }))).toMatchObject({
      ok: false,
      code: "REVOKED",
    });

    const fourth = uniqueEmail("fourth");
    expect(await changeEmail(orgA.slug, userA, "user", fourth)).toMatchObject({ ok: true });
    await t.db
      .update(emailChangeRequests)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(emailChangeRequests.userId, userA.id), eq(emailChangeRequests.status, "pending")));
    const expired = await expectNoChange(t.db, () => confirmEmailChangeAction(idle, form({ token: "x".repeat(10) + "y".repeat(33) })));
    expect(expired).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await confirmEmailChangeAction(idle, form({ token: await confirmationToken(fourth) }))).toMatchObject({ ok: false, code: "EXPIRED" });
    expect(await emailOf(userA.id)).toBe(userA.email);
  });

  it("R2: a Manager cannot cancel an Admin's pending change, and a stranger organization's Admin cannot either", async () => {
    const { orgA, adminA, adminB } = await scene();
    const manager = (await addNamedMember(t.db, orgA.id, "manager")).user;
    await signInAs(adminA);
    expect(await changeEmail(orgA.slug, adminA, "admin", uniqueEmail("admin-next"))).toMatchObject({ ok: true });
    actAs(manager.id);
    const refused = await expectNoChange(t.db, () => cancelEmailChangeAction(idle, form({ org: orgA.slug, userId: adminA.id })));
    expect(refused).toMatchObject({ ok: false, code: "FORBIDDEN" });
    actAs(adminB.id);
    const stranger = await expectNoChange(t.db, () => cancelEmailChangeAction(idle, form({ org: orgA.slug, userId: adminA.id })));
    expect(stranger).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("R2: requests for one new address are rate-limited like every other email", async () => {
    const { orgA, userA } = await scene();
    actAs(userA.id);
    const target = uniqueEmail("flooded");
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await changeEmail(orgA.slug, userA, "user", target)).code ?? "ok");
    expect(answers.slice(0, 5)).toEqual(Array(5).fill("ok"));
    expect(answers[5]).toBe("RATE_LIMITED");
  });

  it("R2: asking which addresses have accounts is limited: refused requests count too, and the eleventh request of the hour is RATE_LIMITED, writing nothing", async () => {
    const { orgA, userA, adminB } = await scene();
    actAs(userA.id);
    const answers = [];
    // Ten probes of an address that belongs to another account: each says so, and each counts.
    for (let i = 0; i < 10; i++) answers.push((await changeEmail(orgA.slug, userA, "user", adminB.email)).code);
    expect(answers).toEqual(Array(10).fill("CONFLICT"));
    const refused = await expectNoChange(t.db, () => changeEmail(orgA.slug, userA, "user", uniqueEmail("free")));
    expect(refused).toMatchObject({ ok: false, code: "RATE_LIMITED", fieldErrors: { email: [expect.stringContaining("Too many email changes")] } });
  });
});

describe("R2 under concurrency", () => {
  // The two people belong to different organizations, so no lock they share makes them take
  // turns: the unique index on the email, mapped to CONFLICT, is what decides.
  itRace("R2: two people of two organizations confirming the same new address at the same moment, 10 times: one wins, the other gets CONFLICT", async () => {
    for (let round = 0; round < 10; round++) {
      const { orgA, orgB, userA } = await scene();
      const other = (await addNamedMember(t.db, orgB.id, "user")).user;
      const target = uniqueEmail(`same-${round}`);
      const tokens: Array<{ person: Person; token: string }> = [];
      for (const [person, orgSlug] of [[userA, orgA.slug], [other, orgB.slug]] as const) {
        actAs(person.id);
        expect(await changeEmail(orgSlug, person, "user", target)).toMatchObject({ ok: true });
        const [request] = await t.db
          .select()
          .from(emailChangeRequests)
          .where(and(eq(emailChangeRequests.userId, person.id), eq(emailChangeRequests.status, "pending")));
        expect(request).toBeDefined();
      }
      // Both links went to the same mailbox, newest last.
      const mails = await rendered(
        t.db
          .select()
          .from(emailOutbox)
          .where(and(eq(emailOutbox.to, target), eq(emailOutbox.template, "email-change-confirm"))),
      );
      const links = mails.map((m) => /\/account\/email\/confirm\/([A-Za-z0-9_-]+)/.exec(m.text)![1]);
      tokens.push({ person: userA, token: links[0] }, { person: other, token: links[1] });
      const { confirmEmailChange } = await import("@/lib/account/email-change");
      const results = await Promise.all(
        tokens.map(({ person, token }) =>
          confirmEmailChange({ token, userId: person.id, currentSessionToken: null }).then(
            () => "changed",
            (error) => (error as { code?: string }).code ?? String(error),
          ),
        ),
      );
      expect(results.sort()).toEqual(["CONFLICT", "changed"]);
      const holders = await t.db.select().from(users).where(eq(users.email, target));
      expect(holders).toHaveLength(1);
    }
  });
});
