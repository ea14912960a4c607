import { actAs, form, idle } from "../support/next-mocks";
import { and, asc, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { DbOrTx } from "@/db/client";
import { apiTokens, auditLog, emailOutbox, memberships, plans, scimEvents, scimGroupMappings, scimGroupMembers, scimGroups, scimSettings } from "@/db/schema";
import {
  createScimTokenAction,
  removeGroupMappingAction,
  revokeScimTokenAction,
  setDeprovisioningAction,
  setGroupMappingAction,
} from "@/app/o/[org]/settings/scim/actions";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { listApiTokens } from "@/lib/api-tokens/queries";
import { describeAuditEntry, sentenceText } from "@/lib/audit/describe";
import { isAppError } from "@/lib/errors";
import { transaction } from "@/lib/transaction";
import { createScimToken, deprovisioningTransferAdmin, removeGroupMapping, revokeScimToken, setDeprovisioning, setGroupMapping } from "@/lib/scim/settings";
import {
  activeAdmins,
  getDeprovisioning,
  listGroupMappings,
  listProvisioningEvents,
  listPushedGroups,
  listScimTokens,
  mappablePlans,
} from "@/lib/scim/settings-queries";
import { setupTestDatabase } from "../support/db";
import { rendered } from "../support/email";
import { addNamedMember, snapshot } from "../support/state";
import { makeSubscribedPlan, planWorld } from "../support/plans";
import { scimClient } from "../support/scim";

const t = setupTestDatabase();
const baseUrl = "http://localhost:3000";

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, fields: error.fieldErrors ?? {} };
    throw error;
  }
  throw new Error("expected a refusal");
}

/** Every row provisioning settings could touch, and the members' snapshot: equal when nothing was written. */
async function state(db: DbOrTx) {
  const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
  return {
    ...(await snapshot(db)),
    apiTokens: sorted(await db.select().from(apiTokens)),
    mappings: sorted(await db.select().from(scimGroupMappings)),
    settings: sorted(await db.select().from(scimSettings)),
  };
}

async function expectNothingWritten<T>(fn: () => Promise<T>): Promise<T> {
  const before = await state(t.db);
  const result = await fn();
  expect(await state(t.db)).toEqual(before);
  return result;
}

async function auditOf(orgId: string, action: string) {
  return t.db.select().from(auditLog).where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, action))).orderBy(asc(auditLog.id));
}

const names = (orgName: string, people: Array<[string, string]>) => ({ people: new Map(people), subjects: new Map<string, string>(), orgName });

describe("K1 C4 SCIM tokens on Settings → Provisioning (SCIM)", () => {
  it("K1 C4 an Admin creates a SCIM token: Admin role, kind scim, hashed, listed by prefix on this page only, audited and mailed as a SCIM token", async () => {
    const w = await planWorld(t.db);
    const created = await createScimToken(w.ctx.admin, { name: "Okta", expiresIn: "90" }, { baseUrl });
    expect(created.token).toMatch(/^sw_[A-Za-z0-9_-]{43}$/);
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row).toMatchObject({ kind: "scim", role: "admin", createdBy: w.admin.id, revokedAt: null });
    expect(row.tokenHash).not.toContain(created.token);
    const listed = await listScimTokens(w.ctx.admin);
    expect(listed).toEqual([expect.objectContaining({ id: created.id, name: "Okta", prefix: created.prefix, lastUsedAt: null })]);
    expect((await listApiTokens(w.ctx.admin)).map((r) => r.id)).not.toContain(created.id);
    const [audit] = await auditOf(w.org.id, "scim_token.created");
    expect(audit.after).toMatchObject({ name: "Okta", role: "admin", prefix: created.prefix });
    expect(sentenceText(describeAuditEntry(audit, names(w.org.name, [[w.admin.id, "Ada"]])))).toBe("Ada created the SCIM token 'Okta'");
    const [mail] = await rendered(t.db.select().from(emailOutbox).where(and(eq(emailOutbox.to, w.admin.email), eq(emailOutbox.template, "api-token-created"))));
    expect(mail.subject).toBe(`New SCIM token “Okta” in ${w.org.name}`);
    expect(mail.text).toContain("SCIM token");
    expect(mail.text).not.toContain("API token");
    expect(mail.text).toContain(`/o/${w.org.slug}/settings/scim`);
    expect(JSON.stringify(mail)).not.toContain(created.token);
    // The token works on the SCIM door.
    expect((await scimClient(w.org.slug, created.token)("GET", "/ServiceProviderConfig")).status).toBe(200);
  });

  it("K1 an API token's email still says API token (an email queued before `kind` existed too)", async () => {
    const w = await planWorld(t.db);
    await createApiToken(w.ctx.admin, { name: "HR sync", role: "user", expiresIn: "30" }, { baseUrl });
    const [mail] = await rendered(t.db.select().from(emailOutbox).where(and(eq(emailOutbox.to, w.admin.email), eq(emailOutbox.template, "api-token-created"))));
    expect(mail.subject).toBe(`New API token “HR sync” in ${w.org.name}`);
    const { kind: _kind, ...older } = mail.props as Record<string, unknown>;
    const [again] = await rendered([{ ...mail, props: older }]);
    expect(again.subject).toBe(`New API token “HR sync” in ${w.org.name}`);
  });

  it("C4 only Admins create SCIM tokens: a Manager and a User are refused, a bad name or expiry is refused on its field; nothing written", async () => {
    const w = await planWorld(t.db);
    await expectNothingWritten(async () => {
      expect((await failure(createScimToken(w.ctx.manager, { name: "Okta", expiresIn: "90" }, { baseUrl }))).code).toBe("FORBIDDEN");
      expect((await failure(createScimToken(w.ctx.user, { name: "Okta", expiresIn: "90" }, { baseUrl }))).code).toBe("FORBIDDEN");
      const bad = await failure(createScimToken(w.ctx.admin, { name: "  ", expiresIn: "366" }, { baseUrl }));
      expect(bad.code).toBe("VALIDATION");
      expect(Object.keys(bad.fields).sort()).toEqual(["expiresIn", "name"]);
    });
  });

  it("R8 an Admin demoted a moment ago is refused under the lock, though the request started as an Admin", async () => {
    const w = await planWorld(t.db);
    const second = await addNamedMember(t.db, w.org.id, "admin");
    const ctx = { ...w.ctx.admin, user: { id: second.user.id, email: second.user.email, name: second.user.name } };
    await t.db.update(memberships).set({ role: "manager" }).where(and(eq(memberships.orgId, w.org.id), eq(memberships.userId, second.user.id)));
    await expectNothingWritten(async () => {
      expect((await failure(createScimToken(ctx, { name: "Okta", expiresIn: "90" }, { baseUrl }))).code).toBe("FORBIDDEN");
      expect((await failure(setGroupMapping(ctx, { groupName: "Sales", target: "role:manager" }))).code).toBe("FORBIDDEN");
      expect((await failure(setDeprovisioning(ctx, { mode: "transfer", transferToUserId: w.admin.id }))).code).toBe("FORBIDDEN");
    });
  });

  it("K1 revoking a SCIM token: at once (its next SCIM request is 401), audited as scim_token.revoked; an API token's id, another organization's token and a Manager are refused", async () => {
    const w = await planWorld(t.db);
    const created = await createScimToken(w.ctx.admin, { name: "Entra", expiresIn: "never" }, { baseUrl });
    const apiToken = await createApiToken(w.ctx.admin, { name: "HR sync", role: "admin", expiresIn: "30" }, { baseUrl });
    const theirs = await createScimToken(w.ctx.otherAdmin, { name: "Theirs", expiresIn: "30" }, { baseUrl });
    await expectNothingWritten(async () => {
      expect((await failure(revokeScimToken(w.ctx.manager, created.id))).code).toBe("FORBIDDEN");
      expect((await failure(revokeScimToken(w.ctx.admin, apiToken.id))).code).toBe("NOT_FOUND");
      expect((await failure(revokeScimToken(w.ctx.admin, theirs.id))).code).toBe("NOT_FOUND");
    });
    expect(await revokeScimToken(w.ctx.admin, created.id)).toEqual({ name: "Entra" });
    expect((await scimClient(w.org.slug, created.token)("GET", "/ServiceProviderConfig")).status).toBe(401);
    const [audit] = await auditOf(w.org.id, "scim_token.revoked");
    expect(audit).toMatchObject({ subjectType: "api_token", subjectId: created.id, before: expect.objectContaining({ name: "Entra" }) });
    expect(sentenceText(describeAuditEntry(audit, names(w.org.name, [[w.admin.id, "Ada"]])))).toBe("Ada revoked the SCIM token 'Entra'");
    // Twice changes nothing more.
    await expectNothingWritten(() => revokeScimToken(w.ctx.admin, created.id));
    expect((await listScimTokens(w.ctx.admin))[0].revokedAt).not.toBeNull();
    expect((await scimClient(w.other.slug, theirs.token)("GET", "/ServiceProviderConfig")).status).toBe(200);
  });

  it("C4 the page's actions: an Admin gets the token once and revokes it; a Manager's forged POSTs are refused and write nothing", async () => {
    const w = await planWorld(t.db);
    actAs(w.admin.id);
    const created = await createScimTokenAction(idle, form({ org: w.org.slug, name: "Okta", expiresIn: "30" }));
    expect(created.ok).toBe(true);
    const { token } = created.data as { token: string };
    const [row] = await t.db.select().from(apiTokens).where(and(eq(apiTokens.orgId, w.org.id), eq(apiTokens.kind, "scim")));
    // A role sent with the form is ignored: a SCIM token is always an Admin.
    expect(row.role).toBe("admin");
    actAs(w.manager.id);
    await expectNothingWritten(async () => {
      expect((await createScimTokenAction(idle, form({ org: w.org.slug, name: "Mine", expiresIn: "30" }))).code).toBe("FORBIDDEN");
      expect((await revokeScimTokenAction(idle, form({ org: w.org.slug, tokenId: row.id }))).code).toBe("FORBIDDEN");
      expect((await setGroupMappingAction(idle, form({ org: w.org.slug, groupName: "Sales", target: "role:user" }))).code).toBe("FORBIDDEN");
      expect((await setDeprovisioningAction(idle, form({ org: w.org.slug, mode: "refuse" }))).code).toBe("FORBIDDEN");
    });
    // The Admin of another organization, naming this one in the form: not a member here.
    actAs(w.otherAdmin.id);
    await expectNothingWritten(async () => {
      expect((await revokeScimTokenAction(idle, form({ org: w.org.slug, tokenId: row.id }))).code).toBe("NOT_FOUND");
      expect((await revokeScimTokenAction(idle, form({ org: w.other.slug, tokenId: row.id }))).code).toBe("NOT_FOUND");
    });
    actAs(w.admin.id);
    expect((await revokeScimTokenAction(idle, form({ org: w.org.slug, tokenId: row.id }))).ok).toBe(true);
    expect((await scimClient(w.org.slug, token)("GET", "/ServiceProviderConfig")).status).toBe(401);
    actAs(null);
  });
});

describe("C4 group mappings", () => {
  it("C4 an Admin maps a group to a role, then to a plan's users (audited with before and after), saving the same again changes nothing, and removes it", async () => {
    const w = await planWorld(t.db);
    const corrective = await makeSubscribedPlan(t.db, w.org.id, w.admin.id, "corrective_actions", 3);
    const first = await setGroupMapping(w.ctx.admin, { groupName: "Sales team", target: "role:manager" });
    expect(first).toMatchObject({ groupName: "Sales team", meaning: "the Manager role", changed: true });
    const changed = await setGroupMapping(w.ctx.admin, { groupName: "sales TEAM", target: `plan:${corrective.id}` });
    expect(changed).toMatchObject({ id: first.id, changed: true, meaning: "the users of Corrective Actions" });
    expect(await listGroupMappings(w.ctx.admin)).toEqual([{ id: first.id, groupName: "sales TEAM", role: null, planId: corrective.id, plan: "Corrective Actions" }]);
    await expectNothingWritten(async () => {
      expect(await setGroupMapping(w.ctx.admin, { groupName: "sales TEAM", target: `plan:${corrective.id.toUpperCase()}` })).toMatchObject({ changed: false });
    });
    const audits = await auditOf(w.org.id, "scim.mapping_set");
    expect(audits).toHaveLength(2);
    expect(audits[1]).toMatchObject({
      subjectType: "scim_group_mapping",
      subjectId: first.id,
      before: { groupName: "Sales team", role: "manager", planId: null },
      after: { groupName: "sales TEAM", role: null, planId: corrective.id, plan: "Corrective Actions" },
    });
    const who = names(w.org.name, [[w.admin.id, "Ada"]]);
    expect(sentenceText(describeAuditEntry(audits[0], who))).toBe("Ada mapped the SCIM group “Sales team” to the Manager role");
    expect(sentenceText(describeAuditEntry(audits[1], who))).toBe("Ada mapped the SCIM group “sales TEAM” to the users of Corrective Actions (was the Manager role)");

    expect(await removeGroupMapping(w.ctx.admin, first.id)).toEqual({ groupName: "sales TEAM" });
    expect(await listGroupMappings(w.ctx.admin)).toEqual([]);
    const [removed] = await auditOf(w.org.id, "scim.mapping_removed");
    expect(sentenceText(describeAuditEntry(removed, who))).toBe("Ada removed the mapping of the SCIM group “sales TEAM” (was the users of Corrective Actions)");
    expect((await failure(removeGroupMapping(w.ctx.admin, first.id))).code).toBe("NOT_FOUND");
  });

  it("C4 names with a default meaning (Admins, Managers, Users, a plan's product) are refused on the group name; nothing written", async () => {
    const w = await planWorld(t.db);
    await expectNothingWritten(async () => {
      for (const groupName of ["Admins", " managers ", "USERS", "PDoc Share", "pdoc share"]) {
        const refused = await failure(setGroupMapping(w.ctx.admin, { groupName, target: "role:user" }));
        expect(refused.code, groupName).toBe("VALIDATION");
        expect(Object.keys(refused.fields)).toEqual(["groupName"]);
      }
    });
    // A product this organization has no plan of is an ordinary name here.
    expect(await setGroupMapping(w.ctx.admin, { groupName: "Supplier Evaluations", target: "role:user" })).toMatchObject({ changed: true });
  });

  it("C4 another organization's plan is not found, a single-user plan (Company Profile) cannot take a group, a malformed target or name is refused; nothing written", async () => {
    const w = await planWorld(t.db);
    const profile = await makeSubscribedPlan(t.db, w.org.id, w.admin.id, "company_profile", null);
    await expectNothingWritten(async () => {
      const foreign = await failure(setGroupMapping(w.ctx.admin, { groupName: "Partners", target: `plan:${w.otherPlan.id}` }));
      expect(foreign).toEqual({ code: "NOT_FOUND", fields: { target: ["This plan was not found."] } });
      const missing = await failure(setGroupMapping(w.ctx.admin, { groupName: "Partners", target: "plan:00000000-0000-4000-8000-000000000000" }));
      expect(missing).toEqual(foreign);
      const single = await failure(setGroupMapping(w.ctx.admin, { groupName: "Partners", target: `plan:${profile.id}` }));
      expect(single.code).toBe("VALIDATION");
      expect(Object.keys(single.fields)).toEqual(["target"]);
      for (const target of ["role:owner", "plan:nope", "", "manager"]) {
        expect((await failure(setGroupMapping(w.ctx.admin, { groupName: "Partners", target }))).fields).toHaveProperty("target");
      }
      expect((await failure(setGroupMapping(w.ctx.admin, { groupName: "x".repeat(256), target: "role:user" }))).fields).toHaveProperty("groupName");
      expect((await failure(setGroupMapping(w.ctx.admin, { groupName: "   ", target: "role:user" }))).fields).toHaveProperty("groupName");
    });
    // The form's plan choices leave the single-user plan unmappable.
    expect((await mappablePlans(w.ctx.admin)).map((p) => [p.name, p.mappable])).toEqual([
      ["PDoc Share", true],
      ["Company Profile", false],
    ]);
  });

  it("C4 a Manager cannot map or unmap; another organization's mapping id is not found; a User cannot read the mappings", async () => {
    const w = await planWorld(t.db);
    const mine = await setGroupMapping(w.ctx.admin, { groupName: "Sales", target: "role:user" });
    const theirs = await setGroupMapping(w.ctx.otherAdmin, { groupName: "Sales", target: "role:manager" });
    await expectNothingWritten(async () => {
      expect((await failure(setGroupMapping(w.ctx.manager, { groupName: "Sales", target: "role:admin" }))).code).toBe("FORBIDDEN");
      expect((await failure(removeGroupMapping(w.ctx.manager, mine.id))).code).toBe("FORBIDDEN");
      expect((await failure(removeGroupMapping(w.ctx.admin, theirs.id))).code).toBe("NOT_FOUND");
      expect((await failure(removeGroupMapping(w.ctx.admin, "not-a-uuid"))).code).toBe("VALIDATION");
    });
    expect((await failure(listGroupMappings(w.ctx.user))).code).toBe("FORBIDDEN");
    expect((await listGroupMappings(w.ctx.otherAdmin)).map((m) => m.role)).toEqual(["manager"]);
  });

  it("C4 the page's mapping actions: field errors next to the field, then saved and removed", async () => {
    const w = await planWorld(t.db);
    actAs(w.admin.id);
    const refused = await setGroupMappingAction(idle, form({ org: w.org.slug, groupName: "Admins", target: "role:user" }));
    expect(refused).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { groupName: [expect.stringContaining("Admin role")] } });
    const foreign = await setGroupMappingAction(idle, form({ org: w.org.slug, groupName: "Partners", target: `plan:${w.otherPlan.id}` }));
    expect(foreign).toMatchObject({ ok: false, code: "NOT_FOUND", fieldErrors: { target: ["This plan was not found."] } });
    const saved = await setGroupMappingAction(idle, form({ org: w.org.slug, groupName: "Partners", target: `plan:${w.plan.id}` }));
    expect(saved).toMatchObject({ ok: true, message: "The group “Partners” now maps to the users of PDoc Share." });
    const [row] = await t.db.select().from(scimGroupMappings).where(eq(scimGroupMappings.orgId, w.org.id));
    expect((await removeGroupMappingAction(idle, form({ org: w.org.slug, mappingId: row.id }))).ok).toBe(true);
    expect(await t.db.select({ n: count() }).from(scimGroupMappings).where(eq(scimGroupMappings.orgId, w.org.id))).toEqual([{ n: 0 }]);
    actAs(null);
  });

  it("C4 a plan removed later takes its mappings with it (the database cascades), and the page lists what is left", async () => {
    const w = await planWorld(t.db);
    const corrective = await makeSubscribedPlan(t.db, w.org.id, w.admin.id, "corrective_actions", 3);
    await setGroupMapping(w.ctx.admin, { groupName: "Quality", target: `plan:${corrective.id}` });
    await setGroupMapping(w.ctx.admin, { groupName: "Field staff", target: "role:user" });
    await t.db.delete(plans).where(eq(plans.id, corrective.id));
    expect((await listGroupMappings(w.ctx.admin)).map((m) => m.groupName)).toEqual(["Field staff"]);
  });
});

describe("C4 pushed groups and the provisioning log", () => {
  it("C4 the groups the identity provider pushed, by name, each with its member count; another organization's are not shown", async () => {
    const w = await planWorld(t.db);
    const [managers, empty] = await t.db
      .insert(scimGroups)
      .values([
        { orgId: w.org.id, displayName: "Managers", externalId: "okta-1" },
        { orgId: w.org.id, displayName: "Alumni" },
      ])
      .returning();
    await t.db.insert(scimGroups).values({ orgId: w.other.id, displayName: "Theirs" });
    await t.db.insert(scimGroupMembers).values([
      { groupId: managers.id, userId: w.manager.id },
      { groupId: managers.id, userId: w.user.id },
    ]);
    expect((await listPushedGroups(w.ctx.admin)).map((g) => [g.displayName, g.members, g.meaning])).toEqual([
      ["Alumni", 0, expect.stringMatching(/^Nothing/)],
      ["Managers", 2, "Manager role (by its name)"],
    ]);
    expect(empty.externalId).toBeNull();
    expect((await failure(listPushedGroups(w.ctx.manager))).code).toBe("FORBIDDEN");
  });

  it("C1–C4 the log shows this organization's last 50 SCIM events newest first, refusals with their status and detail", async () => {
    const w = await planWorld(t.db);
    const { token } = await createScimToken(w.ctx.admin, { name: "Okta", expiresIn: "30" }, { baseUrl });
    const scim = scimClient(w.org.slug, token);
    expect((await scim("GET", "/Schemas/urn:nope")).status).toBe(404);
    const start = Date.now() - 60_000;
    await t.db.insert(scimEvents).values(
      Array.from({ length: 55 }, (_, i) => ({ orgId: w.org.id, method: "PATCH", path: `/Users/${i}`, status: 200, summary: `Updated ${i}`, at: new Date(start + i) })),
    );
    await t.db.insert(scimEvents).values({ orgId: w.other.id, method: "POST", path: "/Users", status: 409, summary: "Theirs" });
    expect((await scim("GET", "/Schemas/urn:still-nope")).status).toBe(404);
    const events = await listProvisioningEvents(w.ctx.admin);
    expect(events).toHaveLength(50);
    expect(events[0]).toMatchObject({ method: "GET", path: "/Schemas/urn:still-nope", status: 404, summary: "There is no schema urn:still-nope.", tokenName: "Okta" });
    expect(events[1]).toMatchObject({ path: "/Users/54", status: 200 });
    expect(events.some((e) => e.summary === "Theirs")).toBe(false);
    expect((await failure(listProvisioningEvents(w.ctx.manager))).code).toBe("FORBIDDEN");
  });
});

describe("C3 the deprovisioning choice", () => {
  it("C3 transfer to an active Admin: saved, audited with that Admin as target, read back, used by the delete path; then back to refuse", async () => {
    const w = await planWorld(t.db);
    const second = (await addNamedMember(t.db, w.org.id, "admin")).user;
    expect(await getDeprovisioning(w.ctx.admin)).toEqual({ mode: "refuse", transferTo: null });
    expect(await transaction((tx) => deprovisioningTransferAdmin(tx, w.org.id))).toBeNull();
    // The default saved again is no change.
    await expectNothingWritten(() => setDeprovisioning(w.ctx.admin, { mode: "refuse" }));

    const saved = await setDeprovisioning(w.ctx.admin, { mode: "transfer", transferToUserId: second.id });
    expect(saved).toMatchObject({ changed: true, transferTo: { userId: second.id, email: second.email } });
    expect(await getDeprovisioning(w.ctx.admin)).toMatchObject({ mode: "transfer", transferTo: { userId: second.id, applies: true } });
    expect(await transaction((tx) => deprovisioningTransferAdmin(tx, w.org.id))).toMatchObject({ userId: second.id });
    await expectNothingWritten(() => setDeprovisioning(w.ctx.admin, { mode: "transfer", transferToUserId: second.id }));

    await setDeprovisioning(w.ctx.admin, { mode: "refuse", transferToUserId: second.id });
    expect(await getDeprovisioning(w.ctx.admin)).toEqual({ mode: "refuse", transferTo: null });
    const audits = await auditOf(w.org.id, "scim.deprovisioning_set");
    expect(audits.map((a) => [a.before, a.after, a.targetUserId])).toEqual([
      [{ transferToUserId: null }, { transferToUserId: second.id }, second.id],
      [{ transferToUserId: second.id }, { transferToUserId: null }, null],
    ]);
    const who = names(w.org.name, [
      [w.admin.id, "Ada"],
      [second.id, "Bea"],
    ]);
    expect(sentenceText(describeAuditEntry(audits[0], who))).toBe("Ada set SCIM deprovisioning to transfer a deleted person's surveys and plans to Bea");
    expect(sentenceText(describeAuditEntry(audits[1], who))).toBe("Ada set SCIM deprovisioning to refuse deleting a person who owns surveys or subscribes to a plan");
  });

  it("C3 the chosen person must be an active Admin here: a Manager, a User, a suspended Admin, another organization's Admin, an unknown id or none is refused on the field; nothing written", async () => {
    const w = await planWorld(t.db);
    const suspended = (await addNamedMember(t.db, w.org.id, "admin")).user;
    await t.db.update(memberships).set({ status: "suspended" }).where(and(eq(memberships.orgId, w.org.id), eq(memberships.userId, suspended.id)));
    await expectNothingWritten(async () => {
      for (const id of [w.manager.id, w.user.id, suspended.id, w.otherAdmin.id, "00000000-0000-4000-8000-000000000000"]) {
        const refused = await failure(setDeprovisioning(w.ctx.admin, { mode: "transfer", transferToUserId: id }));
        expect(refused).toEqual({ code: "VALIDATION", fields: { transferToUserId: ["Choose an active Admin of this organization."] } });
      }
      for (const transferToUserId of [undefined, "", "nope"]) {
        expect((await failure(setDeprovisioning(w.ctx.admin, { mode: "transfer", transferToUserId }))).fields).toHaveProperty("transferToUserId");
      }
      expect((await failure(setDeprovisioning(w.ctx.admin, { mode: "delete" }))).fields).toHaveProperty("mode");
      expect((await failure(setDeprovisioning(w.ctx.manager, { mode: "transfer", transferToUserId: w.admin.id }))).code).toBe("FORBIDDEN");
    });
    expect((await activeAdmins(w.ctx.admin)).map((a) => a.userId)).toEqual([w.admin.id]);
  });

  it("C3 when the chosen Admin is demoted, suspended or leaves, the choice no longer applies: the page says so and SCIM deletes are refused while R5 applies", async () => {
    const w = await planWorld(t.db);
    const second = (await addNamedMember(t.db, w.org.id, "admin")).user;
    await setDeprovisioning(w.ctx.admin, { mode: "transfer", transferToUserId: second.id });
    const where = and(eq(memberships.orgId, w.org.id), eq(memberships.userId, second.id));
    for (const change of [{ role: "manager" as const }, { role: "admin" as const, status: "suspended" as const }]) {
      await t.db.update(memberships).set(change).where(where);
      expect(await getDeprovisioning(w.ctx.admin)).toMatchObject({ mode: "transfer", transferTo: { userId: second.id, applies: false } });
      expect(await transaction((tx) => deprovisioningTransferAdmin(tx, w.org.id))).toBeNull();
    }
    await t.db.update(memberships).set({ role: "admin", status: "active" }).where(where);
    expect(await transaction((tx) => deprovisioningTransferAdmin(tx, w.org.id))).toMatchObject({ userId: second.id });
    await t.db.delete(memberships).where(where);
    expect(await getDeprovisioning(w.ctx.admin)).toMatchObject({ transferTo: { userId: second.id, applies: false } });
    expect(await transaction((tx) => deprovisioningTransferAdmin(tx, w.org.id))).toBeNull();
    // Saving that person again is refused; choosing refuse clears the stale choice.
    expect((await failure(setDeprovisioning(w.ctx.admin, { mode: "transfer", transferToUserId: second.id }))).code).toBe("VALIDATION");
    expect(await setDeprovisioning(w.ctx.admin, { mode: "refuse" })).toMatchObject({ changed: true });
    expect(await t.db.select().from(scimSettings).where(eq(scimSettings.orgId, w.org.id))).toEqual([expect.objectContaining({ deprovisionTransferToUserId: null })]);
  });

  it("C3 the page's action: a field error for a Manager chosen, then saved", async () => {
    const w = await planWorld(t.db);
    actAs(w.admin.id);
    const refused = await setDeprovisioningAction(idle, form({ org: w.org.slug, mode: "transfer", transferToUserId: w.manager.id }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { transferToUserId: ["Choose an active Admin of this organization."] } });
    const saved = await setDeprovisioningAction(idle, form({ org: w.org.slug, mode: "transfer", transferToUserId: w.admin.id }));
    expect(saved.ok).toBe(true);
    expect(saved.message).toContain("transferred to");
    expect((await setDeprovisioningAction(idle, form({ org: w.org.slug, mode: "transfer", transferToUserId: w.admin.id }))).message).toBe("Nothing changed.");
    actAs(null);
  });
});
