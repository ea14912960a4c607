import { rendered } from "../support/email";
import { vi } from "vitest";

// The real Auth.js, the real sign-in action and the real callback route; only what a Next request
// provides (its headers and cookie jar) is stood in for — as in sign-in.test.ts.
const request = vi.hoisted(() => ({ headers: new Headers({ host: "localhost:3000" }), cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string) => void request.cookies.set(name, value),
    delete: (name: string) => void request.cookies.delete(name),
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { requestSignInLink } from "@/app/(auth)/signin/actions";
import { GET as authGET, POST as authPOST } from "@/app/api/auth/[...nextauth]/route";
import { GET as ssoCallback } from "@/app/sso/callback/route";
import { auditLog, memberships, notifications, orgDomains, organizations, sessions, ssoConnections, ssoLoginStates, users, verificationTokens, type Tier } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { addDomain } from "@/lib/domains/add-domain";
import { setJoinPolicy } from "@/lib/domains/manage-domains";
import { verifyDomain } from "@/lib/domains/verify-domain";
import { isAppError } from "@/lib/errors";
import { admitSignInEmail } from "@/lib/rate-limit";
import { testSsoConnection, updateSsoConnection } from "@/lib/sso/manage-sso";
import { completeSsoSignIn, SSO_STATE_COOKIE, SsoRefusal, startSsoSignIn } from "@/lib/sso/sign-in";
import { openSecret } from "@/lib/sso/secret-box";
import { setupTestDatabase } from "../support/db";
import { addMember, makeOrg } from "../support/factories";
import { startOidcProvider, signInAtProvider, type OidcTestProvider } from "../support/oidc-provider";
import { itRace } from "../support/race";
import { backendPid, waitUntilBlockedBy } from "../support/locks";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { emailOutbox } from "@/db/schema";

/** SPEC D3 and D4 against a real OpenID provider (oidc-provider on localhost), with D2's join policy and T3/T5. */
process.env.SEATWISE_SSO_ALLOW_HTTP = "1";
const t = setupTestDatabase({ poolSize: 30 });
const CALLBACK = "http://localhost:3000/sso/callback";
let idp: OidcTestProvider;

beforeAll(async () => {
  idp = await startOidcProvider({ redirectUris: [CALLBACK] });
});
afterAll(async () => {
  await idp?.close();
});
beforeEach(() => {
  request.cookies.clear();
  idp.tamper.idToken = undefined;
});

function contextOf(org: { id: string; slug: string; name: string; tier: Tier; kind: "client" | "supplier" }, user: { id: string; email: string; name: string | null }, membershipId: string): MemberContext {
  return { user, org, membership: { id: membershipId, role: "admin", status: "active" } };
}

const uniqueDomain = (prefix = "corp") => `${prefix}-${randomBytes(4).toString("hex")}.test`;

/** An organization with a verified domain whose addresses sign in through the test provider. */
async function ssoOrg(options: { tier?: Tier; users?: number; policy?: "off" | "join" | "ask"; requireSso?: boolean; breakGlass?: boolean } = {}) {
  const org = await makeOrg(t.db, { tier: options.tier ?? "pro" });
  const domain = uniqueDomain();
  const { user: admin, membership } = await addMember(t.db, org.id, "admin", { email: `admin-${randomBytes(3).toString("hex")}@${domain}` });
  for (let i = 0; i < (options.users ?? 0); i++) await addMember(t.db, org.id, "user");
  const ctx = contextOf(org, admin, membership.id);
  const added = await addDomain(ctx, { domain, email: `it@${domain}` });
  const [mail] = await rendered(t.db.select().from(emailOutbox).where(eq(emailOutbox.to, `it@${domain}`)));
  await verifyDomain(/\/domains\/verify\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]);
  await setJoinPolicy(ctx, { domainId: added.id, joinPolicy: options.policy ?? "join" });
  await updateSsoConnection(ctx, {
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    domainIds: [added.id],
    requireSsoDomainIds: options.requireSso ? [added.id] : [],
    breakGlassUserIds: options.breakGlass ? [admin.id] : [],
  });
  return { org, domain, domainId: added.id, admin, ctx };
}

/** Email → the provider's login page (as `login`) → back: the callback URL and this browser's state cookie. */
async function throughProvider(email: string, login = email) {
  const started = await startSsoSignIn(email);
  expect(started).not.toBeNull();
  const callbackUrl = await signInAtProvider(started!.url, login, CALLBACK);
  return { callbackUrl, cookieState: started!.state };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof SsoRefusal) return error.reason;
    if (isAppError(error)) return error.code;
    throw error;
  }
}

async function sessionsOf(email: string) {
  return t.db.select({ token: sessions.sessionToken }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(sql`lower(${users.email}) = ${email}`);
}

describe("D3 single sign-on through a real OpenID provider", () => {
  it("D3/D2: the full code flow through the callback route makes a new member by the join policy and an Auth.js database session", async () => {
    const { org, domain } = await ssoOrg({ policy: "join" });
    const email = `newcomer@${domain}`;
    const { callbackUrl, cookieState } = await throughProvider(email);
    const response = await ssoCallback(new NextRequest(callbackUrl, { headers: { cookie: `${SSO_STATE_COOKIE}=${cookieState}` } }));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`http://localhost:3000/o/${org.slug}/welcome`);
    const sessionCookie = response.cookies.get("authjs.session-token");
    expect(sessionCookie?.httpOnly).toBe(true);
    const [person] = await t.db.select().from(users).where(eq(users.email, email));
    const [row] = await t.db.select().from(sessions).where(eq(sessions.sessionToken, sessionCookie!.value));
    expect(row.userId).toBe(person.id);
    const [membership] = await t.db.select().from(memberships).where(and(eq(memberships.orgId, org.id), eq(memberships.userId, person.id)));
    expect(membership.role).toBe("user");
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.targetUserId, person.id))).map((a) => [a.action, (a.after as { source?: string }).source]);
    expect(actions).toEqual(expect.arrayContaining([["member.joined_by_domain", "sso"], ["sso.signed_in", undefined]]));
    // The state was single-use.
    expect(await t.db.select().from(ssoLoginStates)).toHaveLength(0);
  });

  it("D3: the sign-in form sends an address on an SSO domain to the provider, with PKCE S256, state and nonce, and the state cookie httpOnly", async () => {
    const { domain } = await ssoOrg();
    let location = "";
    try {
      await requestSignInLink({ ok: false }, toForm({ email: `someone@${domain}` }));
    } catch (error) {
      location = ((error as { digest?: string }).digest ?? "").split(";")[2] ?? "";
    }
    const url = new URL(location);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("nonce")).toBeTruthy();
    expect(url.searchParams.get("state")).toBe(request.cookies.get(SSO_STATE_COOKIE));
    expect(url.searchParams.get("scope")).toBe("openid email profile");
  });

  it("D3: an existing member keeps their membership and role", async () => {
    const { org, admin } = await ssoOrg();
    const result = await completeSsoSignIn(await throughProvider(admin.email));
    expect(result).toMatchObject({ userId: admin.id, joined: false, landingPath: `/o/${org.slug}/users` });
    const mine = await t.db.select().from(memberships).where(eq(memberships.userId, admin.id));
    expect(mine.map((m) => m.role)).toEqual(["admin"]);
  });

  it("D3: the provider asserting an address at an unverified domain, or at another organization's verified domain, is refused: no user, no session", async () => {
    const { domain } = await ssoOrg();
    const other = await ssoOrg();
    for (const asserted of [`eve@${uniqueDomain("unverified")}`, `eve@${other.domain}`, `eve@${domain}.evil.test`]) {
      const flow = await throughProvider(`eve@${domain}`, asserted);
      expect(await refusal(completeSsoSignIn(flow))).toBe("domain");
      expect(await t.db.select().from(users).where(eq(users.email, asserted))).toHaveLength(0);
    }
    expect(await sessionsOf(`eve@${domain}`)).toHaveLength(0);
  });

  it("D3: a tampered, missing, reused or another browser's state is refused", async () => {
    const { domain } = await ssoOrg();
    const email = `sam@${domain}`;
    const flow = await throughProvider(email);
    const tampered = new URL(flow.callbackUrl);
    tampered.searchParams.set("state", flow.cookieState.slice(0, -2) + "xx");
    expect(await refusal(completeSsoSignIn({ callbackUrl: tampered, cookieState: flow.cookieState }))).toBe("state");
    // The attacker sets both to a state of their own: no such sign-in was started.
    expect(await refusal(completeSsoSignIn({ callbackUrl: tampered, cookieState: tampered.searchParams.get("state") }))).toBe("state");
    expect(await refusal(completeSsoSignIn({ callbackUrl: flow.callbackUrl, cookieState: null }))).toBe("state");
    expect(await refusal(completeSsoSignIn(flow))).toBe("OK");
    expect(await refusal(completeSsoSignIn(flow))).toBe("state");
    expect(await sessionsOf(email)).toHaveLength(1);
  });

  it("D3: an ID token with another nonce, from another issuer, for another client, or expired is refused", async () => {
    const { domain } = await ssoOrg();
    const email = `tom@${domain}`;
    const cases: Array<(c: Record<string, unknown>) => Record<string, unknown>> = [
      (c) => ({ ...c, nonce: "another-nonce" }),
      (c) => ({ ...c, iss: "http://localhost:1/other-issuer" }),
      (c) => ({ ...c, aud: "another-client" }),
      (c) => ({ ...c, exp: Math.floor(Date.now() / 1000) - 3600, iat: Math.floor(Date.now() / 1000) - 7200 }),
    ];
    for (const change of cases) {
      const flow = await throughProvider(email);
      idp.tamper.idToken = change;
      expect(await refusal(completeSsoSignIn(flow))).toBe("token");
      idp.tamper.idToken = undefined;
    }
    expect(await sessionsOf(email)).toHaveLength(0);
    // The same flow, untampered, signs in: the refusals above were the changed claim's.
    expect(await refusal(completeSsoSignIn(await throughProvider(email)))).toBe("OK");
  });

  it("D3: email_verified false is refused", async () => {
    const { domain } = await ssoOrg();
    const email = `una@${domain}`;
    idp.accounts.set(email, { email_verified: false });
    expect(await refusal(completeSsoSignIn(await throughProvider(email)))).toBe("email_unverified");
    expect(await t.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it("D2/D3: with the join policy off a new person is refused; with 'ask' they are signed in and offered to ask", async () => {
    const off = await ssoOrg({ policy: "off" });
    expect(await refusal(completeSsoSignIn(await throughProvider(`new@${off.domain}`)))).toBe("not_member");
    const ask = await ssoOrg({ policy: "ask" });
    const result = await completeSsoSignIn(await throughProvider(`new@${ask.domain}`));
    expect(result.landingPath).toBe("/onboarding");
    expect(await t.db.select().from(memberships).where(eq(memberships.userId, result.userId))).toHaveLength(0);
  });

  it("D2/D3 (T3): a first sign-in at the seat limit is refused, no session, the Admins are told", async () => {
    const { org, domain, admin } = await ssoOrg({ tier: "free", users: 3 });
    const email = `late@${domain}`;
    expect(await refusal(completeSsoSignIn(await throughProvider(email)))).toBe("seats");
    expect(await sessionsOf(email)).toHaveLength(0);
    expect(await t.db.select().from(memberships).where(eq(memberships.orgId, org.id))).toHaveLength(4);
    const notices = await t.db.select().from(notifications).where(and(eq(notifications.orgId, org.id), eq(notifications.kind, "join_refused_seats")));
    expect(notices.map((n) => n.userId)).toEqual([admin.id]);
  });

  itRace("D3 (T5): 20 simultaneous first sign-ins for the last seat make exactly one member", async () => {
    const { org, domain } = await ssoOrg({ tier: "free", users: 2 });
    const flows = [];
    for (let i = 0; i < 20; i++) flows.push(await throughProvider(`p${i}@${domain}`));
    const outcomes = await Promise.all(flows.map((flow) => refusal(completeSsoSignIn(flow))));
    expect(outcomes.filter((o) => o === "OK")).toHaveLength(1);
    expect(outcomes.filter((o) => o !== "OK").every((o) => o === "seats")).toBe(true);
    expect(await t.db.select().from(memberships).where(eq(memberships.orgId, org.id))).toHaveLength(4);
    const [{ n }] = await t.db.select({ n: sql<number>`count(*)::int` }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(sql`${users.email} like ${"%@" + domain}`);
    expect(n).toBe(1);
  }, 120_000);

  itRace("D3 D2: a domain removed while a first sign-in is on its way admits nobody: the admission reads it again under the organization's lock", async () => {
    const { org, domain, domainId } = await ssoOrg({ policy: "join" });
    const email = `between@${domain}`;
    const flow = await throughProvider(email);
    // An Admin's removal holds the organization row (as removeDomain does) and has deleted the
    // domain, not yet committed, while the callback passes its first check and reaches admission.
    const client = postgres(t.url!, { max: 1, onnotice: () => {} });
    try {
      const other = drizzle(client);
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let locked!: (pid: number) => void;
      const lockTaken = new Promise<number>((resolve) => (locked = resolve));
      const removal = other.transaction(async (tx) => {
        await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, org.id)).for("update");
        locked(await backendPid(tx));
        await held;
        await tx.delete(orgDomains).where(eq(orgDomains.id, domainId));
      });
      const holderPid = await lockTaken;
      const signIn = refusal(completeSsoSignIn(flow));
      await waitUntilBlockedBy(t.db, holderPid);
      release();
      await removal;
      expect(await signIn).toBe("domain");
    } finally {
      await client.end();
    }
    expect(await sessionsOf(email)).toHaveLength(0);
    expect(await t.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
    expect(await t.db.select().from(memberships).where(eq(memberships.orgId, org.id))).toHaveLength(1);
  }, 60_000);
});

function toForm(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

/** A POST straight to Auth.js's own sign-in endpoint (a magic link asked for without the form). */
async function postToAuthJs(email: string) {
  const csrf = await authGET(new NextRequest("http://localhost:3000/api/auth/csrf"));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await authPOST(
    new NextRequest("http://localhost:3000/api/auth/signin/resend", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: new URLSearchParams({ csrfToken, email }),
    }),
  );
  return response.headers.get("location") ?? "";
}

describe("D4 Require SSO", () => {
  it("D4: magic links are refused for the domain's addresses, through the form and straight through Auth.js; nothing is written", async () => {
    const { domain } = await ssoOrg({ requireSso: true });
    const email = `worker@${domain}`;
    expect(await admitSignInEmail(email, { ip: null })).toEqual({ allowed: false, reason: "sso_required" });
    const state = await requestSignInLink({ ok: false }, toForm({ email, method: "link" }));
    expect(state).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await postToAuthJs(email)).toContain("error=SsoRequired");
    expect(await t.db.select().from(verificationTokens).where(eq(verificationTokens.identifier, email))).toHaveLength(0);
    expect(await t.db.select().from(emailOutbox).where(and(eq(emailOutbox.to, email), eq(emailOutbox.template, "sign-in")))).toHaveLength(0);
  });

  it("D4: a break-glass Admin still gets a magic link; another Admin does not; without Require SSO everyone does", async () => {
    const { org, admin, domain } = await ssoOrg({ requireSso: true, breakGlass: true });
    expect(await admitSignInEmail(admin.email, { ip: null })).toEqual({ allowed: true });
    const other = await addMember(t.db, org.id, "admin", { email: `second@${domain}` });
    expect(await admitSignInEmail(other.user.email, { ip: null })).toMatchObject({ reason: "sso_required" });
    const relaxed = await ssoOrg({ requireSso: false });
    expect(await admitSignInEmail(`anyone@${relaxed.domain}`, { ip: null })).toEqual({ allowed: true });
  });
});

describe("D3 Settings → Single sign-on", () => {
  it("D3: the client secret is stored only encrypted (AES-256-GCM from AUTH_SECRET); an empty secret keeps it; audited without it", async () => {
    const { org, ctx, domainId } = await ssoOrg();
    const [row] = await t.db.select().from(ssoConnections).where(eq(ssoConnections.orgId, org.id));
    expect(row.clientSecretEncrypted).not.toContain(idp.clientSecret);
    expect(openSecret(row.clientSecretEncrypted)).toBe(idp.clientSecret);
    await updateSsoConnection(ctx, { issuer: idp.issuer, clientId: idp.clientId, clientSecret: "", domainIds: [domainId] });
    const [again] = await t.db.select().from(ssoConnections).where(eq(ssoConnections.orgId, org.id));
    expect(openSecret(again.clientSecretEncrypted)).toBe(idp.clientSecret);
    const entries = await t.db.select().from(auditLog).where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "sso.updated")));
    expect(entries).toHaveLength(2);
    expect(JSON.stringify(entries)).not.toContain(idp.clientSecret);
  });

  it("D3: only Admins; another organization's or an unverified domain, Require SSO without SSO, and a non-Admin break-glass are refused", async () => {
    const { org, ctx, domainId } = await ssoOrg();
    const other = await ssoOrg();
    const base = { issuer: idp.issuer, clientId: idp.clientId, clientSecret: "x" };
    const manager = await addMember(t.db, org.id, "manager");
    const managerCtx: MemberContext = { ...ctx, user: { id: manager.user.id, email: manager.user.email, name: null }, membership: { id: manager.membership.id, role: "manager", status: "active" } };
    expect(await refusal(updateSsoConnection(managerCtx, { ...base, domainIds: [domainId] }))).toBe("FORBIDDEN");
    expect(await refusal(updateSsoConnection(ctx, { ...base, domainIds: [other.domainId] }))).toBe("VALIDATION");
    expect(await refusal(updateSsoConnection(ctx, { ...base, domainIds: [], requireSsoDomainIds: [domainId] }))).toBe("VALIDATION");
    expect(await refusal(updateSsoConnection(ctx, { ...base, domainIds: [domainId], breakGlassUserIds: [manager.user.id] }))).toBe("VALIDATION");
    expect(await refusal(updateSsoConnection(ctx, { ...base, issuer: "http://sso.example.com", domainIds: [domainId] }))).toBe("VALIDATION");
    const [row] = await t.db.select().from(ssoConnections).where(eq(ssoConnections.orgId, org.id));
    expect(openSecret(row.clientSecretEncrypted)).toBe(idp.clientSecret);
    const [d] = await t.db.select().from(orgDomains).where(eq(orgDomains.id, domainId));
    expect(d.ssoEnabled).toBe(true);
  });

  it("W2 D3: Test connection and sign-in never fetch an issuer at a loopback, private or link-local address unless the operator allows a local provider", async () => {
    const { ctx } = await ssoOrg();
    process.env.SEATWISE_SSO_ALLOW_HTTP = "0";
    try {
      for (const issuer of ["https://127.0.0.1:1/", "https://10.0.0.7/", "https://169.254.169.254/latest", "https://localhost:1/", "https://[::1]:1/"]) {
        const result = await testSsoConnection(ctx, { issuer, clientId: "x" });
        expect(result.ok, issuer).toBe(false);
        expect(result.message, issuer).toMatch(/(loopback|private|link-local|reserved|unspecified)[^.]* address.*which single sign-on may not reach\./);
      }
    } finally {
      process.env.SEATWISE_SSO_ALLOW_HTTP = "1";
    }
    // The local test provider itself is reachable only because the operator allows it.
    expect((await testSsoConnection(ctx, { issuer: idp.issuer, clientId: idp.clientId })).ok).toBe(true);
  });

  it("D3: Test connection runs discovery and says what failed", async () => {
    const { ctx } = await ssoOrg();
    expect(await testSsoConnection(ctx, { issuer: idp.issuer, clientId: idp.clientId })).toMatchObject({ ok: true, issuer: idp.issuer });
    const nothing = await testSsoConnection(ctx, { issuer: "http://localhost:1", clientId: "x" });
    expect(nothing).toMatchObject({ ok: false });
    expect(nothing.message).toMatch(/Nothing answered|could not be reached/);
    const wrongPath = await testSsoConnection(ctx, { issuer: `${idp.issuer}/not-here`, clientId: "x" });
    expect(wrongPath.ok).toBe(false);
  });
});

describe("D3 Settings → Single sign-on input", () => {
  it("D3: an empty or malformed issuer is a field error, not a server error", async () => {
    const { ctx, domainId } = await ssoOrg();
    for (const issuer of ["", "not a url", "https://acme.okta.com/?x=1", "ftp://acme.test"]) {
      expect(await refusal(updateSsoConnection(ctx, { issuer, clientId: "x", domainIds: [domainId] })), issuer).toBe("VALIDATION");
    }
  });
});
