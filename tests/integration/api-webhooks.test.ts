import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, webhookEndpoints } from "@/db/schema";
import { apiClient } from "../support/api";
import { setupTestDatabase } from "../support/db";
import { planWorld } from "../support/plans";
import { tokenFor } from "../support/api";

const t = setupTestDatabase();

// The receiver is on 127.0.0.1 in tests (W2 allows private addresses only when the operator says so).
beforeAll(() => {
  process.env.SEATWISE_WEBHOOK_ALLOW_PRIVATE = "1";
});
afterAll(() => {
  delete process.env.SEATWISE_WEBHOOK_ALLOW_PRIVATE;
});

describe("W1 webhook endpoints through the API (the same services as Settings → Webhooks)", () => {
  it("W1 K2 an Admin token registers an endpoint (secret once), lists it without the secret, and deletes it; audited via the token", async () => {
    const w = await planWorld(t.db);
    const { token } = await tokenFor(w.ctx.admin, "admin", "Hooks bot");
    const api = apiClient(token);
    const created = await api.POST("/orgs/{org}/webhooks", {
      params: { path: { org: w.org.slug } },
      body: { url: "http://127.0.0.1:9/hooks", events: ["member.created", "member.deleted"] },
    });
    expect(created.response.status).toBe(201);
    expect(created.data!.secret).toMatch(/^whsec_/);
    expect(created.data!.endpoint).toMatchObject({ url: "http://127.0.0.1:9/hooks", enabled: true, events: ["member.created", "member.deleted"] });

    const listed = await api.GET("/orgs/{org}/webhooks", { params: { path: { org: w.org.slug } } });
    expect(listed.response.status).toBe(200);
    expect(listed.data!.data.map((e) => e.id)).toEqual([created.data!.endpoint.id]);
    expect(JSON.stringify(listed.data)).not.toContain(created.data!.secret);

    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, created.data!.endpoint.id));
    expect(audit.via).toMatchObject({ door: "api_token", name: "Hooks bot" });

    const deleted = await api.DELETE("/orgs/{org}/webhooks/{id}", { params: { path: { org: w.org.slug, id: created.data!.endpoint.id } } });
    expect(deleted.response.status).toBe(204);
    expect(await t.db.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.orgId, w.org.id))).toEqual([{ n: 0 }]);
  });

  it("W1 K2 a Manager token is refused (403) and nothing is written; another organization's endpoint is 404", async () => {
    const w = await planWorld(t.db);
    const manager = apiClient((await tokenFor(w.ctx.admin, "manager")).token);
    const refused = await manager.POST("/orgs/{org}/webhooks", {
      params: { path: { org: w.org.slug } },
      body: { url: "http://127.0.0.1:9/hooks", events: ["member.created"] },
    });
    expect(refused.response.status).toBe(403);
    expect(refused.error).toMatchObject({ code: "FORBIDDEN" });
    expect(await t.db.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.orgId, w.org.id))).toEqual([{ n: 0 }]);

    const theirs = await apiClient((await tokenFor(w.ctx.otherAdmin, "admin")).token).POST("/orgs/{org}/webhooks", {
      params: { path: { org: w.other.slug } },
      body: { url: "http://127.0.0.1:9/theirs", events: ["member.created"] },
    });
    expect(theirs.response.status).toBe(201);
    const admin = apiClient((await tokenFor(w.ctx.admin, "admin")).token);
    const foreign = await admin.DELETE("/orgs/{org}/webhooks/{id}", { params: { path: { org: w.org.slug, id: theirs.data!.endpoint.id } } });
    expect(foreign.response.status).toBe(404);
    expect(await t.db.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.orgId, w.other.id))).toEqual([{ n: 1 }]);
  });

  it("W1 §10 a bad URL or an unknown event is a 400 problem on its field and writes nothing", async () => {
    const w = await planWorld(t.db);
    const api = apiClient((await tokenFor(w.ctx.admin, "admin")).token);
    const bad = await api.POST("/orgs/{org}/webhooks", {
      params: { path: { org: w.org.slug } },
      body: { url: "not a url", events: ["member.exploded" as "member.created"] },
    });
    expect(bad.response.status).toBe(400);
    expect(bad.error).toMatchObject({ code: "VALIDATION" });
    expect(Object.keys((bad.error as { fields: Record<string, string[]> }).fields)).toEqual(expect.arrayContaining(["url"]));
    expect(await t.db.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.orgId, w.org.id))).toEqual([{ n: 0 }]);
  });
});
