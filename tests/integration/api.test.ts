import { actAs, form, idle } from "../support/next-mocks";
import { and, count, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiTokens, auditLog, emailOutbox, idempotencyKeys, invitations, memberships, ownershipTransfers, planUsers, surveys } from "@/db/schema";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { hashApiToken } from "@/lib/api-tokens/token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { createApiTokenSchema } from "@/lib/api-tokens/schemas";
import { createApiTokenAction, revokeApiTokenAction } from "@/app/o/[org]/settings/api-tokens/actions";
import { isAppError } from "@/lib/errors";
import { apiClient, rawApi } from "../support/api";
import { setupTestDatabase } from "../support/db";
import { makeInvitation, makeOrgWithMembers, makeSurvey } from "../support/factories";
import { addToPlan, contextOf, planWorld, roleOf } from "../support/plans";
import { itRace } from "../support/race";
import { addNamedMember, expectNoChange, uniqueEmail } from "../support/state";
import { contextOf as ctxOf } from "../support/api";

const t = setupTestDatabase({ poolSize: 40 });
const baseUrl = "http://localhost:3000";

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

afterEach(() => {
  delete process.env.SEATWISE_API_RATE_LIMIT_PER_MINUTE;
});

describe("K1 API tokens", () => {
  it("K1 a token is sw_ + 256 bits, shown once, stored only as its SHA-256 with a prefix; creation is audited and emailed to the creator", async () => {
    const w = await planWorld(t.db);
    const created = await createApiToken(w.ctx.admin, { name: "HR sync", role: "manager", expiresIn: "30" }, { baseUrl });
    expect(created.token).toMatch(/^sw_[A-Za-z0-9_-]{43}$/);
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row.tokenHash).toBe(hashApiToken(created.token));
    expect(Object.values(row).some((v) => typeof v === "string" && v.includes(created.token))).toBe(false);
    expect(created.token.startsWith(row.prefix)).toBe(true);
    expect(row).toMatchObject({ kind: "api", role: "manager", createdBy: w.admin.id, revokedAt: null });
    expect(row.expiresAt!.getTime() - row.createdAt.getTime()).toBe(30 * 24 * 3600 * 1000);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "api_token.created"), eq(auditLog.subjectId, created.id)));
    expect(audit.after).toMatchObject({ name: "HR sync", role: "manager", prefix: row.prefix });
    expect(JSON.stringify(audit)).not.toContain(created.token);
    const mails = await t.db.select().from(emailOutbox).where(and(eq(emailOutbox.to, w.admin.email), eq(emailOutbox.template, "api-token-created")));
    expect(mails).toHaveLength(1);
    expect(JSON.stringify(mails[0])).not.toContain(created.token);
  });

  it("K1 only Admins create tokens, never above their own role, expiring within a year; a refusal writes nothing", async () => {
    const w = await planWorld(t.db);
    const before = await t.db.select({ n: count() }).from(apiTokens);
    expect(await codeOf(createApiToken(w.ctx.manager, { name: "x", role: "user", expiresIn: "30" }, { baseUrl }))).toBe("FORBIDDEN");
    expect(await codeOf(createApiToken(w.ctx.user, { name: "x", role: "user", expiresIn: "30" }, { baseUrl }))).toBe("FORBIDDEN");
    expect(await t.db.select({ n: count() }).from(apiTokens)).toEqual(before);
    expect(createApiTokenSchema.safeParse({ name: "x", role: "user", expiresIn: "366" }).success).toBe(false);
    expect(createApiTokenSchema.safeParse({ name: "x", role: "user", expiresIn: "365" }).success).toBe(true);
    expect(createApiTokenSchema.safeParse({ name: "x", role: "owner", expiresIn: "30" }).success).toBe(false);
  });

  it("K1 the settings page's actions: an Admin gets the token once; a Manager's forged POST is refused and writes nothing", async () => {
    const w = await planWorld(t.db);
    actAs(w.admin.id);
    const created = await createApiTokenAction(idle, form({ org: w.org.slug, name: "From the page", role: "manager", expiresIn: "365" }));
    expect(created.ok).toBe(true);
    const { token } = created.data as { token: string };
    expect((await rawApi("GET", `/orgs/${w.org.slug}/plans`, token)).status).toBe(200);
    const tooHigh = await createApiTokenAction(idle, form({ org: w.org.slug, name: "x", role: "admin", expiresIn: "366" }));
    expect(tooHigh.code).toBe("VALIDATION");
    actAs(w.manager.id);
    const before = await t.db.select({ n: count() }).from(apiTokens);
    expect((await createApiTokenAction(idle, form({ org: w.org.slug, name: "x", role: "user", expiresIn: "30" }))).code).toBe("FORBIDDEN");
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.tokenHash, hashApiToken(token)));
    expect((await revokeApiTokenAction(idle, form({ org: w.org.slug, tokenId: row.id }))).code).toBe("FORBIDDEN");
    expect(await t.db.select({ n: count() }).from(apiTokens)).toEqual(before);
    expect((await t.db.select().from(apiTokens).where(eq(apiTokens.id, row.id)))[0].revokedAt).toBeNull();
    actAs(w.admin.id);
    expect((await revokeApiTokenAction(idle, form({ org: w.org.slug, tokenId: row.id }))).ok).toBe(true);
    expect((await rawApi("GET", `/orgs/${w.org.slug}/plans`, token)).status).toBe(401);
  });

  it("K1 a revoked token is refused on its very next request (401), and revoking is audited", async () => {
    const w = await planWorld(t.db);
    const { id, token } = await createApiToken(w.ctx.admin, { name: "Soon gone", role: "admin", expiresIn: "30" }, { baseUrl });
    const api = apiClient(token);
    expect((await api.GET("/orgs/{org}/members", { params: { path: { org: w.org.slug } } })).response.status).toBe(200);
    await revokeApiToken(w.ctx.admin, id);
    const after = await api.GET("/orgs/{org}/members", { params: { path: { org: w.org.slug } } });
    expect(after.response.status).toBe(401);
    expect(after.error?.code).toBe("UNAUTHENTICATED");
    expect(after.response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await t.db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.action, "api_token.revoked"), eq(auditLog.subjectId, id)))).toEqual([{ n: 1 }]);
    // Another organization's Admin cannot revoke it: not found.
    const other = await createApiToken(w.ctx.admin, { name: "Kept", role: "user", expiresIn: "30" }, { baseUrl });
    expect(await codeOf(revokeApiToken(w.ctx.otherAdmin, other.id))).toBe("NOT_FOUND");
  });

  it("K1 unknown, malformed, missing and expired tokens are 401 problems", async () => {
    const w = await planWorld(t.db);
    const { id, token } = await createApiToken(w.ctx.admin, { name: "Old", role: "admin", expiresIn: "7" }, { baseUrl });
    await t.db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.id, id));
    for (const bearer of [token, `sw_${"A".repeat(43)}`, "not-a-token", null]) {
      const res = await rawApi("GET", `/orgs/${w.org.slug}/members`, bearer);
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
  });
});

describe("K2 a token acts as a member of its role, never above its creator", () => {
  it("K2 a User token cannot change roles or invite (403) and changes nothing", async () => {
    const w = await planWorld(t.db);
    const { token } = await createApiToken(w.ctx.admin, { name: "Reader", role: "user", expiresIn: "30" }, { baseUrl });
    const api = apiClient(token);
    await expectNoChange(t.db, async () => {
      const role = await api.PATCH("/orgs/{org}/members/{userId}", { params: { path: { org: w.org.slug, userId: w.user2.id } }, body: { role: "manager" } });
      expect(role.response.status).toBe(403);
      expect(role.error?.code).toBe("FORBIDDEN");
      const invite = await api.POST("/orgs/{org}/invitations", { params: { path: { org: w.org.slug } }, body: { emails: [uniqueEmail()], role: "user" } });
      expect(invite.response.status).toBe(403);
      const suspend = await api.PATCH("/orgs/{org}/members/{userId}", { params: { path: { org: w.org.slug, userId: w.user2.id } }, body: { status: "suspended" } });
      expect(suspend.response.status).toBe(403);
      const list = await api.GET("/orgs/{org}/invitations", { params: { path: { org: w.org.slug } } });
      expect(list.response.status).toBe(403);
      const activity = await api.GET("/orgs/{org}/activity", { params: { path: { org: w.org.slug } } });
      expect(activity.response.status).toBe(403);
    });
    // Reading the member list is every member's (the Users page).
    expect((await api.GET("/orgs/{org}/members", { params: { path: { org: w.org.slug } } })).response.status).toBe(200);
  });

  it("K2 a Manager token cannot create an Admin, by invitation or by role change (R1, R3)", async () => {
    const w = await planWorld(t.db);
    const { token } = await createApiToken(w.ctx.admin, { name: "Mgr", role: "manager", expiresIn: "30" }, { baseUrl });
    const api = apiClient(token);
    await expectNoChange(t.db, async () => {
      const invite = await api.POST("/orgs/{org}/invitations", { params: { path: { org: w.org.slug } }, body: { emails: [uniqueEmail()], role: "admin" } });
      expect(invite.response.status).toBe(403);
      const promote = await api.PATCH("/orgs/{org}/members/{userId}", { params: { path: { org: w.org.slug, userId: w.user.id } }, body: { role: "admin" } });
      expect(promote.response.status).toBe(403);
    });
    // What a Manager may do, it does: invite a User.
    const ok = await api.POST("/orgs/{org}/invitations", { params: { path: { org: w.org.slug } }, body: { emails: [uniqueEmail()], role: "user" } });
    expect(ok.data?.results[0].outcome).toBe("invited");
  });

  it("K2 R8 a token stops working when its creator is demoted below it, suspended or gone (401), and works again with the role back", async () => {
    const w = await planWorld(t.db);
    // A second Admin (not a plan's subscriber, so their membership can be removed below) makes the tokens.
    const creator = (await addNamedMember(t.db, w.org.id, "admin")).user;
    const creatorCtx = contextOf(w.org, creator, "admin");
    const { token } = await createApiToken(creatorCtx, { name: "Admin token", role: "admin", expiresIn: "30" }, { baseUrl });
    const userToken = (await createApiToken(creatorCtx, { name: "User token", role: "user", expiresIn: "30" }, { baseUrl })).token;
    const list = (tk: string) => apiClient(tk).GET("/orgs/{org}/members", { params: { path: { org: w.org.slug } } });
    expect((await list(token)).response.status).toBe(200);
    const setRole = (role: "admin" | "manager") =>
      t.db.update(memberships).set({ role }).where(and(eq(memberships.orgId, w.org.id), eq(memberships.userId, creator.id)));
    await setRole("manager");
    expect((await list(token)).response.status).toBe(401);
    // A User token of the same creator is still within their role.
    expect((await list(userToken)).response.status).toBe(200);
    await setRole("admin");
    expect((await list(token)).response.status).toBe(200);
    await t.db.update(memberships).set({ status: "suspended" }).where(and(eq(memberships.orgId, w.org.id), eq(memberships.userId, creator.id)));
    expect((await list(userToken)).response.status).toBe(401);
    await t.db.update(memberships).set({ status: "active" }).where(and(eq(memberships.orgId, w.org.id), eq(memberships.userId, creator.id)));
    expect((await list(userToken)).response.status).toBe(200);
    await t.db.delete(memberships).where(and(eq(memberships.orgId, w.org.id), eq(memberships.userId, creator.id)));
    expect((await list(userToken)).response.status).toBe(401);
  });

  it("K2 R8 a creator demoted during a request: the service reads the role again under its lock and refuses", async () => {
    const w = await planWorld(t.db);
    const { token } = await createApiToken(w.ctx.admin, { name: "Admin token", role: "admin", expiresIn: "30" }, { baseUrl });
    const { authenticateApiToken } = await import("@/lib/api-tokens/authenticate");
    const ctx = await authenticateApiToken(`Bearer ${token}`, w.org.slug);
    await t.db.update(memberships).set({ role: "user" }).where(and(eq(memberships.orgId, w.org.id), eq(memberships.userId, w.admin.id)));
    const { changeMemberRole } = await import("@/lib/members/update-member");
    expect(await codeOf(changeMemberRole(ctx, w.user.id, "manager", { baseUrl }))).toBe("UNAUTHENTICATED");
    expect(await roleOf(t.db, w.org.id, w.user.id)).toBe("user");
  });
});

describe("K3 the API answers problem details, and another organization's ids are not found", () => {
  it("K3 another organization's ids answer 404 exactly like ids that do not exist", async () => {
    const w = await planWorld(t.db);
    const { token } = await createApiToken(w.ctx.admin, { name: "Admin", role: "admin", expiresIn: "30" }, { baseUrl });
    const api = apiClient(token);
    const strangerInvite = (await makeInvitation(t.db, w.other.id, w.otherAdmin.id)).invitation;
    const strangerSurvey = await makeSurvey(t.db, w.other.id, w.otherAdmin.id);
    const missing = "00000000-0000-4000-8000-000000000000";
    const org = w.org.slug;
    const answers = async (ids: { user: string; plan: string; invitation: string; survey: string }) => [
      (await api.GET("/orgs/{org}/members/{userId}", { params: { path: { org, userId: ids.user } } })).response.status,
      (await api.PATCH("/orgs/{org}/members/{userId}", { params: { path: { org, userId: ids.user } }, body: { status: "suspended" } })).response.status,
      (await api.DELETE("/orgs/{org}/members/{userId}", { params: { path: { org, userId: ids.user } } })).response.status,
      (await api.GET("/orgs/{org}/plans/{planId}/users", { params: { path: { org, planId: ids.plan }, query: {} } })).response.status,
      (await api.POST("/orgs/{org}/plans/{planId}/users", { params: { path: { org, planId: ids.plan } }, body: { userId: w.user.id } })).response.status,
      (await api.POST("/orgs/{org}/invitations/{id}/resend", { params: { path: { org, id: ids.invitation } } })).response.status,
      (await api.DELETE("/orgs/{org}/invitations/{id}", { params: { path: { org, id: ids.invitation } } })).response.status,
      (await api.POST("/orgs/{org}/surveys/{id}/transfer", { params: { path: { org, id: ids.survey } }, body: { toUserId: w.user.id } })).response.status,
      (await api.POST("/orgs/{org}/plans/{planId}/users", { params: { path: { org, planId: w.plan.id } }, body: { userId: ids.user } })).response.status,
    ];
    const stranger = await expectNoChange(t.db, () => answers({ user: w.otherAdmin.id, plan: w.otherPlan.id, invitation: strangerInvite.id, survey: strangerSurvey.id }));
    const nobody = await answers({ user: missing, plan: missing, invitation: missing, survey: missing });
    expect(stranger).toEqual(nobody);
    expect(new Set(stranger)).toEqual(new Set([404]));
    // The token on another organization's URL: as if it did not exist.
    expect((await api.GET("/orgs/{org}/members", { params: { path: { org: w.other.slug } } })).response.status).toBe(404);
    expect((await api.GET("/orgs/{org}/members", { params: { path: { org: "no-such-org" } } })).response.status).toBe(404);
  });

  it("K3 errors are application/problem+json with type, title, status, detail and code; VALIDATION names the fields", async () => {
    const w = await planWorld(t.db);
    await makeSurvey(t.db, w.org.id, w.user.id);
    const { token } = await createApiToken(w.ctx.admin, { name: "Admin", role: "admin", expiresIn: "30" }, { baseUrl });
    const refused = await rawApi("DELETE", `/orgs/${w.org.slug}/members/${w.user.id}`, token);
    expect(refused.status).toBe(409);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    const body = await refused.json();
    expect(body).toMatchObject({ status: 409, code: "HAS_DEPENDENTS", title: expect.any(String), detail: expect.any(String), type: expect.stringMatching(/^\/docs\/api#problem-has-dependents$/) });
    const invalid = await rawApi("POST", `/orgs/${w.org.slug}/invitations`, token, { body: JSON.stringify({ emails: "a@b.c", role: "boss" }) });
    expect(invalid.status).toBe(400);
    const problem = await invalid.json();
    expect(problem.code).toBe("VALIDATION");
    expect(Object.keys(problem.fields)).toEqual(expect.arrayContaining(["emails", "role"]));
  });

  it("K3 §10 malformed input (NUL bytes, 100k characters, 1e20, wrong types, broken JSON) is a 400 problem, never a 500, and changes nothing", async () => {
    const w = await planWorld(t.db);
    const { token } = await createApiToken(w.ctx.admin, { name: "Fuzz", role: "admin", expiresIn: "30" }, { baseUrl });
    const org = w.org.slug;
    const bodies: unknown[] = [
      { emails: ["a\u0000@example.test"], role: "user" },
      { emails: ["ok@example.test"], role: "user", firstName: "x".repeat(100_000) },
      { emails: ["x".repeat(100_000)], role: "user" },
      { emails: Array.from({ length: 1000 }, (_, i) => `p${i}@example.test`), role: "user" },
      { emails: [1e20], role: "user" },
      { emails: ["ok@example.test"], role: 5 },
      { emails: ["ok@example.test"], role: "user", planIds: ["not-a-uuid"] },
      { emails: ["ok@example.test"], role: "user", extra: true },
      [],
      "just a string",
      null,
    ];
    await expectNoChange(t.db, async () => {
      for (const body of bodies) {
        const res = await rawApi("POST", `/orgs/${org}/invitations`, token, { body: JSON.stringify(body) });
        expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
        expect((await res.json()).code).toBe("VALIDATION");
      }
      for (const raw of ["{", "{\"emails\":", "\u0000", "x".repeat(300_000)]) {
        expect((await rawApi("POST", `/orgs/${org}/invitations`, token, { body: raw })).status).toBe(400);
      }
      for (const query of ["limit=1e20", "limit=0", "limit=201", "role=owner", "q=%00", `q=${"x".repeat(5000)}`, "cursor=%%%", "cursor=bm9wZQ"]) {
        const res = await rawApi("GET", `/orgs/${org}/members?${query}`, token);
        expect(res.status, query).toBe(400);
      }
      expect((await rawApi("PATCH", `/orgs/${org}/members/${w.user.id}`, token, { body: JSON.stringify({ role: "manager", status: "suspended" }) })).status).toBe(400);
      expect((await rawApi("GET", `/orgs/${org}/members/not-a-uuid%00`, token)).status).toBe(404);
      expect((await rawApi("GET", `/orgs/${org}/activity?from=2026-13-45`, token)).status).toBe(400);
    });
  });
});

describe("K3 Idempotency-Key", () => {
  it("K3 a retry with the same key returns the first answer and does nothing twice; the same key with another body is refused", async () => {
    const w = await planWorld(t.db, { tier: "enterprise" });
    const { token } = await createApiToken(w.ctx.admin, { name: "HR sync", role: "admin", expiresIn: "30" }, { baseUrl });
    const email = uniqueEmail("once");
    const api = apiClient(token, { "idempotency-key": "hire-42" });
    const first = await api.POST("/orgs/{org}/invitations", { params: { path: { org: w.org.slug } }, body: { emails: [email], role: "user" } });
    const again = await api.POST("/orgs/{org}/invitations", { params: { path: { org: w.org.slug } }, body: { emails: [email], role: "user" } });
    expect(first.data?.results[0].outcome).toBe("invited");
    expect(again.data).toEqual(first.data);
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    expect(await t.db.select({ n: count() }).from(invitations).where(eq(invitations.email, email))).toEqual([{ n: 1 }]);
    expect(await t.db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.action, "invitation.created"), eq(auditLog.orgId, w.org.id)))).toEqual([{ n: 1 }]);
    const other = await api.POST("/orgs/{org}/invitations", { params: { path: { org: w.org.slug } }, body: { emails: [uniqueEmail()], role: "user" } });
    expect(other.response.status).toBe(409);
    expect(other.error?.code).toBe("CONFLICT");
    // A refusal is a first answer too: retried, it is the same refusal (and R5 still holds).
    await makeSurvey(t.db, w.org.id, w.user.id);
    const keyed = apiClient(token, { "idempotency-key": "transfer-1" });
    const a = await keyed.POST("/orgs/{org}/surveys/{id}/transfer", { params: { path: { org: w.org.slug, id: "00000000-0000-4000-8000-000000000000" } }, body: { toUserId: w.user.id } });
    const b = await keyed.POST("/orgs/{org}/surveys/{id}/transfer", { params: { path: { org: w.org.slug, id: "00000000-0000-4000-8000-000000000000" } }, body: { toUserId: w.user.id } });
    expect([a.response.status, b.response.status]).toEqual([404, 404]);
    expect(b.response.headers.get("idempotent-replayed")).toBe("true");
    expect(await t.db.select({ n: count() }).from(idempotencyKeys)).not.toEqual([{ n: 0 }]);
    // After 24 hours the key answers nothing any more: the same request runs again (a resend, I1).
    await t.db.update(idempotencyKeys).set({ createdAt: new Date(Date.now() - 25 * 3600 * 1000) }).where(eq(idempotencyKeys.key, "hire-42"));
    const later = await api.POST("/orgs/{org}/invitations", { params: { path: { org: w.org.slug } }, body: { emails: [email], role: "user" } });
    expect(later.response.headers.get("idempotent-replayed")).toBeNull();
    expect(later.data?.results[0].outcome).toBe("resent");
  });

  itRace("K3 the same Idempotency-Key sent 10 times at once makes one invitation, and all 10 get its answer", async () => {
    const w = await planWorld(t.db, { tier: "enterprise" });
    const { token } = await createApiToken(w.ctx.admin, { name: "HR sync", role: "admin", expiresIn: "30" }, { baseUrl });
    const email = uniqueEmail("burst");
    const api = apiClient(token, { "idempotency-key": `burst-${email}` });
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => api.POST("/orgs/{org}/invitations", { params: { path: { org: w.org.slug } }, body: { emails: [email], role: "user" } })),
    );
    expect(answers.map((a) => a.response.status)).toEqual(Array(10).fill(200));
    expect(new Set(answers.map((a) => JSON.stringify(a.data))).size).toBe(1);
    expect(answers[0].data?.results[0].outcome).toBe("invited");
    expect(await t.db.select({ n: count() }).from(invitations).where(eq(invitations.email, email))).toEqual([{ n: 1 }]);
    expect(await t.db.select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.to, email))).toEqual([{ n: 1 }]);
  });
});

describe("T5 through the API", () => {
  itRace("T5 20 concurrent POST /invitations for the last seat: exactly one is admitted", async () => {
    // Free tier, 4 seats: 3 members, one seat left.
    const { org, members } = await makeOrgWithMembers(t.db, "free", ["admin", "manager", "user"]);
    const admin = ctxOf(org, members[0]);
    const tokens = await Promise.all([0, 1, 2, 3].map((i) => createApiToken(admin, { name: `t${i}`, role: "admin", expiresIn: "30" }, { baseUrl })));
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        apiClient(tokens[i % 4].token).POST("/orgs/{org}/invitations", { params: { path: { org: org.slug } }, body: { emails: [uniqueEmail(`last${i}`)], role: "user" } }),
      ),
    );
    const outcomes = answers.map((a) => a.data?.results[0].outcome);
    expect(outcomes.filter((o) => o === "invited")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "no_seat")).toHaveLength(19);
    expect(await t.db.select({ n: count() }).from(invitations).where(and(eq(invitations.orgId, org.id), eq(invitations.status, "pending")))).toEqual([{ n: 1 }]);
  });
});

describe("K3 per-token rate limit", () => {
  it("K3 over the per-token limit the API answers 429 with Retry-After, and other tokens are not limited", async () => {
    const w = await planWorld(t.db);
    const busy = await createApiToken(w.ctx.admin, { name: "Busy", role: "admin", expiresIn: "30" }, { baseUrl });
    const calm = await createApiToken(w.ctx.admin, { name: "Calm", role: "admin", expiresIn: "30" }, { baseUrl });
    process.env.SEATWISE_API_RATE_LIMIT_PER_MINUTE = "3";
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 8; i++) {
      const res = await rawApi("GET", `/orgs/${w.org.slug}/plans`, busy.token);
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = res.headers.get("retry-after");
        expect(res.headers.get("content-type")).toBe("application/problem+json");
        expect((await res.json()).code).toBe("RATE_LIMITED");
      }
    }
    // Whatever minute boundary falls inside the 8 requests, at least two of them are over 3 a minute.
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    expect((await rawApi("GET", `/orgs/${w.org.slug}/plans`, calm.token)).status).toBe(200);
  });
});

describe("§11 Activity names the door", () => {
  it("§11 A1 changes made with a token are audited as its creator 'via API token' and read so in Activity", async () => {
    const w = await planWorld(t.db, { tier: "enterprise" });
    const { token } = await createApiToken(w.ctx.admin, { name: "HR sync", role: "admin", expiresIn: "30" }, { baseUrl });
    const api = apiClient(token);
    const email = uniqueEmail("via");
    await api.POST("/orgs/{org}/invitations", { params: { path: { org: w.org.slug } }, body: { emails: [email], role: "user" } });
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.orgId, w.org.id), eq(auditLog.action, "invitation.created")));
    expect(entry.actorId).toBe(w.admin.id);
    expect(entry.via).toMatchObject({ door: "api_token", name: "HR sync" });
    const activity = await api.GET("/orgs/{org}/activity", { params: { path: { org: w.org.slug }, query: { action: "invitation.created" } } });
    expect(activity.data?.data[0].sentence).toMatch(/via API token 'HR sync'$/);
    // The page's own changes have no door.
    const [created] = await t.db.select().from(auditLog).where(and(eq(auditLog.orgId, w.org.id), eq(auditLog.action, "api_token.created")));
    expect(created.via).toBeNull();
  });
});

describe("The endpoints call the same services as the pages", () => {
  it("#16 members: cursor pages and filters; suspend and re-activate (R9); Delete User (R4–R6)", async () => {
    const w = await planWorld(t.db);
    const { token } = await createApiToken(w.ctx.admin, { name: "Admin", role: "admin", expiresIn: "30" }, { baseUrl });
    const api = apiClient(token);
    const org = w.org.slug;
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.GET("/orgs/{org}/members", { params: { path: { org }, query: { limit: 2, cursor } } });
      expect(page.response.status).toBe(200);
      seen.push(...page.data!.data.map((m) => m.userId));
      cursor = page.data!.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual([w.admin.id, w.manager.id, w.user.id, w.user2.id].sort());
    const users = await api.GET("/orgs/{org}/members", { params: { path: { org }, query: { role: "user" } } });
    expect(users.data!.data.map((m) => m.userId).sort()).toEqual([w.user.id, w.user2.id].sort());
    const suspended = await api.PATCH("/orgs/{org}/members/{userId}", { params: { path: { org, userId: w.user2.id } }, body: { status: "suspended" } });
    expect(suspended.data?.status).toBe("suspended");
    expect((await api.GET("/orgs/{org}/members", { params: { path: { org }, query: { status: "suspended" } } })).data!.data.map((m) => m.userId)).toEqual([w.user2.id]);
    const promoted = await api.PATCH("/orgs/{org}/members/{userId}", { params: { path: { org, userId: w.user.id } }, body: { role: "manager" } });
    expect(promoted.data?.role).toBe("manager");
    // R7: the last Admin cannot step down.
    const stepDown = await api.PATCH("/orgs/{org}/members/{userId}", { params: { path: { org, userId: w.admin.id } }, body: { role: "user" } });
    expect(stepDown.error?.code).toBe("LAST_ADMIN");
    // R5: a member who owns a survey is not deleted; after transferring it, they are.
    const survey = await makeSurvey(t.db, w.org.id, w.user2.id);
    await api.PATCH("/orgs/{org}/members/{userId}", { params: { path: { org, userId: w.user2.id } }, body: { status: "active" } });
    const blocked = await api.DELETE("/orgs/{org}/members/{userId}", { params: { path: { org, userId: w.user2.id } } });
    expect(blocked.response.status).toBe(409);
    expect(blocked.error?.code).toBe("HAS_DEPENDENTS");
    const moved = await api.POST("/orgs/{org}/surveys/{id}/transfer", { params: { path: { org, id: survey.id } }, body: { toUserId: w.admin.id } });
    expect(moved.response.status).toBe(204);
    expect((await t.db.select().from(surveys).where(eq(surveys.id, survey.id)))[0].ownerId).toBe(w.admin.id);
    const deleted = await api.DELETE("/orgs/{org}/members/{userId}", { params: { path: { org, userId: w.user2.id } } });
    expect(deleted.response.status).toBe(204);
    expect(await roleOf(t.db, w.org.id, w.user2.id)).toBeUndefined();
    const list = await api.GET("/orgs/{org}/surveys", { params: { path: { org }, query: {} } });
    expect(list.data!.data.map((s) => s.id)).toContain(survey.id);
  });

  it("#16 invitations: list, resend and revoke", async () => {
    const w = await planWorld(t.db);
    const { token } = await createApiToken(w.ctx.admin, { name: "Admin", role: "admin", expiresIn: "30" }, { baseUrl });
    const api = apiClient(token);
    const org = w.org.slug;
    const invited = await api.POST("/orgs/{org}/invitations", { params: { path: { org } }, body: { emails: [uniqueEmail("a"), "not an email"], role: "user" } });
    expect(invited.data!.results.map((r) => r.outcome)).toEqual(["invited", "malformed"]);
    const id = invited.data!.results[0].invitationId!;
    const list = await api.GET("/orgs/{org}/invitations", { params: { path: { org } } });
    expect(list.data!.data.map((i) => i.id)).toContain(id);
    expect((await api.POST("/orgs/{org}/invitations/{id}/resend", { params: { path: { org, id } } })).response.status).toBe(204);
    expect((await api.DELETE("/orgs/{org}/invitations/{id}", { params: { path: { org, id } } })).response.status).toBe(204);
    expect((await t.db.select().from(invitations).where(eq(invitations.id, id)))[0].status).toBe("revoked");
  });

  it("#16 plans: users, add, permissions, P6 preview without change, remove; Transfer Ownership and cancel (O1)", async () => {
    const w = await planWorld(t.db);
    const { token } = await createApiToken(w.ctx.admin, { name: "Admin", role: "admin", expiresIn: "30" }, { baseUrl });
    const api = apiClient(token);
    const org = w.org.slug;
    const plans = await api.GET("/orgs/{org}/plans", { params: { path: { org } } });
    expect(plans.data!.data.map((p) => p.id)).toEqual([w.plan.id]);
    const added = await api.POST("/orgs/{org}/plans/{planId}/users", { params: { path: { org, planId: w.plan.id } }, body: { userId: w.user.id } });
    expect(added.response.status).toBe(201);
    const users = await api.GET("/orgs/{org}/plans/{planId}/users", { params: { path: { org, planId: w.plan.id }, query: {} } });
    expect(users.data!.data.map((u) => u.userId)).toEqual(expect.arrayContaining([w.admin.id, w.manager.id, w.user.id]));
    expect(users.data!.data[0].isSubscriber).toBe(true);
    const perms = await api.PATCH("/orgs/{org}/plans/{planId}/users/{userId}", { params: { path: { org, planId: w.plan.id, userId: w.user.id } }, body: { permissions: ["nope"] } });
    expect(perms.response.status).toBe(400);
    const preview = await expectNoChange(t.db, () =>
      api.DELETE("/orgs/{org}/plans/{planId}/users/{userId}", { params: { path: { org, planId: w.plan.id, userId: w.user.id }, query: { preview: "true" } } }),
    );
    expect(preview.data).toEqual({ preview: true, effects: { workflows: 0, toInbox: 0, toOutbox: 0 } });
    const subscriber = await api.DELETE("/orgs/{org}/plans/{planId}/users/{userId}", { params: { path: { org, planId: w.plan.id, userId: w.admin.id }, query: { preview: "true" } } });
    expect(subscriber.error?.code).toBe("HAS_DEPENDENTS");
    const removed = await api.DELETE("/orgs/{org}/plans/{planId}/users/{userId}", { params: { path: { org, planId: w.plan.id, userId: w.user.id }, query: {} } });
    expect(removed.data?.preview).toBe(false);
    expect(await t.db.select().from(planUsers).where(and(eq(planUsers.planId, w.plan.id), eq(planUsers.userId, w.user.id)))).toEqual([]);
    const transfer = await api.POST("/orgs/{org}/plans/{planId}/transfers", { params: { path: { org, planId: w.plan.id } }, body: { toUserId: w.manager.id } });
    expect(transfer.response.status).toBe(201);
    const transferId = transfer.data!.transferId;
    expect((await api.DELETE("/orgs/{org}/transfers/{id}", { params: { path: { org, id: transferId } } })).response.status).toBe(204);
    expect((await t.db.select().from(ownershipTransfers).where(eq(ownershipTransfers.id, transferId)))[0].state).toBe("cancelled");
    // K2: a Manager token of the Admin who subscribes acts as that subscriber with the Manager role,
    // so P7 (the subscriber manages the plan's users) lets it remove a plan user.
    const mgr = await createApiToken(w.ctx.admin, { name: "Mgr", role: "manager", expiresIn: "30" }, { baseUrl });
    await addToPlan(t.db, w.plan, w.user2.id);
    const bySubscriber = await apiClient(mgr.token).DELETE("/orgs/{org}/plans/{planId}/users/{userId}", { params: { path: { org, planId: w.plan.id, userId: w.user2.id }, query: {} } });
    expect(bySubscriber.response.status).toBe(200);
  });
});

describe("Security: no token in any log", () => {
  it("§10 no API token value appears in any log line, whatever the request", async () => {
    const w = await planWorld(t.db);
    const { token, id } = await createApiToken(w.ctx.admin, { name: "Quiet", role: "admin", expiresIn: "30" }, { baseUrl });
    const lines: string[] = [];
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" "))),
    );
    try {
      await rawApi("GET", `/orgs/${w.org.slug}/members`, token);
      await rawApi("POST", `/orgs/${w.org.slug}/invitations`, token, { body: "{broken" });
      await rawApi("GET", `/orgs/${w.other.slug}/members`, token);
      await revokeApiToken(w.ctx.admin, id);
      await rawApi("GET", `/orgs/${w.org.slug}/members`, token);
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
    expect(lines.join("\n")).not.toContain(token);
    expect(lines.join("\n")).not.toContain(token.slice(3));
  });
});
