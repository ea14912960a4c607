import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiTokens, auditLog, scimEvents } from "@/db/schema";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { SCIM } from "@/lib/scim/constants";
import { apiClient, tokenFor } from "../support/api";
import { setupTestDatabase } from "../support/db";
import { planWorld } from "../support/plans";
import { scimClient, scimTokenFor } from "../support/scim";

const t = setupTestDatabase();

describe("C1–C4 the SCIM door: its token and its discovery documents", () => {
  it("K1 a SCIM token is made by an Admin only, acts as an Admin, is stored hashed, audited and mailed", async () => {
    const w = await planWorld(t.db);
    const created = await scimTokenFor(w.ctx.admin, "Okta");
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row).toMatchObject({ kind: "scim", role: "admin" });
    expect(row.tokenHash).not.toContain(created.token);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.orgId, w.org.id), eq(auditLog.action, "scim_token.created")));
    expect(audit).toBeDefined();
    await expect(scimTokenFor(w.ctx.manager)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("RFC 7644 discovery: ServiceProviderConfig, Schemas and ResourceTypes in application/scim+json", async () => {
    const w = await planWorld(t.db);
    const scim = scimClient(w.org.slug, (await scimTokenFor(w.ctx.admin)).token);
    const config = await scim("GET", "/ServiceProviderConfig");
    expect(config.status).toBe(200);
    expect(config.headers.get("content-type")).toBe("application/scim+json");
    expect(config.body).toMatchObject({ schemas: [SCIM.serviceProviderConfig], patch: { supported: true }, bulk: { supported: false } });
    const schemas = await scim("GET", "/Schemas");
    expect(schemas.body.Resources.map((s: { id: string }) => s.id)).toEqual([SCIM.user, SCIM.group]);
    expect((await scim("GET", `/Schemas/${SCIM.user}`)).body).toMatchObject({ id: SCIM.user, name: "User" });
    expect((await scim("GET", "/Schemas/urn:nope")).status).toBe(404);
    const types = await scim("GET", "/ResourceTypes");
    expect(types.body).toMatchObject({ totalResults: 2, Resources: [{ id: "User", endpoint: "/Users" }, { id: "Group", endpoint: "/Groups" }] });
    expect((await scim("GET", "/ResourceTypes/Group")).body).toMatchObject({ id: "Group" });
  });

  it("K2 no token, a bad one, a revoked one or an API token: 401 in the SCIM Error schema; another organization's slug: 404", async () => {
    const w = await planWorld(t.db);
    const other = await planWorld(t.db);
    const { id, token } = await scimTokenFor(w.ctx.admin);
    for (const bad of [null, "sw_nope", (await tokenFor(w.ctx.admin, "admin")).token]) {
      const answer = await scimClient(w.org.slug, bad)("GET", "/ServiceProviderConfig");
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ schemas: [SCIM.error], status: "401" });
      expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    const elsewhere = await scimClient(other.org.slug, token)("GET", "/ServiceProviderConfig");
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body).toMatchObject({ schemas: [SCIM.error], status: "404" });
    // A SCIM token never opens the API either.
    expect((await apiClient(token).GET("/orgs/{org}/members", { params: { path: { org: w.org.slug }, query: {} } })).response.status).toBe(401);
    await revokeApiToken(w.ctx.admin, id).catch(() => undefined);
  });

  it("a refused SCIM request is in the provisioning log with its detail, never a 500 for a malformed body", async () => {
    const w = await planWorld(t.db);
    const scim = scimClient(w.org.slug, (await scimTokenFor(w.ctx.admin)).token);
    const answer = await scim("POST", "/Users", "{not json");
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ schemas: [SCIM.error], scimType: "invalidSyntax" });
    const events = await t.db.select().from(scimEvents).where(eq(scimEvents.orgId, w.org.id));
    expect(events).toEqual([expect.objectContaining({ method: "POST", path: "/Users", status: 400, summary: "The body is not valid JSON." })]);
  });
});
