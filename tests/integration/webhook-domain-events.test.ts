import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailOutbox, organizations, webhookEvents } from "@/db/schema";
import { addDomain } from "@/lib/domains/add-domain";
import { admitByDomainInTx, answerJoinRequest, joinByDomain, requestToJoin } from "@/lib/domains/join";
import { setJoinPolicy } from "@/lib/domains/manage-domains";
import { verifyDomain } from "@/lib/domains/verify-domain";
import { updateSsoConnection } from "@/lib/sso/manage-sso";
import { transaction } from "@/lib/transaction";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { webhookEventTypes, type WebhookEventType } from "@/lib/webhooks/events";
import { deliverDueWebhooks } from "@/lib/webhooks/sender";
import { setupTestDatabase } from "../support/db";
import { rendered } from "../support/email";
import { makeUser } from "../support/factories";
import { planWorld } from "../support/plans";
import { startWebhookReceiver } from "../support/webhook-receiver";

const t = setupTestDatabase();
const receivers: Awaited<ReturnType<typeof startWebhookReceiver>>[] = [];
let n = 0;

beforeAll(() => {
  process.env.SEATWISE_WEBHOOK_ALLOW_PRIVATE = "1";
});
afterAll(async () => {
  delete process.env.SEATWISE_WEBHOOK_ALLOW_PRIVATE;
  await Promise.all(receivers.map((r) => r.close()));
});

/** An organization with an endpoint wanting every event, and a domain of its own verified by its link. */
async function world() {
  const w = await planWorld(t.db);
  const hook = await startWebhookReceiver();
  receivers.push(hook);
  const { secret } = await createWebhookEndpoint(w.ctx.admin, { url: hook.url, events: [...webhookEventTypes] });
  hook.verifyWith(secret);
  const domain = `events-${Date.now().toString(36)}-${n++}.test`;
  const added = await addDomain(w.ctx.admin, { domain, email: `it@${domain}` });
  const [mail] = await rendered(t.db.select().from(emailOutbox).where(and(eq(emailOutbox.to, `it@${domain}`), eq(emailOutbox.template, "domain-verification"))));
  await verifyDomain(/\/domains\/verify\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]);
  return { ...w, hook, domain, domainId: added.id };
}

type World = Awaited<ReturnType<typeof world>>;

/** Written once for this organization with this data, and received with a verifying signature. */
async function expectEvent(w: World, type: WebhookEventType, data: Record<string, unknown>, count = 1) {
  const rows = await t.db.select().from(webhookEvents).where(and(eq(webhookEvents.orgId, w.org.id), eq(webhookEvents.type, type)));
  expect(rows).toHaveLength(count);
  await deliverDueWebhooks({ db: t.db });
  expect(w.hook.failures).toEqual([]);
  const got = w.hook.received.map((r) => r.verified as { type: string; data: Record<string, unknown> }).filter((body) => body?.type === type);
  expect(got).toHaveLength(count);
  expect(got.at(-1)).toMatchObject({ type, organization: { id: w.org.id, slug: w.org.slug }, data });
}

describe("W1 D1 D2 D3 the doors of issue 18 send their events", () => {
  it("W1 D1 domain.verified: following the verification link", async () => {
    const w = await world();
    await expectEvent(w, "domain.verified", { domainId: w.domainId, domain: w.domain });
  });

  it("W1 D3 sso.updated: saving the single sign-on connection (never the secret)", async () => {
    const w = await world();
    await updateSsoConnection(w.ctx.admin, {
      issuer: "https://idp.example.com",
      clientId: "seatwise",
      clientSecret: "very-secret-client-secret",
      domainIds: [w.domainId],
      requireSsoDomainIds: [],
      breakGlassUserIds: [],
    });
    await expectEvent(w, "sso.updated", { issuer: "https://idp.example.com", clientId: "seatwise", domains: [w.domain], requireSso: [] });
    expect(JSON.stringify(w.hook.received)).not.toContain("very-secret-client-secret");
  });

  it("W1 D2 member.created with its source: joining through the domain, an approved request, and a first sign-in by SSO", async () => {
    const w = await world();
    await setJoinPolicy(w.ctx.admin, { domainId: w.domainId, joinPolicy: "join" });
    const joiner = await makeUser(t.db, { email: `ana.${n}@${w.domain}` });
    await joinByDomain({ id: joiner.id, email: joiner.email, name: null }, w.domainId);
    await expectEvent(w, "member.created", { userId: joiner.id, email: joiner.email, role: "user", status: "active", source: "domain" });

    const bySso = await makeUser(t.db, { email: `sso.${n}@${w.domain}` });
    await transaction((tx) =>
      admitByDomainInTx(tx, { orgId: w.org.id, domain: { id: w.domainId, domain: w.domain }, person: { id: bySso.id, email: bySso.email }, source: "sso" }),
    );
    await expectEvent(w, "member.created", { userId: bySso.id, source: "sso" }, 2);

    await setJoinPolicy(w.ctx.admin, { domainId: w.domainId, joinPolicy: "ask" });
    const asker = await makeUser(t.db, { email: `bo.${n}@${w.domain}` });
    const { requestId } = await requestToJoin({ id: asker.id, email: asker.email, name: null }, w.domainId);
    await answerJoinRequest(w.ctx.admin, { requestId, answer: "approve" });
    await expectEvent(w, "member.created", { userId: asker.id, source: "join_request" }, 3);
  });

  it("W1 a refused join (the seat limit) sends nothing", async () => {
    const w = await world();
    await setJoinPolicy(w.ctx.admin, { domainId: w.domainId, joinPolicy: "join" });
    await t.db.update(organizations).set({ tier: "free" }).where(eq(organizations.id, w.org.id));
    const joiner = await makeUser(t.db, { email: `full.${n}@${w.domain}` });
    await expect(joinByDomain({ id: joiner.id, email: joiner.email, name: null }, w.domainId)).rejects.toMatchObject({ code: "SEAT_LIMIT" });
    expect(await t.db.$count(webhookEvents, and(eq(webhookEvents.orgId, w.org.id), eq(webhookEvents.type, "member.created")))).toBe(0);
  });
});
