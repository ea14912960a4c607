import { actAs, form, idle } from "../support/next-mocks";
import { and, eq } from "drizzle-orm";
import { rendered } from "../support/email";
import { describe, expect, it } from "vitest";
import { addDomainAction, answerJoinRequestAction, removeDomainAction, setJoinPolicyAction } from "@/app/o/[org]/settings/domains/actions";
import { auditLog, emailOutbox, joinRequests, memberships, notifications, orgDomains, type Tier } from "@/db/schema";
import { addDomain } from "@/lib/domains/add-domain";
import { answerJoinRequest, joinByDomain, listJoinOffers, requestToJoin } from "@/lib/domains/join";
import { listDomains, removeDomain, setJoinPolicy } from "@/lib/domains/manage-domains";
import { isPublicMailDomain } from "@/lib/domains/public-domains";
import { verifyDomain } from "@/lib/domains/verify-domain";
import { memberContext } from "../support/context";
import { setupTestDatabase } from "../support/db";
import { addMember, makeOrg, makeUser } from "../support/factories";
import { itRace } from "../support/race";
import { expectNoChange } from "../support/state";
import { randomBytes } from "node:crypto";
import { isAppError } from "@/lib/errors";

/** SPEC D1 (verified domains) and D2 (join policies within seats, T3/T5). */
const t = setupTestDatabase({ poolSize: 30 });

const uniqueDomain = (prefix = "acme") => `${prefix}-${randomBytes(4).toString("hex")}.test`;

async function orgWithAdmin(tier: Tier = "pro", users = 0) {
  const org = await makeOrg(t.db, { tier });
  const admin = (await addMember(t.db, org.id, "admin")).user;
  for (let i = 0; i < users; i++) await addMember(t.db, org.id, "user");
  return { org, admin, ctx: await memberContext(admin.id, org.slug) };
}

/** The token of the last verification link emailed to this address. */
async function linkTokenSentTo(address: string): Promise<string> {
  const rows = await rendered(t.db.select().from(emailOutbox).where(and(eq(emailOutbox.to, address), eq(emailOutbox.template, "domain-verification"))));
  const tokens = rows.map((r) => /\/domains\/verify\/([A-Za-z0-9_-]+)/.exec(r.text)?.[1]).filter((x): x is string => Boolean(x));
  expect(tokens.length).toBeGreaterThan(0);
  return tokens[tokens.length - 1];
}

async function verifiedDomain(tier: Tier = "pro", users = 0) {
  const setup = await orgWithAdmin(tier, users);
  const domain = uniqueDomain();
  const added = await addDomain(setup.ctx, { domain, email: `it@${domain}` });
  await verifyDomain(await linkTokenSentTo(`it@${domain}`));
  return { ...setup, domain, domainId: added.id };
}

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

describe("D1 verified domains", () => {
  it("D1: an Admin adds a domain; the link is emailed to the named address; following it verifies the domain; audited", async () => {
    const { org, ctx } = await orgWithAdmin();
    const domain = uniqueDomain();
    const state = await addDomainAction(idle, form({ org: org.slug, domain: ` ${domain.toUpperCase()}. `, email: `IT@${domain}` }));
    expect(state.ok).toBe(true);
    const [row] = await t.db.select().from(orgDomains).where(eq(orgDomains.orgId, org.id));
    expect(row).toMatchObject({ domain, status: "pending", verificationEmail: `it@${domain}` });
    const token = await linkTokenSentTo(`it@${domain}`);
    // Only the hash is stored.
    expect(row.tokenHash).not.toContain(token);
    const result = await verifyDomain(token);
    expect(result).toMatchObject({ domain, orgSlug: org.slug });
    const [after] = await t.db.select().from(orgDomains).where(eq(orgDomains.id, row.id));
    expect(after.status).toBe("verified");
    expect((await listDomains(ctx)).map((d) => d.status)).toEqual(["verified"]);
    const audits = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.orgId, org.id));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(["domain.added", "domain.verified"]));
  });

  it("D1: a wrong link is NOT_FOUND, a reused link ALREADY_USED, an expired link EXPIRED — each changes nothing", async () => {
    const { ctx } = await orgWithAdmin();
    const domain = uniqueDomain();
    await addDomain(ctx, { domain, email: `it@${domain}` });
    const token = await linkTokenSentTo(`it@${domain}`);
    await expectNoChange(t.db, () => expect(verifyDomain(token.slice(0, -2) + "xx")).rejects.toMatchObject({ code: "NOT_FOUND" }));
    await expectNoChange(t.db, () =>
      expect(verifyDomain(token, { now: new Date(Date.now() + 25 * 3600 * 1000) })).rejects.toMatchObject({ code: "EXPIRED" }),
    );
    await verifyDomain(token);
    await expectNoChange(t.db, () => expect(verifyDomain(token)).rejects.toMatchObject({ code: "ALREADY_USED" }));
  });

  it("D1: sending a new link kills the old one", async () => {
    const { ctx } = await orgWithAdmin();
    const domain = uniqueDomain();
    await addDomain(ctx, { domain, email: `it@${domain}` });
    const first = await linkTokenSentTo(`it@${domain}`);
    const again = await addDomain(ctx, { domain, email: `admin@${domain}` });
    expect(again.resent).toBe(true);
    await expect(verifyDomain(first)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(verifyDomain(await linkTokenSentTo(`admin@${domain}`))).resolves.toMatchObject({ domain });
  });

  it("D1: a domain verified by another organization cannot be added, nor verified through a link sent before", async () => {
    const domain = uniqueDomain();
    const a = await orgWithAdmin();
    const b = await orgWithAdmin();
    await addDomain(a.ctx, { domain, email: `it@${domain}` });
    await addDomain(b.ctx, { domain, email: `boss@${domain}` });
    await verifyDomain(await linkTokenSentTo(`it@${domain}`));
    const bToken = await linkTokenSentTo(`boss@${domain}`);
    await expectNoChange(t.db, () => expect(verifyDomain(bToken)).rejects.toMatchObject({ code: "CONFLICT" }));
    await expectNoChange(t.db, () => expect(addDomain(b.ctx, { domain, email: `x@${domain}` })).rejects.toMatchObject({ code: "CONFLICT" }));
    const verified = await t.db.select().from(orgDomains).where(and(eq(orgDomains.domain, domain), eq(orgDomains.status, "verified")));
    expect(verified.map((d) => d.orgId)).toEqual([a.org.id]);
  });

  itRace("D1: two organizations verifying the same domain at the same moment: exactly one holds it", async () => {
    for (let round = 0; round < 5; round++) {
      const domain = uniqueDomain();
      const a = await orgWithAdmin();
      const b = await orgWithAdmin();
      await addDomain(a.ctx, { domain, email: `a@${domain}` });
      await addDomain(b.ctx, { domain, email: `b@${domain}` });
      const tokens = [await linkTokenSentTo(`a@${domain}`), await linkTokenSentTo(`b@${domain}`)];
      const codes = await Promise.all(tokens.map((token) => codeOf(verifyDomain(token))));
      expect(codes.sort()).toEqual(["CONFLICT", "OK"]);
      const verified = await t.db.select().from(orgDomains).where(and(eq(orgDomains.domain, domain), eq(orgDomains.status, "verified")));
      expect(verified).toHaveLength(1);
    }
  });

  it("D1: public mail domains are refused; the address must be at the domain", async () => {
    const { org } = await orgWithAdmin();
    for (const domain of ["gmail.com", "outlook.com", "hotmail.com", "yahoo.co.uk", "proton.me", "gmx.de", "web.de", "icloud.com"]) {
      expect(isPublicMailDomain(domain), domain).toBe(true);
      const state = await expectNoChange(t.db, () => addDomainAction(idle, form({ org: org.slug, domain, email: `me@${domain}` })));
      expect(state).toMatchObject({ ok: false, code: "VALIDATION" });
      expect(state.fieldErrors?.domain).toBeDefined();
    }
    expect(isPublicMailDomain("brightforge.test")).toBe(false);
    const domain = uniqueDomain();
    const elsewhere = await expectNoChange(t.db, () => addDomainAction(idle, form({ org: org.slug, domain, email: "me@other.test" })));
    expect(elsewhere.fieldErrors?.email).toBeDefined();
  });

  it("D1: a Manager or User is refused every domain action; another organization's ids are NOT_FOUND", async () => {
    const { org, ctx } = await verifiedDomain();
    const manager = await addMember(t.db, org.id, "manager");
    const managerCtx = await memberContext(manager.user.id, org.slug);
    const domain = uniqueDomain();
    await expect(addDomain(managerCtx, { domain, email: `it@${domain}` })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listDomains(managerCtx)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const [mine] = await listDomains(ctx);
    await expect(removeDomain(managerCtx, mine.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    actAs(manager.user.id);
    const refused = await expectNoChange(t.db, () => removeDomainAction(idle, form({ org: org.slug, domainId: mine.id })));
    expect(refused).toMatchObject({ ok: false, code: "FORBIDDEN" });

    const other = await orgWithAdmin();
    await expectNoChange(t.db, () => expect(removeDomain(other.ctx, mine.id)).rejects.toMatchObject({ code: "NOT_FOUND" }));
    await expectNoChange(t.db, () => expect(setJoinPolicy(other.ctx, { domainId: mine.id, joinPolicy: "join" })).rejects.toMatchObject({ code: "NOT_FOUND" }));
    actAs(other.admin.id);
    const state = await removeDomainAction(idle, form({ org: other.org.slug, domainId: mine.id }));
    expect(state).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("D1: the link verifies only while the Admin who asked is still an Admin", async () => {
    const { org, admin, ctx } = await orgWithAdmin();
    await addMember(t.db, org.id, "admin");
    const domain = uniqueDomain();
    await addDomain(ctx, { domain, email: `it@${domain}` });
    const token = await linkTokenSentTo(`it@${domain}`);
    await t.db.update(memberships).set({ role: "user" }).where(and(eq(memberships.orgId, org.id), eq(memberships.userId, admin.id)));
    await expectNoChange(t.db, () => expect(verifyDomain(token)).rejects.toMatchObject({ code: "FORBIDDEN" }));
  });

  it("D1: an unverified domain does nothing: no join policy, no offer", async () => {
    const { org, ctx } = await orgWithAdmin();
    const domain = uniqueDomain();
    const added = await addDomain(ctx, { domain, email: `it@${domain}` });
    await expectNoChange(t.db, () => expect(setJoinPolicy(ctx, { domainId: added.id, joinPolicy: "join" })).rejects.toMatchObject({ code: "CONFLICT" }));
    const person = await makeUser(t.db, { email: `ann@${domain}` });
    expect(await listJoinOffers({ id: person.id, email: person.email, name: null })).toEqual([]);
    await expect(joinByDomain({ id: person.id, email: person.email, name: null }, added.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.db.select().from(memberships).where(eq(memberships.orgId, org.id))).toHaveLength(1);
  });
});

describe("D2 join policies admit people only within seats", () => {
  async function personAt(domain: string) {
    const user = await makeUser(t.db, { email: `p-${randomBytes(3).toString("hex")}@${domain}` });
    return { id: user.id, email: user.email, name: user.name };
  }

  it("D2: with 'join as User', a person at the domain is offered the organization and joins as User; audited", async () => {
    const { org, ctx, domain, domainId } = await verifiedDomain("pro");
    actAs(ctx.user.id);
    expect(await setJoinPolicyAction(idle, form({ org: org.slug, domainId, joinPolicy: "join" }))).toMatchObject({ ok: true });
    const person = await personAt(domain);
    expect(await listJoinOffers(person)).toEqual([expect.objectContaining({ domainId, orgName: org.name, policy: "join" })]);
    await joinByDomain(person, domainId);
    const [m] = await t.db.select().from(memberships).where(and(eq(memberships.orgId, org.id), eq(memberships.userId, person.id)));
    expect(m.role).toBe("user");
    expect(await listJoinOffers(person)).toEqual([]);
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "member.joined_by_domain")));
    expect(entry.targetUserId).toBe(person.id);
    await expect(joinByDomain(person, domainId)).rejects.toMatchObject({ code: "ALREADY_MEMBER" });
  });

  it("D2: a person at another domain, or with the policy off or 'ask', cannot join by themselves", async () => {
    const { ctx, domain, domainId } = await verifiedDomain("pro");
    const stranger = await personAt(uniqueDomain("other"));
    await expect(joinByDomain(stranger, domainId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const person = await personAt(domain);
    await expect(joinByDomain(person, domainId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await setJoinPolicy(ctx, { domainId, joinPolicy: "ask" });
    await expect(joinByDomain(person, domainId)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("D2 (T3): joining at the seat limit is refused, changes nothing, and each Admin gets one inbox notice", async () => {
    // Free: 4 seats; the Admin and 3 Users fill them.
    const { org, ctx, domain, domainId } = await verifiedDomain("free", 3);
    await setJoinPolicy(ctx, { domainId, joinPolicy: "join" });
    const person = await personAt(domain);
    const before = await t.db.select().from(memberships).where(eq(memberships.orgId, org.id));
    await expect(joinByDomain(person, domainId)).rejects.toMatchObject({ code: "SEAT_LIMIT" });
    await expect(joinByDomain(person, domainId)).rejects.toMatchObject({ code: "SEAT_LIMIT" });
    expect(await t.db.select().from(memberships).where(eq(memberships.orgId, org.id))).toHaveLength(before.length);
    const notices = await t.db.select().from(notifications).where(and(eq(notifications.orgId, org.id), eq(notifications.kind, "join_refused_seats")));
    expect(notices.map((n) => n.userId)).toEqual([ctx.user.id]);
  });

  it("D2: 'ask to join' puts a request in the Admins' inbox; Approve adds a User within seats; a second answer changes nothing", async () => {
    const { org, ctx, domain, domainId } = await verifiedDomain("pro");
    await setJoinPolicy(ctx, { domainId, joinPolicy: "ask" });
    const person = await personAt(domain);
    const { requestId } = await requestToJoin(person, domainId);
    expect((await requestToJoin(person, domainId)).already).toBe(true);
    expect(await listJoinOffers(person)).toEqual([expect.objectContaining({ policy: "ask", requested: true })]);
    const [notice] = await t.db.select().from(notifications).where(eq(notifications.joinRequestId, requestId));
    expect(notice).toMatchObject({ userId: ctx.user.id, kind: "join_requested" });
    actAs(ctx.user.id);
    expect(await answerJoinRequestAction(idle, form({ org: org.slug, requestId, answer: "approve" }))).toMatchObject({ ok: true });
    const [m] = await t.db.select().from(memberships).where(and(eq(memberships.orgId, org.id), eq(memberships.userId, person.id)));
    expect(m.role).toBe("user");
    const [req] = await t.db.select().from(joinRequests).where(eq(joinRequests.id, requestId));
    expect(req.status).toBe("approved");
    await expectNoChange(t.db, () => expect(answerJoinRequest(ctx, { requestId, answer: "decline" })).rejects.toMatchObject({ code: "ALREADY_USED" }));
  });

  it("D2 (T3): Approve at the seat limit is refused and the request stays pending; a Manager or another organization cannot answer", async () => {
    const { org, ctx, domain, domainId } = await verifiedDomain("free", 2);
    await setJoinPolicy(ctx, { domainId, joinPolicy: "ask" });
    const { requestId } = await requestToJoin(await personAt(domain), domainId);
    await addMember(t.db, org.id, "user");
    await expectNoChange(t.db, () => expect(answerJoinRequest(ctx, { requestId, answer: "approve" })).rejects.toMatchObject({ code: "SEAT_LIMIT" }));
    const manager = await addMember(t.db, org.id, "manager").catch(() => null);
    expect(manager).not.toBeNull();
    const managerCtx = await memberContext(manager!.user.id, org.slug);
    await expect(answerJoinRequest(managerCtx, { requestId, answer: "decline" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await orgWithAdmin();
    await expect(answerJoinRequest(other.ctx, { requestId, answer: "decline" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [req] = await t.db.select().from(joinRequests).where(eq(joinRequests.id, requestId));
    expect(req.status).toBe("pending");
  });

  itRace("D2 (T5): 20 people at the domain joining at once for the last seat: exactly one becomes a member", async () => {
    const { org, ctx, domain, domainId } = await verifiedDomain("free", 2);
    await setJoinPolicy(ctx, { domainId, joinPolicy: "join" });
    const people = [];
    for (let i = 0; i < 20; i++) people.push(await personAt(domain));
    const codes = await Promise.all(people.map((p) => codeOf(joinByDomain(p, domainId))));
    expect(codes.filter((c) => c === "OK")).toHaveLength(1);
    expect(codes.filter((c) => c !== "OK").every((c) => c === "SEAT_LIMIT")).toBe(true);
    expect(await t.db.select().from(memberships).where(eq(memberships.orgId, org.id))).toHaveLength(4);
  });
});

describe("§10 malformed input to the domain and SSO doors", () => {
  it("#18: NUL bytes, 100k characters and odd values are field errors or not-found, never server errors", async () => {
    const { org, ctx } = await verifiedDomain("pro");
    actAs(ctx.user.id);
    const { updateSsoAction, testSsoAction } = await import("@/app/o/[org]/settings/sso/actions");
    const { verifyDomainAction } = await import("@/app/domains/verify/[token]/actions");
    const huge = "a".repeat(100_000);
    const inputs: Array<[string, Promise<{ ok: boolean; code?: string; formError?: string }>]> = [
      ["add nul", addDomainAction(idle, form({ org: org.slug, domain: "ac\u0000me.test", email: "it@acme.test" }))],
      ["add huge", addDomainAction(idle, form({ org: org.slug, domain: huge, email: huge }))],
      ["add ip", addDomainAction(idle, form({ org: org.slug, domain: "127.0.0.1", email: "it@127.0.0.1" }))],
      ["remove bad id", removeDomainAction(idle, form({ org: org.slug, domainId: "1e20" }))],
      ["policy bad", setJoinPolicyAction(idle, form({ org: org.slug, domainId: huge, joinPolicy: "everyone" }))],
      ["answer bad", answerJoinRequestAction(idle, form({ org: org.slug, requestId: "x", answer: "approve" }))],
      ["sso huge", updateSsoAction(idle, form({ org: org.slug, issuer: huge, clientId: huge, clientSecret: huge, domainIds: ["x", "y"] }))],
      ["sso nul", updateSsoAction(idle, form({ org: org.slug, issuer: "https://a\u0000.test", clientId: "x" }))],
      ["test bad", testSsoAction(idle, form({ org: org.slug, issuer: "javascript:alert(1)" }))],
      ["verify bad", verifyDomainAction(idle, form({ token: huge }))],
      ["verify unknown", verifyDomainAction(idle, form({ token: "A".repeat(43) }))],
    ];
    for (const [name, promise] of inputs) {
      const state = await promise;
      expect(state.ok, name).toBe(false);
      expect(["VALIDATION", "NOT_FOUND"], `${name}: ${state.code} ${state.formError}`).toContain(state.code);
    }
  });
});
