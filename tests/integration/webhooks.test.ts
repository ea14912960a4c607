import { and, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { auditLog, emailOutbox, notifications, webhookAttempts, webhookDeliveries, webhookEndpoints, webhookEvents } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { setMemberStatus } from "@/lib/members/set-member-status";
import { emitEvent } from "@/lib/webhooks/emit";
import { enableWebhookEndpoint } from "@/lib/webhooks/enable-webhook-endpoint";
import { createWebhookEndpoint, deleteWebhookEndpoint, listWebhookEndpoints, MAX_WEBHOOK_ENDPOINTS } from "@/lib/webhooks/endpoints";
import { webhookDeliveryLog } from "@/lib/webhooks/queries";
import { replayWebhookDelivery } from "@/lib/webhooks/replay-webhook-delivery";
import { createWebhookEndpointSchema } from "@/lib/webhooks/schemas";
import { deliverDueWebhooks, MAX_ATTEMPTS, RESPONSE_PREFIX_CHARS, RETRY_DELAYS_SECONDS } from "@/lib/webhooks/sender";
import { setupTestDatabase } from "../support/db";
import { addMember, makeOrgWithMembers } from "../support/factories";
import { itRace } from "../support/race";
import { startWebhookReceiver } from "../support/webhook-receiver";

const t = setupTestDatabase({ poolSize: 10 });

type Org = Awaited<ReturnType<typeof makeOrgWithMembers>>["org"];
type Member = Awaited<ReturnType<typeof addMember>>;

function contextOf(org: Org, member: Member): MemberContext {
  return {
    user: { id: member.user.id, email: member.user.email, name: member.user.name },
    org: { id: org.id, slug: org.slug, name: org.name, tier: org.tier, kind: org.kind },
    membership: { id: member.membership.id, role: member.membership.role, status: member.membership.status },
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

/**
 * A clock the test moves: the sender decides what is due by it (no real waiting). It starts a
 * second ahead, so what the database stamped "now" just before is already due by it.
 */
function testClock(start = new Date(Date.now() + 1000)) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(seconds: number) {
      now += seconds * 1000;
    },
  };
}

const receivers: Awaited<ReturnType<typeof startWebhookReceiver>>[] = [];
async function receiver() {
  const r = await startWebhookReceiver();
  receivers.push(r);
  return r;
}

/** An organization with an Admin, a Manager and a User, and one endpoint wanting `events`. */
async function orgWithEndpoint(events: z.infer<typeof createWebhookEndpointSchema>["events"] = ["member.suspended", "member.reactivated"]) {
  const { org, members } = await makeOrgWithMembers(t.db, "pro", ["admin", "manager", "user"]);
  const [admin, manager, user] = members.map((m) => contextOf(org, m));
  const hook = await receiver();
  const { endpoint, secret } = await createWebhookEndpoint(admin, createWebhookEndpointSchema.parse({ url: hook.url, events }));
  hook.verifyWith(secret);
  return { org, members, admin, manager, user, hook, endpoint, secret };
}

beforeAll(() => {
  process.env.SEATWISE_WEBHOOK_ALLOW_PRIVATE = "1";
});
afterEach(() => {
  process.env.SEATWISE_WEBHOOK_ALLOW_PRIVATE = "1";
  vi.unstubAllEnvs();
});
afterAll(async () => {
  delete process.env.SEATWISE_WEBHOOK_ALLOW_PRIVATE;
  await Promise.all(receivers.map((r) => r.close()));
});


describe("W1 webhook endpoints", () => {
  it("W1: an Admin registers an endpoint; the whsec_ secret is returned once and stored only encrypted", async () => {
    const { admin, endpoint, secret } = await orgWithEndpoint();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(32);
    const [row] = await t.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row.secretCiphertext).not.toContain(secret.slice(6));
    expect(JSON.stringify(await listWebhookEndpoints(admin))).not.toContain(secret.slice(6));
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, endpoint.id));
    expect(audits.map((a) => a.action)).toEqual(["webhook.endpoint_created"]);
    expect(JSON.stringify(audits)).not.toContain(secret.slice(6));
    expect(endpoint).toMatchObject({ enabled: true, events: ["member.suspended", "member.reactivated"] });
  });

  it("W1: Managers and Users cannot list, add, delete, re-enable or replay (FORBIDDEN); another organization's ids are NOT_FOUND", async () => {
    const { admin, manager, user, endpoint, hook } = await orgWithEndpoint();
    const input = createWebhookEndpointSchema.parse({ url: hook.url, events: ["member.created"] });
    for (const ctx of [manager, user]) {
      expect(await codeOf(listWebhookEndpoints(ctx))).toBe("FORBIDDEN");
      expect(await codeOf(createWebhookEndpoint(ctx, input))).toBe("FORBIDDEN");
      expect(await codeOf(deleteWebhookEndpoint(ctx, endpoint.id))).toBe("FORBIDDEN");
      expect(await codeOf(enableWebhookEndpoint(ctx, endpoint.id))).toBe("FORBIDDEN");
    }
    const other = await orgWithEndpoint();
    expect(await codeOf(deleteWebhookEndpoint(other.admin, endpoint.id))).toBe("NOT_FOUND");
    expect(await codeOf(enableWebhookEndpoint(other.admin, endpoint.id))).toBe("NOT_FOUND");
    expect(await codeOf(webhookDeliveryLog(other.admin, endpoint.id))).toBe("NOT_FOUND");
    expect(await codeOf(deleteWebhookEndpoint(admin, "not-a-uuid"))).toBe("NOT_FOUND");
    expect((await listWebhookEndpoints(other.admin)).map((e) => e.id)).toEqual([other.endpoint.id]);
    expect(await t.db.$count(webhookEndpoints, eq(webhookEndpoints.id, endpoint.id))).toBe(1);
    await deleteWebhookEndpoint(admin, endpoint.id);
    expect(await t.db.$count(webhookEndpoints, eq(webhookEndpoints.id, endpoint.id))).toBe(0);
    const audits = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, endpoint.id));
    expect(audits.map((a) => a.action).sort()).toEqual(["webhook.endpoint_created", "webhook.endpoint_deleted"]);
  });

  it("W1: an organization has at most MAX_WEBHOOK_ENDPOINTS endpoints (CONFLICT beyond, nothing written)", async () => {
    const { admin, hook } = await orgWithEndpoint();
    const input = createWebhookEndpointSchema.parse({ url: hook.url, events: ["member.created"] });
    for (let i = 1; i < MAX_WEBHOOK_ENDPOINTS; i++) await createWebhookEndpoint(admin, input);
    expect(await codeOf(createWebhookEndpoint(admin, input))).toBe("CONFLICT");
    expect(await t.db.$count(webhookEndpoints, eq(webhookEndpoints.orgId, admin.org.id))).toBe(MAX_WEBHOOK_ENDPOINTS);
  });

  it("W1: bad input is refused with the field named and nothing is written", () => {
    for (const bad of [
      { url: "", events: ["member.created"] },
      { url: "not a url", events: ["member.created"] },
      { url: "https://hooks.example.com/x", events: [] },
      { url: "https://hooks.example.com/x", events: ["member.exploded"] },
      { url: `https://hooks.example.com/${"a".repeat(2100)}`, events: ["member.created"] },
    ]) {
      expect(createWebhookEndpointSchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe("W1 delivery", () => {
  it("W1: a committed change's event is delivered signed per Standard Webhooks and verifies with the standardwebhooks library", async () => {
    const { org, members, manager, hook } = await orgWithEndpoint();
    await setMemberStatus(manager, members[2].user.id, "suspended");
    const result = await deliverDueWebhooks({ db: t.db });
    expect(result.delivered).toBeGreaterThanOrEqual(1);
    expect(hook.failures).toEqual([]);
    expect(hook.received).toHaveLength(1);
    const [got] = hook.received;
    expect(got.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(got.headers["webhook-timestamp"]).toMatch(/^\d{10}$/);
    const [event] = await t.db.select().from(webhookEvents).where(eq(webhookEvents.orgId, org.id));
    expect(got.headers["webhook-id"]).toBe(event.id);
    expect(got.verified).toEqual({
      type: "member.suspended",
      timestamp: expect.any(String),
      organization: { id: org.id, slug: org.slug },
      data: { userId: members[2].user.id, email: members[2].user.email, name: members[2].user.name, role: "user", status: "suspended" },
    });
    const [delivery] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, event.id));
    expect(delivery).toMatchObject({ status: "delivered", attempts: 1 });
  });

  it("W1: an event exists iff its change committed — a refused change and a rolled-back transaction emit nothing", async () => {
    const { org, members, user, admin, hook } = await orgWithEndpoint();
    // A User may not suspend anyone (R9): refused, nothing emitted.
    expect(await codeOf(setMemberStatus(user, members[1].user.id, "suspended"))).toBe("FORBIDDEN");
    // Re-activating an active member is refused after the lock: nothing emitted.
    expect(await codeOf(setMemberStatus(admin, members[2].user.id, "active"))).toBe("CONFLICT");
    await expect(
      t.db.transaction(async (tx) => {
        await emitEvent(tx, { orgId: org.id, type: "member.suspended", data: { userId: members[2].user.id, email: "x@example.test", name: null, role: "user", status: "suspended" } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await t.db.$count(webhookEvents, eq(webhookEvents.orgId, org.id))).toBe(0);
    expect(await t.db.$count(webhookDeliveries, eq(webhookDeliveries.orgId, org.id))).toBe(0);
    await deliverDueWebhooks({ db: t.db });
    expect(hook.received).toHaveLength(0);
  });

  it("W1: an event type the endpoint did not choose is not sent to it", async () => {
    const { org, members, manager, hook } = await orgWithEndpoint(["member.deleted"]);
    await setMemberStatus(manager, members[2].user.id, "suspended");
    expect(await t.db.$count(webhookEvents, eq(webhookEvents.orgId, org.id))).toBe(0);
    await deliverDueWebhooks({ db: t.db });
    expect(hook.received).toHaveLength(0);
  });

  it("W1: a receiver that answers 500 twice gets the event on the third attempt, on the retry schedule (injected clock)", async () => {
    const { org, members, manager, hook, endpoint, admin } = await orgWithEndpoint();
    hook.answer(500, 500);
    const clock = testClock();
    await setMemberStatus(manager, members[2].user.id, "suspended");
    await deliverDueWebhooks({ db: t.db, now: clock.now });
    expect(hook.received).toHaveLength(1);
    // Not due yet: nothing is sent.
    clock.advance(RETRY_DELAYS_SECONDS[0] - 1);
    await deliverDueWebhooks({ db: t.db, now: clock.now });
    expect(hook.received).toHaveLength(1);
    clock.advance(1);
    await deliverDueWebhooks({ db: t.db, now: clock.now });
    expect(hook.received).toHaveLength(2);
    clock.advance(RETRY_DELAYS_SECONDS[1]);
    await deliverDueWebhooks({ db: t.db, now: clock.now });
    expect(hook.received).toHaveLength(3);
    expect(hook.failures).toEqual([]);
    // The same message each time: one webhook-id, a valid signature on every attempt.
    expect(new Set(hook.received.map((r) => r.headers["webhook-id"])).size).toBe(1);
    const [delivery] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.orgId, org.id));
    expect(delivery).toMatchObject({ status: "delivered", attempts: 3 });
    const log = await webhookDeliveryLog(admin, endpoint.id);
    expect(log.entries[0].attempts.map((a) => a.statusCode)).toEqual([500, 500, 200]);
    const attempts = await t.db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, delivery.id));
    // Response bodies are kept only as a small prefix.
    for (const a of attempts) expect((a.responsePrefix ?? "").length).toBeLessThanOrEqual(RESPONSE_PREFIX_CHARS);
    expect(attempts.find((a) => a.statusCode === 500)?.responsePrefix?.length).toBe(RESPONSE_PREFIX_CHARS);
  });

  it("W1: the retry schedule grows from seconds to hours and spans about three days", () => {
    for (let i = 1; i < RETRY_DELAYS_SECONDS.length; i++) expect(RETRY_DELAYS_SECONDS[i]).toBeGreaterThanOrEqual(RETRY_DELAYS_SECONDS[i - 1]);
    expect(RETRY_DELAYS_SECONDS[0]).toBeLessThan(60);
    const days = RETRY_DELAYS_SECONDS.reduce((a, b) => a + b, 0) / 86_400;
    expect(days).toBeGreaterThan(2.5);
    expect(days).toBeLessThan(3.5);
    expect(MAX_ATTEMPTS).toBe(RETRY_DELAYS_SECONDS.length + 1);
  });

  it("W1: a secret that can no longer be read (AUTH_SECRET changed) fails the attempt with that reason, and nothing is sent unsigned", async () => {
    const { members, manager, hook, org } = await orgWithEndpoint();
    await setMemberStatus(manager, members[2].user.id, "suspended");
    vi.stubEnv("AUTH_SECRET", "another-secret-than-the-one-that-encrypted-it");
    await deliverDueWebhooks({ db: t.db });
    expect(hook.received).toHaveLength(0);
    const [attempt] = await t.db
      .select({ error: webhookAttempts.error })
      .from(webhookAttempts)
      .innerJoin(webhookDeliveries, eq(webhookDeliveries.id, webhookAttempts.deliveryId))
      .where(eq(webhookDeliveries.orgId, org.id));
    expect(attempt.error).toMatch(/AUTH_SECRET/);
  });

  it("W1: a receiver slower than the timeout counts as a failed attempt", async () => {
    const { members, manager, hook, org } = await orgWithEndpoint();
    hook.delay(400);
    await setMemberStatus(manager, members[2].user.id, "suspended");
    await deliverDueWebhooks({ db: t.db, timeoutMs: 100 });
    const [delivery] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.orgId, org.id));
    expect(delivery.status).toBe("pending");
    const [attempt] = await t.db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, delivery.id));
    expect(attempt.statusCode).toBeNull();
    expect(attempt.error).toMatch(/no answer/);
  });

  it("W1: an endpoint failing every attempt for ~3 days is disabled, the Admins are told (inbox and email), and a disabled endpoint gets nothing", async () => {
    const { org, members, manager, admin, hook, endpoint } = await orgWithEndpoint();
    hook.answer(...Array(MAX_ATTEMPTS).fill(503));
    const clock = testClock();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await setMemberStatus(manager, members[2].user.id, "suspended");
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await deliverDueWebhooks({ db: t.db, now: clock.now });
      clock.advance(RETRY_DELAYS_SECONDS[i] ?? 0);
    }
    warn.mockRestore();
    expect(hook.received).toHaveLength(MAX_ATTEMPTS);
    const [row] = await t.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row.disabledAt).not.toBeNull();
    expect(row.disabledReason).toMatch(/HTTP 503/);
    const [delivery] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.orgId, org.id));
    expect(delivery).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    const told = await t.db.select().from(notifications).where(and(eq(notifications.orgId, org.id), eq(notifications.kind, "webhook_disabled")));
    expect(told.map((n) => n.userId)).toEqual([admin.user.id]);
    const emails = await t.db.select().from(emailOutbox).where(and(eq(emailOutbox.to, admin.user.email), eq(emailOutbox.template, "webhook-disabled")));
    expect(emails).toHaveLength(1);
    expect(await t.db.$count(auditLog, and(eq(auditLog.subjectId, endpoint.id), eq(auditLog.action, "webhook.endpoint_disabled")))).toBe(1);
    expect((await listWebhookEndpoints(admin))[0]).toMatchObject({ enabled: false });

    // Disabled: a new change queues nothing for it, and nothing reaches it.
    await setMemberStatus(manager, members[2].user.id, "active");
    clock.advance(3600);
    await deliverDueWebhooks({ db: t.db, now: clock.now });
    expect(hook.received).toHaveLength(MAX_ATTEMPTS);
    expect(await codeOf(replayWebhookDelivery(admin, delivery.id))).toBe("CONFLICT");

    // Re-enabled (audited): the next event arrives.
    await enableWebhookEndpoint(admin, endpoint.id);
    await setMemberStatus(manager, members[2].user.id, "suspended");
    await deliverDueWebhooks({ db: t.db });
    expect(hook.received).toHaveLength(MAX_ATTEMPTS + 1);
    expect(JSON.parse(hook.received.at(-1)!.body).type).toBe("member.suspended");
    expect(hook.failures).toEqual([]);
  });

  it("W1: an endpoint that succeeded meanwhile is not disabled when one delivery fails for good", async () => {
    const { org, members, manager, hook, endpoint } = await orgWithEndpoint();
    const clock = testClock();
    hook.answer(...Array(MAX_ATTEMPTS).fill(500));
    await setMemberStatus(manager, members[2].user.id, "suspended");
    await deliverDueWebhooks({ db: t.db, now: clock.now }); // 500
    // A later event is delivered between the failing one's retries.
    await t.db.update(webhookEndpoints).set({ lastSuccessAt: new Date(clock.now().getTime() + 1000) }).where(eq(webhookEndpoints.id, endpoint.id));
    for (let i = 0; i < MAX_ATTEMPTS - 1; i++) {
      clock.advance(RETRY_DELAYS_SECONDS[i]);
      await deliverDueWebhooks({ db: t.db, now: clock.now });
    }
    const [delivery] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.orgId, org.id));
    expect(delivery.status).toBe("failed");
    const [row] = await t.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row.disabledAt).toBeNull();
  });

  it("W1: Replay sends the same event again as a new delivery with the same webhook-id, and is audited", async () => {
    const { org, members, manager, admin, hook, endpoint } = await orgWithEndpoint();
    await setMemberStatus(manager, members[2].user.id, "suspended");
    await deliverDueWebhooks({ db: t.db });
    const [first] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.orgId, org.id));
    const replay = await replayWebhookDelivery(admin, first.id);
    await deliverDueWebhooks({ db: t.db });
    expect(hook.received).toHaveLength(2);
    expect(hook.received[1].headers["webhook-id"]).toBe(hook.received[0].headers["webhook-id"]);
    expect(hook.received[1].body).toBe(hook.received[0].body);
    expect(hook.failures).toEqual([]);
    const log = await webhookDeliveryLog(admin, endpoint.id);
    expect(log.entries.map((e) => [e.id, e.replay, e.status])).toEqual([
      [replay.id, true, "delivered"],
      [first.id, false, "delivered"],
    ]);
    expect(await t.db.$count(auditLog, and(eq(auditLog.orgId, org.id), eq(auditLog.action, "webhook.delivery_replayed")))).toBe(1);
    const other = await orgWithEndpoint();
    expect(await codeOf(replayWebhookDelivery(other.admin, first.id))).toBe("NOT_FOUND");
    expect(await codeOf(replayWebhookDelivery(manager, first.id))).toBe("FORBIDDEN");
  });

  itRace("W1: two senders on two connections never deliver one event twice (SKIP LOCKED)", async () => {
    const { org, hook } = await orgWithEndpoint(["seats.limit_reached"]);
    for (let i = 0; i < 30; i++) {
      await emitEvent(t.db, { orgId: org.id, type: "seats.limit_reached", data: { tier: "pro", limit: 10, used: i } });
    }
    const clients = Array.from({ length: 2 }, () => postgres(t.url!, { max: 1, onnotice: () => {} }));
    try {
      await Promise.all(
        clients.map(async (client) => {
          const database = drizzle(client, { schema }) as unknown as Db;
          for (let i = 0; i < 20; i++) await deliverDueWebhooks({ db: database, limit: 3 });
        }),
      );
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    const ids = hook.received.map((r) => r.headers["webhook-id"]);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    expect(hook.failures).toEqual([]);
  });
});

describe("W2 SSRF guard", () => {
  it("W2: saving refuses loopback, private, link-local and credentialed URLs, and http in production, unless the operator allows private addresses", async () => {
    const { admin } = await orgWithEndpoint();
    delete process.env.SEATWISE_WEBHOOK_ALLOW_PRIVATE;
    for (const url of [
      "http://127.0.0.1:9/x",
      "http://[::1]/x",
      "http://[::ffff:127.0.0.1]/x",
      "http://10.1.2.3/x",
      "http://169.254.169.254/latest/meta-data",
      "http://0.0.0.0/x",
      "http://localhost/x",
      "http://2130706433/x",
      "http://0177.0.0.1/x",
      "https://user:pass@8.8.8.8/x",
      "ftp://8.8.8.8/x",
    ]) {
      const input = createWebhookEndpointSchema.parse({ url, events: ["member.created"] });
      expect([url, await codeOf(createWebhookEndpoint(admin, input))]).toEqual([url, "VALIDATION"]);
    }
    vi.stubEnv("NODE_ENV", "production");
    const plain = createWebhookEndpointSchema.parse({ url: "http://8.8.8.8/x", events: ["member.created"] });
    expect(await codeOf(createWebhookEndpoint(admin, plain))).toBe("VALIDATION");
    expect(await t.db.$count(webhookEndpoints, eq(webhookEndpoints.orgId, admin.org.id))).toBe(1);
  });

  it("W2: delivery checks the address at delivery time — an endpoint saved while allowed is refused once private addresses are not", async () => {
    const { members, manager, hook, org, admin } = await orgWithEndpoint();
    // A second endpoint by name: localhost resolves to loopback through the guarded lookup.
    const byName = await createWebhookEndpoint(admin, createWebhookEndpointSchema.parse({ url: `http://localhost:${hook.port}/named`, events: ["member.suspended"] }));
    delete process.env.SEATWISE_WEBHOOK_ALLOW_PRIVATE;
    await setMemberStatus(manager, members[2].user.id, "suspended");
    await deliverDueWebhooks({ db: t.db });
    expect(hook.received).toHaveLength(0);
    const attempts = await t.db
      .select({ endpointId: webhookAttempts.endpointId, error: webhookAttempts.error, statusCode: webhookAttempts.statusCode })
      .from(webhookAttempts)
      .innerJoin(webhookDeliveries, eq(webhookDeliveries.id, webhookAttempts.deliveryId))
      .where(eq(webhookDeliveries.orgId, org.id));
    expect(attempts).toHaveLength(2);
    for (const a of attempts) {
      expect(a.statusCode).toBeNull();
      expect(a.error).toMatch(/loopback/);
    }
    expect(attempts.map((a) => a.endpointId)).toContain(byName.endpoint.id);
  });

  it("W1/W2: no secret or signature appears in any log, through success, failure, refusal and disabling", async () => {
    // console.error is captured by tests/support/setup.ts and fails any test that calls it.
    const logged: string[] = [];
    const spies = (["log", "info", "warn", "debug"] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" "))),
    );
    try {
      const { members, manager, admin, hook, secret, endpoint } = await orgWithEndpoint();
      const clock = testClock();
      // Failure until disabled (the sender warns), then success, then a refused address.
      hook.answer(...Array(MAX_ATTEMPTS).fill(500));
      await setMemberStatus(manager, members[2].user.id, "suspended");
      for (let i = 0; i < MAX_ATTEMPTS; i++) {
        await deliverDueWebhooks({ db: t.db, now: clock.now });
        clock.advance(RETRY_DELAYS_SECONDS[i] ?? 0);
      }
      await enableWebhookEndpoint(admin, endpoint.id);
      await setMemberStatus(manager, members[2].user.id, "active");
      await deliverDueWebhooks({ db: t.db });
      delete process.env.SEATWISE_WEBHOOK_ALLOW_PRIVATE;
      await setMemberStatus(manager, members[2].user.id, "suspended");
      await deliverDueWebhooks({ db: t.db });
      expect(hook.received).toHaveLength(MAX_ATTEMPTS + 1);
      expect(hook.received.length).toBeGreaterThan(2);
      const text = logged.join("\n");
      expect(text).not.toContain(secret.slice(6));
      for (const r of hook.received) expect(text).not.toContain(r.headers["webhook-signature"].slice(3));
      expect(logged.some((l) => l.includes("[webhooks]"))).toBe(true);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
