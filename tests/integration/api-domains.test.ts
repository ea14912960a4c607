import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, emailOutbox, orgDomains, ssoConnections } from "@/db/schema";
import { verifyDomain } from "@/lib/domains/verify-domain";
import { apiClient, tokenFor } from "../support/api";
import { setupTestDatabase } from "../support/db";
import { rendered } from "../support/email";
import { planWorld } from "../support/plans";

const t = setupTestDatabase();
let n = 0;
const uniqueDomain = () => `api-${Date.now().toString(36)}-${n++}.test`;

async function verificationToken(address: string) {
  const [mail] = await rendered(t.db.select().from(emailOutbox).where(and(eq(emailOutbox.to, address), eq(emailOutbox.template, "domain-verification"))));
  return /\/domains\/verify\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
}

describe("D1 D3 domains and single sign-on through the API (the same services as Settings)", () => {
  it("D1 K2 an Admin token adds a domain (pending until its link is followed), lists it and removes it; audited via the token", async () => {
    const w = await planWorld(t.db);
    const api = apiClient((await tokenFor(w.ctx.admin, "admin", "IT bot")).token);
    const domain = uniqueDomain();
    const added = await api.POST("/orgs/{org}/domains", { params: { path: { org: w.org.slug } }, body: { domain, email: `it@${domain}` } });
    expect(added.response.status).toBe(201);
    expect(added.data).toMatchObject({ domain, status: "pending", verificationEmail: `it@${domain}` });
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.orgId, w.org.id), eq(auditLog.action, "domain.added")));
    expect(audit.via).toMatchObject({ door: "api_token", name: "IT bot" });

    await verifyDomain(await verificationToken(`it@${domain}`));
    const listed = await api.GET("/orgs/{org}/domains", { params: { path: { org: w.org.slug } } });
    expect(listed.data!.data).toEqual([expect.objectContaining({ id: added.data!.id, domain, status: "verified" })]);

    const removed = await api.DELETE("/orgs/{org}/domains/{id}", { params: { path: { org: w.org.slug, id: added.data!.id } } });
    expect(removed.response.status).toBe(204);
    expect(await t.db.select({ n: count() }).from(orgDomains).where(eq(orgDomains.orgId, w.org.id))).toEqual([{ n: 0 }]);
  });

  it("D1 K2 a Manager token is 403, a public mail domain a 400 on its field, another organization's domain 404 — nothing written", async () => {
    const w = await planWorld(t.db);
    const manager = apiClient((await tokenFor(w.ctx.admin, "manager")).token);
    const domain = uniqueDomain();
    const refused = await manager.POST("/orgs/{org}/domains", { params: { path: { org: w.org.slug } }, body: { domain, email: `it@${domain}` } });
    expect(refused.response.status).toBe(403);
    const admin = apiClient((await tokenFor(w.ctx.admin, "admin")).token);
    const publicDomain = await admin.POST("/orgs/{org}/domains", { params: { path: { org: w.org.slug } }, body: { domain: "gmail.com", email: "it@gmail.com" } });
    expect(publicDomain.response.status).toBe(400);
    expect(publicDomain.error).toMatchObject({ code: "VALIDATION" });
    expect(Object.keys((publicDomain.error as { fields: Record<string, string[]> }).fields)).toContain("domain");
    expect(await t.db.select({ n: count() }).from(orgDomains).where(eq(orgDomains.orgId, w.org.id))).toEqual([{ n: 0 }]);

    const theirs = await apiClient((await tokenFor(w.ctx.otherAdmin, "admin")).token).POST("/orgs/{org}/domains", {
      params: { path: { org: w.other.slug } },
      body: { domain, email: `it@${domain}` },
    });
    expect(theirs.response.status).toBe(201);
    const foreign = await admin.DELETE("/orgs/{org}/domains/{id}", { params: { path: { org: w.org.slug, id: theirs.data!.id } } });
    expect(foreign.response.status).toBe(404);
    expect(await t.db.select({ n: count() }).from(orgDomains).where(eq(orgDomains.orgId, w.other.id))).toEqual([{ n: 1 }]);
  });

  it("D3 PUT /sso saves the connection for a verified domain (secret sealed, never answered); an unverified domain is refused on its field", async () => {
    const w = await planWorld(t.db);
    const api = apiClient((await tokenFor(w.ctx.admin, "admin")).token);
    const domain = uniqueDomain();
    const added = await api.POST("/orgs/{org}/domains", { params: { path: { org: w.org.slug } }, body: { domain, email: `it@${domain}` } });
    const body = { issuer: "https://idp.example.com", clientId: "seatwise", clientSecret: "s3cret-value-123", domainIds: [added.data!.id], requireSsoDomainIds: [], breakGlassUserIds: [] };
    const unverified = await api.PUT("/orgs/{org}/sso", { params: { path: { org: w.org.slug } }, body });
    expect(unverified.response.status).toBe(400);
    expect(await t.db.select({ n: count() }).from(ssoConnections).where(eq(ssoConnections.orgId, w.org.id))).toEqual([{ n: 0 }]);

    await verifyDomain(await verificationToken(`it@${domain}`));
    const saved = await api.PUT("/orgs/{org}/sso", { params: { path: { org: w.org.slug } }, body });
    expect(saved.response.status).toBe(200);
    expect(saved.data).toMatchObject({ issuer: "https://idp.example.com", clientId: "seatwise", domains: [domain] });
    expect(JSON.stringify(saved.data)).not.toContain("s3cret-value-123");
    const [row] = await t.db.select().from(ssoConnections).where(eq(ssoConnections.orgId, w.org.id));
    expect(row.clientSecretEncrypted).not.toContain("s3cret-value-123");
  });
});
