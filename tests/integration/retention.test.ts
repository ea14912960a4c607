import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { scimEvents, webhookAttempts, webhookDeliveries, webhookEndpoints, webhookEvents } from "@/db/schema";
import { historyDays, pruneHistory } from "@/lib/retention/prune-history";
import { setupTestDatabase } from "../support/db";
import { makeOrg } from "../support/factories";

const t = setupTestDatabase();
const DAY = 24 * 60 * 60 * 1000;

describe("W1 issue 17: delivery and provisioning logs are kept for a window, never a pending delivery", () => {
  it("W1: finished webhook events past the window go with their deliveries and attempts; recent ones and any with a pending delivery stay", async () => {
    const org = await makeOrg(t.db);
    const now = new Date("2026-12-03T12:00:00Z");
    const [endpoint] = await t.db
      .insert(webhookEndpoints)
      .values({ orgId: org.id, url: "https://hooks.example.com/x", events: ["member.created"], secretCiphertext: "sealed" })
      .returning();
    const event = async (ageDays: number, status: "pending" | "delivered" | "failed") => {
      const at = new Date(now.getTime() - ageDays * DAY);
      const [e] = await t.db.insert(webhookEvents).values({ orgId: org.id, type: "member.created", payload: {}, createdAt: at }).returning();
      const [d] = await t.db.insert(webhookDeliveries).values({ orgId: org.id, eventId: e.id, endpointId: endpoint.id, status, createdAt: at }).returning();
      await t.db.insert(webhookAttempts).values({ deliveryId: d.id, endpointId: endpoint.id, attempt: 1, statusCode: 200, durationMs: 5, at });
      return e.id;
    };
    const oldDelivered = await event(45, "delivered");
    const oldFailed = await event(31, "failed");
    const oldPending = await event(40, "pending");
    const recent = await event(2, "delivered");
    await t.db.insert(scimEvents).values([
      { orgId: org.id, method: "POST", path: "/Users", status: 201, summary: "old", at: new Date(now.getTime() - 31 * DAY) },
      { orgId: org.id, method: "POST", path: "/Users", status: 409, summary: "recent", at: new Date(now.getTime() - DAY) },
    ]);

    expect(await pruneHistory({ db: t.db, now, days: 30 })).toEqual({ webhookEvents: 2, scimEvents: 1 });
    const left = await t.db.select({ id: webhookEvents.id }).from(webhookEvents).where(eq(webhookEvents.orgId, org.id));
    expect(left.map((e) => e.id).sort()).toEqual([oldPending, recent].sort());
    expect(await t.db.$count(webhookDeliveries, inArray(webhookDeliveries.eventId, [oldDelivered, oldFailed]))).toBe(0);
    expect(await t.db.$count(webhookAttempts, eq(webhookAttempts.endpointId, endpoint.id))).toBe(2);
    expect((await t.db.select().from(scimEvents).where(eq(scimEvents.orgId, org.id))).map((e) => e.summary)).toEqual(["recent"]);
    // Nothing more to do a second time.
    expect(await pruneHistory({ db: t.db, now, days: 30 })).toEqual({ webhookEvents: 0, scimEvents: 0 });
  });

  it("SEATWISE_HISTORY_DAYS sets the window; nonsense falls back to 30 days", () => {
    expect(historyDays({})).toBe(30);
    expect(historyDays({ SEATWISE_HISTORY_DAYS: "90" })).toBe(90);
    expect(historyDays({ SEATWISE_HISTORY_DAYS: "0" })).toBe(30);
    expect(historyDays({ SEATWISE_HISTORY_DAYS: "lots" })).toBe(30);
  });
});
