import { randomBytes } from "node:crypto";
import { and, asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  emailChangeRequests,
  emailOutbox,
  invitations,
  memberships,
  notifications,
  orgDomains,
  plans,
  scimEvents,
  scimGroupMembers,
  scimGroups,
  scimIdentities,
  scimSettings,
  sessions,
  surveys,
  users,
  webhookEvents,
} from "@/db/schema";
import { confirmEmailChange } from "@/lib/account/email-change";
import { describeAuditEntry, sentenceText } from "@/lib/audit/describe";
import { setMemberStatus, setMemberStatusInTx } from "@/lib/members/set-member-status";
import { deleteMemberInTx } from "@/lib/members/delete-member";
import { changeMemberRole } from "@/lib/members/update-member";
import type { ActingMember } from "@/lib/members/actor";
import { SCIM } from "@/lib/scim/constants";
import { transaction } from "@/lib/transaction";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { webhookEventTypes } from "@/lib/webhooks/events";
import { memberContext } from "../support/context";
import { setupTestDatabase } from "../support/db";
import { rendered } from "../support/email";
import { addMember, makeInvitation, makeSurvey } from "../support/factories";
import { makeSubscribedPlan, planWorld } from "../support/plans";
import { scimClient, scimTokenFor } from "../support/scim";
import { addNamedMember, snapshot, uniqueEmail } from "../support/state";

/**
 * SCIM Users end to end through the real route handlers (issue 17; SPEC C1–C3 with T3, T5, R2,
 * R4–R9): a SCIM token of the organization's Admin, requests as an identity provider sends them,
 * and the database state each must leave.
 */
const t = setupTestDatabase();
const PATCH_OP = SCIM.patchOp;

beforeAll(() => {
  process.env.SEATWISE_WEBHOOK_ALLOW_PRIVATE = "1";
});
afterAll(() => {
  delete process.env.SEATWISE_WEBHOOK_ALLOW_PRIVATE;
});

async function world(options: { tier?: "free" | "essential" | "pro" | "enterprise" } = {}) {
  const w = await planWorld(t.db, options);
  const token = await scimTokenFor(w.ctx.admin, "Okta");
  return { ...w, token, scim: scimClient(w.org.slug, token.token) };
}

function person(email: string, extra: Record<string, unknown> = {}) {
  return {
    schemas: [SCIM.user],
    userName: email,
    name: { givenName: "Ana", familyName: "Silva" },
    emails: [{ primary: true, value: email, type: "work" }],
    active: true,
    ...extra,
  };
}

const deactivate = { schemas: [PATCH_OP], Operations: [{ op: "replace", value: { active: false } }] };
const activate = { schemas: [PATCH_OP], Operations: [{ op: "replace", value: { active: true } }] };

async function membership(orgId: string, userId: string) {
  const [row] = await t.db.select().from(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row ?? null;
}

async function identity(orgId: string, userId: string) {
  const [row] = await t.db.select().from(scimIdentities).where(and(eq(scimIdentities.orgId, orgId), eq(scimIdentities.userId, userId)));
  return row ?? null;
}

async function emailOf(userId: string) {
  const [row] = await t.db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row.email;
}

async function signIn(userId: string) {
  const token = randomBytes(16).toString("hex");
  await t.db.insert(sessions).values({ sessionToken: token, userId, expires: new Date(Date.now() + 86_400_000) });
  return token;
}

async function sessionsOf(userId: string) {
  return (await t.db.select().from(sessions).where(eq(sessions.userId, userId))).length;
}

/** Everything a SCIM request could write, beyond the members snapshot: identities, groups' members, webhook events. */
async function fullState() {
  const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
  return {
    ...(await snapshot(t.db)),
    identities: sorted(await t.db.select().from(scimIdentities)),
    webhookEvents: (await t.db.select({ n: count() }).from(webhookEvents))[0].n,
    settings: sorted(await t.db.select().from(scimSettings)),
  };
}

/**
 * Runs a refused request and checks that it wrote nothing (the provisioning log aside; with
 * `seatNotice`, the Admins' inbox notice that a seat refusal writes in a transaction of its own).
 */
async function refusedWithoutChange<T>(fn: () => Promise<T>, options: { seatNotice?: boolean } = {}): Promise<T> {
  const before = await fullState();
  const result = await fn();
  const after = await fullState();
  if (options.seatNotice) expect({ ...after, notifications: before.notifications }).toEqual(before);
  else expect(after).toEqual(before);
  return result;
}

describe("C1–C3 a SCIM user's lifecycle", () => {
  it("C1 C2 C3 R5 R9 create → suspend → re-activate → delete refused by R5 → the deprovisioning choice transfers and deletes → POST restores the same person", async () => {
    const w = await world();
    const created = await w.scim("POST", "/Users", person("ana@acme.test", { externalId: "00u-ana" }));
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe(created.body.meta.location);
    expect(created.body).toMatchObject({ userName: "ana@acme.test", externalId: "00u-ana", active: true, emails: [{ value: "ana@acme.test", primary: true }] });
    const id: string = created.body.id;
    expect(await membership(w.org.id, id)).toMatchObject({ role: "user", status: "active" });
    expect((await w.scim("GET", `/Users/${id}`)).body).toEqual(created.body);

    // R9: suspended, the seat and the work stay and this organization is closed to them at once.
    const survey = await makeSurvey(t.db, w.org.id, id, "Quarterly evaluation");
    await signIn(id);
    const suspended = await w.scim("PATCH", `/Users/${id}`, deactivate);
    expect(suspended.status).toBe(200);
    expect(suspended.body.active).toBe(false);
    expect(await membership(w.org.id, id)).toMatchObject({ status: "suspended" });
    await expect(memberContext(id, w.org.slug)).rejects.toMatchObject({ code: "SUSPENDED" });
    const [{ owner }] = await t.db.select({ owner: surveys.ownerId }).from(surveys).where(eq(surveys.id, survey.id));
    expect(owner).toBe(id);

    const reactivated = await w.scim("PATCH", `/Users/${id}`, activate);
    expect(reactivated.body.active).toBe(true);
    await expect(memberContext(id, w.org.slug)).resolves.toMatchObject({ membership: { status: "active" } });

    // R5: a survey and a plan of theirs must go somewhere first.
    const plan = await makeSubscribedPlan(t.db, w.org.id, id, "supplier_evaluations", 3);
    const refused = await refusedWithoutChange(() => w.scim("DELETE", `/Users/${id}`));
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ schemas: [SCIM.error], status: "409" });
    expect(refused.body.detail).toMatch(/Transfer 1 survey and ownership of Supplier Evaluations/);
    expect(refused.body.detail).toMatch(/Provisioning \(SCIM\)/);

    // C3: with the deprovisioning choice, S2 and O4 run in the same transaction, then Delete User.
    await t.db.insert(scimSettings).values({ orgId: w.org.id, deprovisionTransferToUserId: w.admin.id });
    const deleted = await w.scim("DELETE", `/Users/${id}`);
    expect(deleted.status).toBe(204);
    expect(await membership(w.org.id, id)).toBeNull();
    const [{ ownerNow }] = await t.db.select({ ownerNow: surveys.ownerId }).from(surveys).where(eq(surveys.id, survey.id));
    expect(ownerNow).toBe(w.admin.id);
    const [{ subscriber }] = await t.db.select({ subscriber: plans.subscriberId }).from(plans).where(eq(plans.id, plan.id));
    expect(subscriber).toBe(w.admin.id);
    expect(await sessionsOf(id)).toBe(0); // R6: no other organization, so every session ended
    expect((await identity(w.org.id, id))?.deprovisionedAt).toBeInstanceOf(Date);
    expect((await w.scim("GET", `/Users/${id}`)).status).toBe(404);
    const actions = (await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.orgId, w.org.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["survey.transferred", "plan.reassigned", "member.deleted"]));

    // C1: the same person again (Okta re-assigns them): the same user id, a member again, identity restored.
    const again = await w.scim("POST", "/Users", person("ana@acme.test", { externalId: "00u-ana" }));
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(id);
    expect(await membership(w.org.id, id)).toMatchObject({ role: "user", status: "active" });
    expect((await identity(w.org.id, id))?.deprovisionedAt).toBeNull();
    const log = await t.db.select().from(scimEvents).where(eq(scimEvents.orgId, w.org.id));
    expect(log.map((e) => [e.method, e.status])).toEqual(
      expect.arrayContaining([
        ["POST", 201],
        ["PATCH", 200],
        ["DELETE", 409],
        ["DELETE", 204],
      ]),
    );
    expect(log.find((e) => e.method === "DELETE" && e.status === 204)?.summary).toMatch(/^Deleted ana@acme.test \(1 survey, Supplier Evaluations transferred first\)$/);
  });

  it("C3 R5: a deprovisioning choice that names the person or someone no longer an active Admin transfers nothing and says why", async () => {
    const w = await world();
    const { body } = await w.scim("POST", "/Users", person(uniqueEmail("leaver")));
    await makeSurvey(t.db, w.org.id, body.id);
    await t.db.insert(scimSettings).values({ orgId: w.org.id, deprovisionTransferToUserId: w.manager.id });
    const notAdmin = await refusedWithoutChange(() => w.scim("DELETE", `/Users/${body.id}`));
    expect(notAdmin.status).toBe(409);
    expect(notAdmin.body.detail).toMatch(/no longer an active Admin/);
    await t.db.update(scimSettings).set({ deprovisionTransferToUserId: body.id }).where(eq(scimSettings.orgId, w.org.id));
    const self = await refusedWithoutChange(() => w.scim("DELETE", `/Users/${body.id}`));
    expect(self.body.detail).toMatch(/names this very member/);
  });

  it("C3 P6: a deleted member leaves every plan (their tasks go to the subscriber) and a member of another organization keeps their sessions (R6)", async () => {
    const w = await world();
    const shared = await addNamedMember(t.db, w.other.id, "user");
    await t.db.insert(memberships).values({ orgId: w.org.id, userId: shared.user.id, role: "user" });
    await signIn(shared.user.id);
    const deleted = await w.scim("DELETE", `/Users/${shared.user.id}`);
    expect(deleted.status).toBe(204);
    expect(await membership(w.org.id, shared.user.id)).toBeNull();
    expect(await membership(w.other.id, shared.user.id)).not.toBeNull();
    expect(await sessionsOf(shared.user.id)).toBe(1);
    // Deleted by SCIM without an identity before: one is kept now, so a POST restores this same account.
    expect((await identity(w.org.id, shared.user.id))?.deprovisionedAt).toBeInstanceOf(Date);
  });
});

describe("T3 T5 C1 seats", () => {
  it("T3 C1: no free seat → a SCIM error naming the tier and the limit; nothing created, nobody evicted; the Admins told once", async () => {
    const w = await world({ tier: "free" }); // Free: 4 seats, 4 members
    const membersBefore = await t.db.select().from(memberships).where(eq(memberships.orgId, w.org.id));
    const before = await fullState();
    const refused = await w.scim("POST", "/Users", person("newcomer@acme.test"));
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ schemas: [SCIM.error], status: "409" });
    expect(refused.body.scimType).toBeUndefined();
    expect(refused.body.detail).toMatch(/Free tier, which allows 4 seats/);
    await w.scim("POST", "/Users", person("newcomer@acme.test"));
    const after = await fullState();
    expect({ ...after, notifications: 0 }).toEqual({ ...before, notifications: 0 });
    expect(await t.db.select().from(memberships).where(eq(memberships.orgId, w.org.id))).toEqual(membersBefore);
    const told = await t.db.select().from(notifications).where(and(eq(notifications.orgId, w.org.id), eq(notifications.kind, "join_refused_seats")));
    expect(told).toHaveLength(1); // one Admin, told once for two attempts
    expect(told[0]).toMatchObject({ userId: w.admin.id, title: "newcomer@acme.test could not join: every seat is taken" });
    expect(told[0].body).toMatch(/identity provider \(SCIM\)/);
  });

  it("T2 C1: a person invited to the organization becomes a member in the invitation's seat; the invitation is revoked, not counted twice", async () => {
    const w = await world({ tier: "free" });
    await t.db.delete(memberships).where(eq(memberships.userId, w.user2.id));
    const { invitation } = await makeInvitation(t.db, w.org.id, w.admin.id, { email: "invited@acme.test" }); // the 4th seat
    const created = await w.scim("POST", "/Users", person("invited@acme.test"));
    expect(created.status).toBe(201);
    const [row] = await t.db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row.status).toBe("revoked");
    const [{ n }] = await t.db.select({ n: count() }).from(memberships).where(eq(memberships.orgId, w.org.id));
    expect(n).toBe(4);
  });

  it("T3 C2: re-activation past the limit is refused and changes nothing; within seats it is done", async () => {
    const w = await world({ tier: "free" });
    await setMemberStatus(w.ctx.admin, w.user.id, "suspended");
    // The tier moved down meanwhile: 4 members (one suspended) on a limit of 4 is full but not over.
    await makeInvitation(t.db, w.org.id, w.admin.id); // a 5th seat that a downgrade-era invitation still holds
    const refused = await refusedWithoutChange(() => w.scim("PATCH", `/Users/${w.user.id}`, activate));
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/Free tier, which allows 4 seats/);
    await t.db.update(invitations).set({ status: "revoked" }).where(eq(invitations.orgId, w.org.id));
    expect((await w.scim("PATCH", `/Users/${w.user.id}`, activate)).body.active).toBe(true);
  });
});

describe("C1 uniqueness and restore", () => {
  it("C1: an active member named by userName (any case), externalId or email is 409 uniqueness and nothing is written", async () => {
    const w = await world();
    await w.scim("POST", "/Users", person("bo@acme.test", { externalId: "ext-bo" }));
    for (const body of [
      person("BO@ACME.TEST"),
      person("someone-else@acme.test", { externalId: "ext-bo" }),
      { ...person("label-only"), emails: [{ value: "bo@acme.test", primary: true }] },
      person(w.manager.email.toUpperCase()), // a member who came by invitation: their userName is their email
    ]) {
      const answer = await refusedWithoutChange(() => w.scim("POST", "/Users", body));
      expect(answer.status).toBe(409);
      expect(answer.body).toMatchObject({ schemas: [SCIM.error], scimType: "uniqueness" });
    }
  });

  it("C1 R9: a suspended member is restored by POST (same id, within seats) and updated; a removed one becomes a member again by externalId", async () => {
    const w = await world();
    await setMemberStatus(w.ctx.admin, w.user.id, "suspended");
    const restored = await w.scim("POST", "/Users", { ...person(w.user.email), name: { givenName: "Renamed", familyName: "User" } });
    expect(restored.status).toBe(201);
    expect(restored.body).toMatchObject({ id: w.user.id, active: true, name: { givenName: "Renamed" } });
    expect(await membership(w.org.id, w.user.id)).toMatchObject({ status: "active", role: "user" });

    const first = await w.scim("POST", "/Users", person("cy@acme.test", { externalId: "entra-cy" }));
    await w.scim("DELETE", `/Users/${first.body.id}`);
    // The provider renamed the login meanwhile: the externalId still names the same person.
    const back = await w.scim("POST", "/Users", { ...person("cy.new-login@acme.test", { externalId: "entra-cy" }), emails: [{ value: "cy@acme.test", primary: true }] });
    expect(back.status).toBe(201);
    expect(back.body).toMatchObject({ id: first.body.id, userName: "cy.new-login@acme.test", externalId: "entra-cy" });
    const [{ n }] = await t.db.select({ n: count() }).from(users).where(eq(users.email, "cy@acme.test"));
    expect(n).toBe(1);
  });

  it("C1 T3: restoring a removed member needs a free seat like a new one", async () => {
    const w = await world({ tier: "free" });
    await t.db.delete(memberships).where(eq(memberships.userId, w.user2.id));
    const first = await w.scim("POST", "/Users", person("dee@acme.test"));
    await w.scim("DELETE", `/Users/${first.body.id}`);
    await makeInvitation(t.db, w.org.id, w.admin.id); // the freed seat is taken meanwhile
    const refused = await refusedWithoutChange(() => w.scim("POST", "/Users", person("dee@acme.test")), { seatNotice: true });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/Free tier/);
  });

  it("C1 R9: a POST with active false makes a suspended member, holding a seat, audited as created then suspended", async () => {
    const w = await world();
    const created = await w.scim("POST", "/Users", person("paused@acme.test", { active: false }));
    expect(created.status).toBe(201);
    expect(created.body.active).toBe(false);
    expect(await membership(w.org.id, created.body.id)).toMatchObject({ status: "suspended", role: "user" });
    const actions = (await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetUserId, created.body.id)).orderBy(asc(auditLog.id))).map((a) => a.action);
    expect(actions).toEqual(["member.provisioned", "member.suspended"]);
  });

  it("C1: an account that exists (a member elsewhere) simply becomes a member here; its email, names' owner and sessions are untouched", async () => {
    const w = await world();
    const elsewhere = await addNamedMember(t.db, w.other.id, "user");
    await signIn(elsewhere.user.id);
    const created = await w.scim("POST", "/Users", { schemas: [SCIM.user], userName: elsewhere.user.email, emails: [{ value: elsewhere.user.email, primary: true }] });
    expect(created.status).toBe(201);
    expect(created.body.id).toBe(elsewhere.user.id);
    const [account] = await t.db.select().from(users).where(eq(users.id, elsewhere.user.id));
    expect(account).toMatchObject({ email: elsewhere.user.email, firstName: elsewhere.user.firstName, lastName: elsewhere.user.lastName });
    expect(await sessionsOf(elsewhere.user.id)).toBe(1);
    expect(await membership(w.other.id, elsewhere.user.id)).not.toBeNull();
  });
});

describe("R2 identity: what a SCIM change of userName or email may do", () => {
  it("R2: a userName change alone changes only the identity provider's label, never the sign-in email", async () => {
    const w = await world();
    const { body } = await w.scim("POST", "/Users", person("eve@acme.test"));
    const renamed = await w.scim("PATCH", `/Users/${body.id}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "userName", value: "eve.login@acme.test" }] });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ userName: "eve.login@acme.test", emails: [{ value: "eve@acme.test" }] });
    expect(await emailOf(body.id)).toBe("eve@acme.test");
    expect((await identity(w.org.id, body.id))?.userName).toBe("eve.login@acme.test");
  });

  it("R2: never onto an address another account or a live invitation holds (409 uniqueness), wherever they are", async () => {
    const w = await world();
    const { body } = await w.scim("POST", "/Users", person("fay@acme.test"));
    await makeInvitation(t.db, w.other.id, w.otherAdmin.id, { email: "invited-elsewhere@acme.test", role: "admin" });
    for (const taken of [w.otherAdmin.email, w.manager.email.toUpperCase(), "invited-elsewhere@acme.test"]) {
      const answer = await refusedWithoutChange(() =>
        w.scim("PATCH", `/Users/${body.id}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", path: 'emails[type eq "work"].value', value: taken }] }),
      );
      expect(answer.status).toBe(409);
      expect(answer.body.scimType).toBe("uniqueness");
    }
    // A POST naming another account's address for an existing person is the same change, refused the same way.
    const put = await refusedWithoutChange(() => w.scim("PUT", `/Users/${body.id}`, person("fay@acme.test", { emails: [{ value: w.otherAdmin.email, primary: true }] })));
    expect(put.status).toBe(409);
  });

  it("R2 D1: onto a domain this organization verified, for a person of no other organization, the change is made at once: other sessions end, the old address is told", async () => {
    const w = await world();
    await t.db.insert(orgDomains).values({ orgId: w.org.id, domain: "acme-verified.test", status: "verified", verificationEmail: "it@acme-verified.test" });
    const { body } = await w.scim("POST", "/Users", person("gus@old-acme.test"));
    await signIn(body.id);
    const moved = await w.scim("PATCH", `/Users/${body.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "replace", path: 'emails[type eq "work"].value', value: "Gus@Acme-Verified.test" }],
    });
    expect(moved.status).toBe(200);
    expect(moved.body.emails).toEqual([{ value: "gus@acme-verified.test", type: "work", primary: true }]);
    expect(moved.body.userName).toBe("gus@old-acme.test"); // the login label is its own attribute
    expect(await emailOf(body.id)).toBe("gus@acme-verified.test");
    expect(await sessionsOf(body.id)).toBe(0);
    const told = await rendered(t.db.select().from(emailOutbox).where(and(eq(emailOutbox.to, "gus@old-acme.test"), eq(emailOutbox.template, "email-changed"))));
    expect(told).toHaveLength(1);
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.orgId, w.org.id), eq(auditLog.action, "member.email_changed")));
    expect(entry).toMatchObject({ actorId: w.admin.id, targetUserId: body.id, via: expect.objectContaining({ door: "scim" }) });
  });

  it("R2: onto any other address it is only asked: the person confirms from the new address, the resource keeps the old one, a repeated sync sends no second link", async () => {
    const w = await world();
    const { body } = await w.scim("POST", "/Users", person("hal@acme.test"));
    const change = { schemas: [PATCH_OP], Operations: [{ op: "Replace", path: 'emails[type eq "work"].value', value: "hal@personal.test" }] };
    const asked = await w.scim("PATCH", `/Users/${body.id}`, change);
    expect(asked.status).toBe(200);
    expect(asked.body.emails[0].value).toBe("hal@acme.test");
    expect(await emailOf(body.id)).toBe("hal@acme.test");
    expect((await w.scim("PATCH", `/Users/${body.id}`, change)).status).toBe(200);
    const pending = await t.db.select().from(emailChangeRequests).where(eq(emailChangeRequests.userId, body.id));
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ newEmail: "hal@personal.test", status: "pending", requestedById: w.admin.id });
    const links = await t.db.select().from(emailOutbox).where(and(eq(emailOutbox.to, "hal@personal.test"), eq(emailOutbox.template, "email-change-confirm")));
    expect(links).toHaveLength(1);
  });

  it("R2 takeover attempts: organization A cannot move a person it shares with B onto a mailbox A controls, nor confirm the change itself", async () => {
    const w = await world();
    await t.db.insert(orgDomains).values({ orgId: w.org.id, domain: "a-controls.test", status: "verified", verificationEmail: "it@a-controls.test" });
    await t.db.insert(orgDomains).values({ orgId: w.other.id, domain: "b-owns.test", status: "verified", verificationEmail: "it@b-owns.test" });
    // Someone of organization B, made a member of A by A's directory (an existing account simply joins).
    const shared = await addNamedMember(t.db, w.other.id, "admin");
    const joined = await w.scim("POST", "/Users", person(shared.user.email));
    expect(joined.body.id).toBe(shared.user.id);
    const session = await signIn(shared.user.id);

    // 1. Onto A's verified domain: not at once, because B shares the person.
    const attempt = await w.scim("PATCH", `/Users/${shared.user.id}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "emails", value: [{ value: "victim@a-controls.test", primary: true }] }] });
    expect(attempt.status).toBe(200);
    expect(await emailOf(shared.user.id)).toBe(shared.user.email);
    expect(await sessionsOf(shared.user.id)).toBe(1);
    // A's Admin holds the link (A controls the mailbox) but is not the person: the change cannot be completed.
    const [link] = await rendered(t.db.select().from(emailOutbox).where(and(eq(emailOutbox.to, "victim@a-controls.test"), eq(emailOutbox.template, "email-change-confirm"))));
    const token = /\/account\/email\/confirm\/([A-Za-z0-9_-]+)/.exec(link.text)![1];
    await expect(confirmEmailChange({ token, userId: w.admin.id, currentSessionToken: null })).rejects.toMatchObject({ code: "WRONG_ACCOUNT" });
    expect(await emailOf(shared.user.id)).toBe(shared.user.email);

    // 2. Onto a domain verified by another organization (B's): only asked, never at once.
    const solo = await w.scim("POST", "/Users", person(uniqueEmail("solo")));
    await w.scim("PATCH", `/Users/${solo.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", value: { "emails[type eq \"work\"].value": "solo@b-owns.test" } }] });
    expect(await emailOf(solo.body.id)).not.toBe("solo@b-owns.test");

    // 3. A domain A added but has not verified: only asked.
    await t.db.insert(orgDomains).values({ orgId: w.org.id, domain: "a-pending.test", status: "pending", verificationEmail: "it@a-pending.test" });
    await w.scim("PATCH", `/Users/${solo.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", path: 'emails[type eq "work"].value', value: "solo@a-pending.test" }] });
    expect(await emailOf(solo.body.id)).not.toBe("solo@a-pending.test");

    // 4. A userName that is another member's: refused, it would make two people answer one login.
    const clash = await refusedWithoutChange(() =>
      w.scim("PATCH", `/Users/${solo.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "userName", value: shared.user.email }] }),
    );
    expect(clash.status).toBe(409);
    expect(clash.body.scimType).toBe("uniqueness");

    // 5. B's own session is still there: nothing A did signed the person out.
    const [kept] = await t.db.select().from(sessions).where(eq(sessions.sessionToken, session));
    expect(kept).toBeDefined();
  });
});

describe("C2 C3 R7 the directory as actor", () => {
  it("C2 C3: it suspends and deletes an Admin; never its token's creator, and says why", async () => {
    const w = await world();
    const admin2 = (await addNamedMember(t.db, w.org.id, "admin")).user;
    const suspended = await w.scim("PATCH", `/Users/${admin2.id}`, deactivate);
    expect(suspended.status).toBe(200);
    expect(await membership(w.org.id, admin2.id)).toMatchObject({ status: "suspended", role: "admin" });

    for (const [method, body] of [
      ["PATCH", deactivate],
      ["DELETE", undefined],
    ] as const) {
      const refused = await refusedWithoutChange(() => w.scim(method, `/Users/${w.admin.id}`, body));
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toMatch(/created the SCIM token in use.*Create a SCIM token as another Admin first/);
    }
    await w.scim("PATCH", `/Users/${admin2.id}`, activate);
    expect((await w.scim("DELETE", `/Users/${admin2.id}`)).status).toBe(204);
    expect(await membership(w.org.id, admin2.id)).toBeNull();
  });

  it("R7: with the directory the organization keeps an Admin — the creator cannot step down once the directory suspended the other Admin", async () => {
    const w = await world();
    const admin2 = (await addNamedMember(t.db, w.org.id, "admin")).user;
    expect((await w.scim("PATCH", `/Users/${admin2.id}`, deactivate)).status).toBe(200);
    await expect(changeMemberRole(w.ctx.admin, w.admin.id, "manager", { baseUrl: "http://localhost:3000" })).rejects.toMatchObject({ code: "LAST_ADMIN" });
    const [{ n }] = await t.db
      .select({ n: count() })
      .from(memberships)
      .where(and(eq(memberships.orgId, w.org.id), eq(memberships.role, "admin"), eq(memberships.status, "active")));
    expect(n).toBe(1);
  });

  it("R7: the services refuse the directory the last active Admin themselves, whatever the caller checked before", async () => {
    const w = await world();
    const admin2 = (await addNamedMember(t.db, w.org.id, "admin")).user;
    const actor: ActingMember = { userId: w.admin.id, role: "admin", directory: true, email: w.admin.email, name: w.admin.name, orgId: w.org.id, orgName: w.org.name, orgSlug: w.org.slug };
    // The directory's own view is stale: its creator stopped being an active Admin meanwhile.
    for (const act of [(tx: Parameters<Parameters<typeof transaction>[0]>[0]) => setMemberStatusInTx(tx, actor, admin2.id, "suspended"), (tx: Parameters<Parameters<typeof transaction>[0]>[0]) => deleteMemberInTx(tx, actor, admin2.id)]) {
      await expect(
        transaction(async (tx) => {
          await tx.update(memberships).set({ status: "suspended" }).where(eq(memberships.userId, w.admin.id));
          await act(tx);
        }),
      ).rejects.toMatchObject({ code: "LAST_ADMIN" });
    }
    expect(await membership(w.org.id, admin2.id)).toMatchObject({ status: "active" });
  });
});

describe("A1 W1 every SCIM change is audited 'by SCIM' and fires its webhook", () => {
  it("A1 W1 C1: create, update, suspend, re-activate and delete write their audit entries via SCIM and their webhook events (member.created source scim)", async () => {
    const w = await world();
    await createWebhookEndpoint(w.ctx.admin, { url: "http://127.0.0.1:9/hook", events: [...webhookEventTypes] });
    const { body } = await w.scim("POST", "/Users", person("ida@acme.test"));
    await w.scim("PATCH", `/Users/${body.id}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "name.familyName", value: "Lind" }] });
    await w.scim("PATCH", `/Users/${body.id}`, deactivate);
    await w.scim("PATCH", `/Users/${body.id}`, activate);
    await w.scim("DELETE", `/Users/${body.id}`);

    const events = await t.db.select().from(webhookEvents).where(eq(webhookEvents.orgId, w.org.id)).orderBy(asc(webhookEvents.createdAt));
    expect(events.map((e) => e.type)).toEqual(["member.created", "member.updated", "member.suspended", "member.reactivated", "member.deleted"]);
    expect(events[0].payload).toMatchObject({ data: { userId: body.id, email: "ida@acme.test", role: "user", status: "active", source: "scim" } });
    expect(events[1].payload).toMatchObject({ data: { changes: expect.arrayContaining(["lastName"]) } });

    const entries = await t.db.select().from(auditLog).where(and(eq(auditLog.orgId, w.org.id), eq(auditLog.targetUserId, body.id))).orderBy(asc(auditLog.id));
    expect(entries.map((e) => e.action)).toEqual(["member.provisioned", "member.updated", "member.suspended", "member.reactivated", "member.deleted"]);
    for (const entry of entries) expect(entry.via).toMatchObject({ door: "scim", name: "Okta" });
    const names = { people: new Map([[w.admin.id, "Ada Admin"]]), subjects: new Map(), orgName: w.org.name };
    expect(sentenceText(describeAuditEntry(entries[0], names))).toBe("Ada Admin added ida@acme.test as User by SCIM");
    expect(sentenceText(describeAuditEntry(entries[2], names))).toBe("Ada Admin suspended ida@acme.test by SCIM");
  });

  it("C2: a PATCH or PUT that changes nothing answers the resource and writes nothing", async () => {
    const w = await world();
    const { body } = await w.scim("POST", "/Users", person("jo@acme.test", { externalId: "x-jo" }));
    const same = await refusedWithoutChange(() => w.scim("PUT", `/Users/${body.id}`, person("jo@acme.test", { externalId: "x-jo" })));
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ id: body.id, userName: "jo@acme.test", active: true });
    const noop = await refusedWithoutChange(() => w.scim("PATCH", `/Users/${body.id}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "locale", value: "en-US" }] }));
    expect(noop.status).toBe(200);
  });
});

describe("C1 GET /Users", () => {
  it("C1: every member, also those who came by invitation, in a stable order, paged by startIndex and count; groups of this organization shown", async () => {
    const w = await world();
    const [group] = await t.db.insert(scimGroups).values({ orgId: w.org.id, displayName: "Managers" }).returning();
    await t.db.insert(scimGroupMembers).values({ groupId: group.id, userId: w.manager.id });
    const [otherGroup] = await t.db.insert(scimGroups).values({ orgId: w.other.id, displayName: "Elsewhere" }).returning();
    await t.db.insert(scimGroupMembers).values({ groupId: otherGroup.id, userId: w.manager.id });
    const all = await w.scim("GET", "/Users");
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ schemas: [SCIM.listResponse], totalResults: 4, startIndex: 1, itemsPerPage: 4 });
    const ids = all.body.Resources.map((r: { id: string }) => r.id);
    expect(new Set(ids)).toEqual(new Set([w.admin.id, w.manager.id, w.user.id, w.user2.id]));
    const manager = all.body.Resources.find((r: { id: string }) => r.id === w.manager.id);
    expect(manager.groups).toEqual([{ value: group.id, display: "Managers", $ref: expect.stringMatching(new RegExp(`/Groups/${group.id}$`)) }]);
    const page2 = await w.scim("GET", "/Users?startIndex=2&count=2");
    expect(page2.body).toMatchObject({ totalResults: 4, startIndex: 2, itemsPerPage: 2 });
    expect(page2.body.Resources.map((r: { id: string }) => r.id)).toEqual(ids.slice(1, 3));
    expect((await w.scim("GET", "/Users?startIndex=9")).body).toMatchObject({ totalResults: 4, itemsPerPage: 0, Resources: [] });
    expect((await w.scim("GET", "/Users?count=0")).body).toMatchObject({ totalResults: 4, Resources: [] });
  });

  it("C1: userName eq is case-insensitive (the identity's, else the email), externalId eq exact, and; no match is 200 with totalResults 0", async () => {
    const w = await world();
    const { body } = await w.scim("POST", "/Users", { ...person("login-kim@acme.test", { externalId: "Ext-Kim" }), emails: [{ value: "kim@acme.test", primary: true }] });
    const q = (filter: string) => w.scim("GET", `/Users?filter=${encodeURIComponent(filter)}`);
    expect((await q('userName eq "LOGIN-KIM@acme.test"')).body.Resources.map((r: { id: string }) => r.id)).toEqual([body.id]);
    expect((await q(`userName eq "${w.user.email.toUpperCase()}"`)).body.Resources.map((r: { id: string }) => r.id)).toEqual([w.user.id]);
    expect((await q('userName eq "kim@acme.test"')).body.totalResults).toBe(0); // her email is not her userName
    expect((await q('externalId eq "Ext-Kim"')).body.totalResults).toBe(1);
    expect((await q('externalId eq "ext-kim"')).body.totalResults).toBe(0);
    expect((await q('userName eq "login-kim@acme.test" and externalId eq "Ext-Kim"')).body.totalResults).toBe(1);
    expect((await q('userName eq "login-kim@acme.test" and externalId eq "nope"')).body.totalResults).toBe(0);
    expect((await q('emails[type eq "work" and value eq "KIM@acme.test"]')).body.totalResults).toBe(1);
    expect((await q(`id eq "${body.id}"`)).body.totalResults).toBe(1);
    expect((await q('id eq "not-a-uuid"')).body).toMatchObject({ totalResults: 0, Resources: [] });
    expect((await q(`userName eq "${w.otherAdmin.email}"`)).body.totalResults).toBe(0);
  });
});

describe("§10 malformed requests: a SCIM error, never a 500, nothing written", () => {
  it("§10 C1: malformed JSON, bodies that are no User, a NUL, a 2 MB body, bad filters, bad PATCH paths and ops", async () => {
    const w = await world();
    const { body } = await w.scim("POST", "/Users", person("lou@acme.test"));
    const cases: Array<[string, string, unknown, number, string | undefined]> = [
      ["POST", "/Users", "{not json", 400, "invalidSyntax"],
      ["POST", "/Users", "[]", 400, "invalidSyntax"],
      ["POST", "/Users", {}, 400, "invalidValue"],
      ["POST", "/Users", { userName: "x@acme.test", emails: "x@acme.test" }, 400, "invalidValue"],
      ["POST", "/Users", { userName: "not-an-email" }, 400, "invalidValue"],
      ["POST", "/Users", { userName: "x@acme.test", name: { givenName: "A".repeat(81) } }, 400, "invalidValue"],
      ["POST", "/Users", { userName: "x@acme.test", phoneNumbers: [{ value: "call me maybe" }] }, 400, "invalidValue"],
      ["POST", "/Users", JSON.stringify(person("nul@acme.test")).replace("Ana", "A\\u0000na"), 400, "invalidValue"],
      ["POST", "/Users", `{"userName":"a\u0000@acme.test"}`, 400, "invalidValue"],
      ["POST", "/Users", JSON.stringify({ ...person("big@acme.test"), title: "x".repeat(2 * 1024 * 1024) }), 413, "tooMany"],
      ["GET", `/Users?filter=${encodeURIComponent('userName co "lou"')}`, undefined, 400, "invalidFilter"],
      ["GET", `/Users?filter=${encodeURIComponent("userName eq")}`, undefined, 400, "invalidFilter"],
      ["GET", `/Users?filter=${encodeURIComponent('title eq "x"')}`, undefined, 400, "invalidFilter"],
      ["GET", `/Users?filter=${encodeURIComponent(`userName eq "${"x".repeat(2000)}"`)}`, undefined, 400, "invalidFilter"],
      ["PATCH", `/Users/${body.id}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "nickname2", value: "x" }] }, 400, "invalidPath"],
      ["PATCH", `/Users/${body.id}`, { schemas: [PATCH_OP], Operations: [{ op: "move", path: "userName", value: "x" }] }, 400, "invalidSyntax"],
      ["PATCH", `/Users/${body.id}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "groups", value: [] }] }, 400, "mutability"],
      ["PATCH", `/Users/${body.id}`, { schemas: [PATCH_OP], Operations: [{ op: "remove", path: "userName" }] }, 400, "mutability"],
      ["PATCH", `/Users/${body.id}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "active", value: "maybe" }] }, 400, "invalidValue"],
      ["PATCH", `/Users/${body.id}`, { schemas: [PATCH_OP], Operations: [] }, 400, "invalidSyntax"],
      ["PATCH", `/Users/${body.id}`, "", 400, "invalidSyntax"],
      ["PUT", `/Users/${body.id}`, { name: { givenName: "No userName" } }, 400, "invalidValue"],
    ];
    for (const [method, path, request, status, scimType] of cases) {
      const answer = await refusedWithoutChange(() => w.scim(method, path, request));
      expect(answer.status, `${method} ${path.slice(0, 60)}`).toBe(status);
      expect(answer.body).toMatchObject({ schemas: [SCIM.error], status: String(status) });
      if (scimType) expect(answer.body.scimType, `${method} ${JSON.stringify(request)?.slice(0, 80)}`).toBe(scimType);
    }
    // A PATCH that mixes an applicable operation with one that is refused applies neither.
    const mixed = await refusedWithoutChange(() =>
      w.scim("PATCH", `/Users/${body.id}`, {
        schemas: [PATCH_OP],
        Operations: [
          { op: "replace", value: { active: false } },
          { op: "replace", path: "nickname2", value: "x" },
        ],
      }),
    );
    expect(mixed.status).toBe(400);
    expect(await membership(w.org.id, body.id)).toMatchObject({ status: "active" });
  });

  it("§10: ids that are malformed, carry a NUL, or name nobody answer 404 for every method", async () => {
    const w = await world();
    for (const id of ["nope", "00000000-0000-0000-0000-000000000000", "%00", "1e20", encodeURIComponent("a'; drop table users;--"), "x".repeat(300)]) {
      for (const [method, body] of [["GET"], ["PUT", person("zed@acme.test")], ["PATCH", deactivate], ["DELETE"]] as const) {
        const answer = await refusedWithoutChange(() => w.scim(method, `/Users/${id}`, body));
        expect(answer.status, `${method} ${id}`).toBe(404);
        expect(answer.body).toMatchObject({ schemas: [SCIM.error], status: "404" });
      }
    }
  });

  it("§10 C1: another organization's user ids are 404 like ids that do not exist, for every method, and nothing is written", async () => {
    const w = await world();
    const outsider = await addMember(t.db, w.other.id, "user");
    for (const id of [w.otherAdmin.id, outsider.user.id]) {
      for (const [method, body] of [["GET"], ["PUT", person(outsider.user.email)], ["PATCH", deactivate], ["DELETE"]] as const) {
        const answer = await refusedWithoutChange(() => w.scim(method, `/Users/${id}`, body));
        expect(answer.status).toBe(404);
      }
    }
    expect(await membership(w.other.id, outsider.user.id)).toMatchObject({ status: "active" });
    // The other organization's people are not in this one's list either.
    const listed = await w.scim("GET", `/Users?filter=${encodeURIComponent(`id eq "${outsider.user.id}"`)}`);
    expect(listed.body.totalResults).toBe(0);
  });
});
