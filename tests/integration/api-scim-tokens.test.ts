import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiTokens, auditLog } from "@/db/schema";
import { describeAuditEntry, sentenceText } from "@/lib/audit/describe";
import { apiClient, tokenFor } from "../support/api";
import { setupTestDatabase } from "../support/db";
import { planWorld } from "../support/plans";
import { scimClient, scimTokenFor } from "../support/scim";

const t = setupTestDatabase();

const scimTokenCount = (orgId: string) => t.db.select({ n: count() }).from(apiTokens).where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.kind, "scim")));

describe("K1 K3 POST /api/v1/orgs/{org}/scim/tokens (issue 17: provisioning can be scripted)", () => {
  it("K1 an Admin token gets a SCIM token once (201); it opens the SCIM door; audited via the API token", async () => {
    const w = await planWorld(t.db);
    const api = apiClient((await tokenFor(w.ctx.admin, "admin", "IT bot")).token);
    const created = await api.POST("/orgs/{org}/scim/tokens", { params: { path: { org: w.org.slug } }, body: { name: "Okta", expiresIn: "90" } });
    expect(created.response.status).toBe(201);
    expect(created.data).toMatchObject({ name: "Okta", token: expect.stringMatching(/^sw_[A-Za-z0-9_-]{43}$/) });
    const { id, token, prefix, expiresAt } = created.data!;
    expect(token.startsWith(prefix)).toBe(true);
    expect(Date.parse(expiresAt!) - Date.now()).toBeGreaterThan(89 * 24 * 3600 * 1000);
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(row).toMatchObject({ kind: "scim", role: "admin", createdBy: w.admin.id, prefix });

    const config = await scimClient(w.org.slug, token)("GET", "/ServiceProviderConfig");
    expect(config.status).toBe(200);
    // The SCIM token is not an API token, and no other organization's SCIM door opens with it.
    expect((await apiClient(token).GET("/orgs/{org}/members", { params: { path: { org: w.org.slug }, query: {} } })).response.status).toBe(401);
    expect((await scimClient(w.other.slug, token)("GET", "/ServiceProviderConfig")).status).toBe(404);

    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.orgId, w.org.id), eq(auditLog.action, "scim_token.created")));
    expect(audit.via).toMatchObject({ door: "api_token", name: "IT bot" });
    expect(JSON.stringify(audit)).not.toContain(token);
    const names = { people: new Map([[w.admin.id, "Ada"]]), subjects: new Map<string, string>(), orgName: w.org.name };
    expect(sentenceText(describeAuditEntry(audit, names))).toBe("Ada created the SCIM token 'Okta' via API token 'IT bot'");
  });

  it("K2 a Manager token is 403 and a User token too; nothing is created", async () => {
    const w = await planWorld(t.db);
    for (const role of ["manager", "user"] as const) {
      const answer = await apiClient((await tokenFor(w.ctx.admin, role)).token).POST("/orgs/{org}/scim/tokens", {
        params: { path: { org: w.org.slug } },
        body: { name: "Okta", expiresIn: "30" },
      });
      expect(answer.response.status).toBe(403);
      expect(answer.error).toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await scimTokenCount(w.org.id)).toEqual([{ n: 0 }]);
  });

  it("K3 another organization's slug is 404 like a missing one; a bad body is 400 on its fields; nothing is created", async () => {
    const w = await planWorld(t.db);
    const api = apiClient((await tokenFor(w.ctx.admin, "admin")).token);
    const elsewhere = await api.POST("/orgs/{org}/scim/tokens", { params: { path: { org: w.other.slug } }, body: { name: "Okta", expiresIn: "30" } });
    expect(elsewhere.response.status).toBe(404);
    expect(elsewhere.error).toMatchObject({ code: "NOT_FOUND" });
    const bad = await api.POST("/orgs/{org}/scim/tokens", { params: { path: { org: w.org.slug } }, body: { name: "", expiresIn: "400" } });
    expect(bad.response.status).toBe(400);
    expect(Object.keys((bad.error as { fields: Record<string, string[]> }).fields).sort()).toEqual(["expiresIn", "name"]);
    expect(await scimTokenCount(w.org.id)).toEqual([{ n: 0 }]);
    expect(await scimTokenCount(w.other.id)).toEqual([{ n: 0 }]);
  });

  it("K3 a POST with an Idempotency-Key happens once: the retry replays the first answer (the same token) and creates nothing more", async () => {
    const w = await planWorld(t.db);
    const api = apiClient((await tokenFor(w.ctx.admin, "admin")).token, { "idempotency-key": "scim-token-1" });
    const first = await api.POST("/orgs/{org}/scim/tokens", { params: { path: { org: w.org.slug } }, body: { name: "Entra", expiresIn: "never" } });
    const again = await api.POST("/orgs/{org}/scim/tokens", { params: { path: { org: w.org.slug } }, body: { name: "Entra", expiresIn: "never" } });
    expect(first.response.status).toBe(201);
    expect(again.response.status).toBe(201);
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    expect(again.data).toEqual(first.data);
    expect(first.data!.expiresAt).toBeNull();
    expect(await scimTokenCount(w.org.id)).toEqual([{ n: 1 }]);
    expect(await t.db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.orgId, w.org.id), eq(auditLog.action, "scim_token.created")))).toEqual([{ n: 1 }]);
    // The same key with another body is refused, not run.
    const other = await api.POST("/orgs/{org}/scim/tokens", { params: { path: { org: w.org.slug } }, body: { name: "Other", expiresIn: "30" } });
    expect(other.response.status).toBe(409);
    expect(other.error).toMatchObject({ code: "CONFLICT" });
    expect(await scimTokenCount(w.org.id)).toEqual([{ n: 1 }]);
  });

  it("K2 a SCIM token cannot reach the API, not even to make another SCIM token (401)", async () => {
    const w = await planWorld(t.db);
    const fromPage = await scimTokenFor(w.ctx.admin, "From the page");
    const api = apiClient(fromPage.token);
    const refused = await api.POST("/orgs/{org}/scim/tokens", { params: { path: { org: w.org.slug } }, body: { name: "Sneaky", expiresIn: "30" } });
    expect(refused.response.status).toBe(401);
    expect(await scimTokenCount(w.org.id)).toEqual([{ n: 1 }]);
  });
});
