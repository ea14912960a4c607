import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, memberships, planUsers, scimGroupMembers, sessions, surveys } from "@/db/schema";
import { doorWords } from "@/lib/audit/describe";
import { SCIM } from "@/lib/scim/constants";
import { setDeprovisioning } from "@/lib/scim/settings";
import { seatUsage } from "@/lib/seats/seat-usage";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { deliverDueWebhooks } from "@/lib/webhooks/sender";
import { setupTestDatabase } from "../support/db";
import { makeSurvey } from "../support/factories";
import { planWorld } from "../support/plans";
import { scimClient, scimTokenFor } from "../support/scim";
import { startWebhookReceiver } from "../support/webhook-receiver";

const t = setupTestDatabase();
let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  process.env.SEATWISE_WEBHOOK_ALLOW_PRIVATE = "1";
  hook = await startWebhookReceiver();
});
afterAll(async () => {
  delete process.env.SEATWISE_WEBHOOK_ALLOW_PRIVATE;
  await hook.close();
});

const user = (email: string, extra: Record<string, unknown> = {}) => ({
  schemas: [SCIM.user],
  userName: email,
  name: { givenName: "Ana", familyName: "Lopez" },
  emails: [{ primary: true, value: email, type: "work" }],
  active: true,
  ...extra,
});
const patch = (...Operations: unknown[]) => ({ schemas: [SCIM.patchOp], Operations });

/**
 * Issue 17's lifecycle, end to end through the SCIM routes as an identity provider drives them:
 * create → group (role) → group (plan) → deactivate → reactivate → delete refused by R5 → the
 * deprovisioning transfer → delete → provisioned again. Every step runs the pages' rules.
 */
describe("C1–C4 a person's whole life through SCIM", () => {
  it("C1 C2 C3 C4 R5 R9 P3 P6 S2: create, Managers, PDoc Share, suspend, re-activate, delete refused, transfer on deprovisioning, delete, restore", async () => {
    const w = await planWorld(t.db);
    const events = ["member.created", "member.updated", "member.suspended", "member.reactivated", "member.deleted", "plan.user_added", "plan.user_removed"] as const;
    const { secret } = await createWebhookEndpoint(w.ctx.admin, { url: hook.url, events: [...events] });
    hook.verifyWith(secret);
    const scim = scimClient(w.org.slug, (await scimTokenFor(w.ctx.admin, "Okta")).token);
    const email = "ana.lopez@acme-life.test";

    // C1: created within seats, as a User.
    const created = await scim("POST", "/Users", user(email, { externalId: "00u-ana" }));
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    expect(created.headers.get("location")).toMatch(new RegExp(`/scim/v2/${w.org.slug}/Users/${id}$`));
    expect(created.body).toMatchObject({ userName: email, externalId: "00u-ana", active: true, emails: [{ value: email, primary: true }] });
    const used = (await seatUsage(t.db, w.org.id)).used;

    // C4: the Managers group makes her a Manager (R3, the directory acting as an Admin).
    const managers = await scim("POST", "/Groups", { schemas: [SCIM.group], displayName: "Managers", members: [{ value: id }] });
    expect(managers.status).toBe(201);
    const [membership] = await t.db.select().from(memberships).where(and(eq(memberships.orgId, w.org.id), eq(memberships.userId, id)));
    expect(membership.role).toBe("manager");

    // C4: the group named like the plan puts her on PDoc Share within its seats (P3).
    const pdoc = await scim("POST", "/Groups", { schemas: [SCIM.group], displayName: "PDoc Share", externalId: "grp-pdoc" });
    expect((await scim("PATCH", `/Groups/${pdoc.body.id}`, patch({ op: "add", path: "members", value: [{ value: id }] }))).status).toBe(204);
    expect(await t.db.select().from(planUsers).where(and(eq(planUsers.planId, w.plan.id), eq(planUsers.userId, id)))).toHaveLength(1);
    const fetched = await scim("GET", `/Users/${id}`);
    expect(fetched.body.groups.map((g: { display: string }) => g.display).sort()).toEqual(["Managers", "PDoc Share"]);

    // Her work: a survey she owns (R5).
    const survey = await makeSurvey(t.db, w.org.id, id, "Supplier audit 2027");

    // C2 (R9): Okta's deactivation suspends her; the seat and the work stay.
    const off = await scim("PATCH", `/Users/${id}`, patch({ op: "replace", value: { active: false } }));
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await seatUsage(t.db, w.org.id)).used).toBe(used);
    expect((await t.db.select().from(surveys).where(eq(surveys.id, survey.id)))[0].ownerId).toBe(id);
    // C2: Entra's re-activation (capitalised op, string boolean), within seats (T3).
    const on = await scim("PATCH", `/Users/${id}`, patch({ op: "Replace", path: "active", value: "True" }));
    expect(on.status).toBe(200);
    expect(on.body.active).toBe(true);

    // C3 (R5): deleting her is refused while she owns a survey; nothing changes.
    const refused = await scim("DELETE", `/Users/${id}`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ schemas: [SCIM.error], status: "409" });
    expect(refused.body.detail).toMatch(/survey/i);
    expect(await t.db.select().from(memberships).where(and(eq(memberships.orgId, w.org.id), eq(memberships.userId, id)))).toHaveLength(1);

    // C3: once the organization chose to transfer to an Admin on deprovisioning, the delete runs S2's transfer first.
    await setDeprovisioning(w.ctx.admin, { mode: "transfer", transferToUserId: w.admin.id });
    const deleted = await scim("DELETE", `/Users/${id}`);
    expect(deleted.status).toBe(204);
    expect((await t.db.select().from(surveys).where(eq(surveys.id, survey.id)))[0].ownerId).toBe(w.admin.id);
    expect(await t.db.select().from(memberships).where(and(eq(memberships.orgId, w.org.id), eq(memberships.userId, id)))).toHaveLength(0);
    // R6 with P6: off the plan, out of the groups, sessions gone, the seat free.
    expect(await t.db.select().from(planUsers).where(and(eq(planUsers.planId, w.plan.id), eq(planUsers.userId, id)))).toHaveLength(0);
    expect(await t.db.select().from(scimGroupMembers).where(eq(scimGroupMembers.userId, id))).toHaveLength(0);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, id))).toHaveLength(0);
    expect((await seatUsage(t.db, w.org.id)).used).toBe(used - 1);
    expect((await scim("GET", `/Users/${id}`)).status).toBe(404);
    expect((await scim("GET", `/Users?filter=${encodeURIComponent(`userName eq "${email.toUpperCase()}"`)}`)).body.totalResults).toBe(0);

    // C1: provisioned again (Okta's re-assignment) — the same person, restored as a User with no stale groups.
    const again = await scim("POST", "/Users", user(email, { externalId: "00u-ana" }));
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(id);
    const [restored] = await t.db.select().from(memberships).where(and(eq(memberships.orgId, w.org.id), eq(memberships.userId, id)));
    expect(restored).toMatchObject({ role: "user", status: "active" });
    expect((await scim("GET", `/Users/${id}`)).body.groups ?? []).toEqual([]);

    // Every change is in Activity "by SCIM", with the token's creator as the actor.
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.orgId, w.org.id));
    const bySCIM = entries.filter((e) => doorWords(e.via) === " by SCIM");
    expect(new Set(bySCIM.map((e) => e.action))).toEqual(
      new Set(["member.provisioned", "scim_group.created", "scim_group.members_changed", "member.role_changed", "plan.user_added", "member.suspended", "member.reactivated", "survey.transferred", "plan.user_removed", "member.deleted"]),
    );
    expect(bySCIM.every((e) => e.actorId === w.admin.id)).toBe(true);
    // And the webhooks of the API issue fired for them, written with each change and received signed.
    await deliverDueWebhooks({ db: t.db });
    expect(hook.failures).toEqual([]);
    const received = hook.received.map((r) => (r.verified as { type: string; data: { userId?: string } }));
    for (const type of events) expect(received.some((r) => r.type === type && r.data.userId === id), type).toBe(true);
  });
});
