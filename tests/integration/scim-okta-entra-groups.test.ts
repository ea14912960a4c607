import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { planUsers } from "@/db/schema";
import { SCIM } from "@/lib/scim/constants";
import { setupTestDatabase } from "../support/db";
import { planWorld, roleOf } from "../support/plans";
import { SCIM_ORIGIN, scimClient, scimTokenFor, type ScimResult } from "../support/scim";

/**
 * SPEC C4 against the requests Okta and Microsoft Entra ID send to /Groups, taken from their
 * published documentation, each with the exact answer Seatwise must give:
 * - Okta: "Okta and SCIM Version 2.0" (developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20),
 *   section "SCIM Group operations".
 * - Entra: "Tutorial: Develop and plan provisioning for a SCIM endpoint in Microsoft Entra ID"
 *   (learn.microsoft.com …/app-provisioning/use-scim-to-provision-users-and-groups), section
 *   "SCIM protocol requests and responses → Group Operations" (request-7 … request-13).
 * Ids in the documents are the vendors' own; here they are the ids Seatwise gave.
 */
const t = setupTestDatabase();

const timestamp = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
const uuid = expect.stringMatching(/^[0-9a-f-]{36}$/);

async function world(idp: "Okta" | "Entra") {
  const w = await planWorld(t.db);
  const scim = scimClient(w.org.slug, (await scimTokenFor(w.ctx.admin, idp)).token);
  const base = `${SCIM_ORIGIN}/scim/v2/${w.org.slug}`;
  return { ...w, scim, base };
}

function expectScimJson(answer: ScimResult, status: number) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.headers.get("content-type")).toBe("application/scim+json");
}

function expectNoContent(answer: ScimResult) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(204);
  expect(answer.body).toBeNull();
}

const member = (base: string, user: { id: string; email: string }) => ({ value: user.id, display: user.email, $ref: `${base}/Users/${user.id}` });
const meta = (base: string, id: string) => ({ resourceType: "Group", created: timestamp, lastModified: timestamp, location: `${base}/Groups/${id}` });

describe("C4 Okta's Group requests (Okta and SCIM Version 2.0 → SCIM Group operations)", () => {
  it("C4 Okta: Create Groups, Retrieve Groups, Retrieve specific Groups, Update a specific Group name, Update specific Group membership, Delete a specific Group", async () => {
    const w = await world("Okta");

    // "Create Groups": POST /Groups after Push Groups.
    const created = await w.scim("POST", "/Groups", { schemas: [SCIM.group], displayName: "Test SCIMv2", members: [] });
    expectScimJson(created, 201);
    const id = created.body.id as string;
    expect(created.body).toEqual({ schemas: [SCIM.group], id: uuid, displayName: "Test SCIMv2", members: [], meta: meta(w.base, id) });
    expect(created.headers.get("location")).toBe(`${w.base}/Groups/${id}`);

    // Group Push links an existing group by its name first (the same filter Entra sends, below).
    const found = await w.scim("GET", `/Groups?filter=${encodeURIComponent('displayName eq "Test SCIMv2"')}`);
    expectScimJson(found, 200);
    expect(found.body).toEqual({ schemas: [SCIM.listResponse], totalResults: 1, startIndex: 1, itemsPerPage: 1, Resources: [created.body] });

    // "Retrieve Groups": page by page with startIndex and count, integers, a stable order.
    const page = await w.scim("GET", "/Groups?startIndex=1&count=100");
    expectScimJson(page, 200);
    expect(page.body).toEqual({ schemas: [SCIM.listResponse], totalResults: 1, startIndex: 1, itemsPerPage: 1, Resources: [created.body] });

    // "Update specific Group membership": remove by members[value eq "…"], add with a value list.
    const joined = await w.scim("PATCH", `/Groups/${id}`, {
      schemas: [SCIM.patchOp],
      Operations: [{ op: "add", path: "members", value: [{ value: w.user.id, display: w.user.email }] }],
    });
    expectNoContent(joined); // "The SCIM server response to PATCH method requests can also be a HTTP 204 response"
    const membership = await w.scim("PATCH", `/Groups/${id}`, {
      schemas: [SCIM.patchOp],
      Operations: [
        { op: "remove", path: `members[value eq "${w.user.id}"]` },
        { op: "add", path: "members", value: [{ value: w.user2.id, display: w.user2.email }] },
      ],
    });
    expectNoContent(membership);

    // "Retrieve specific Groups": the group with its members.
    const one = await w.scim("GET", `/Groups/${id}`);
    expectScimJson(one, 200);
    expect(one.body).toEqual({ schemas: [SCIM.group], id, displayName: "Test SCIMv2", members: [member(w.base, w.user2)], meta: meta(w.base, id) });

    // "Update a specific Group name": a no-path replace with the id echoed.
    const renamed = await w.scim("PATCH", `/Groups/${id}`, {
      schemas: [SCIM.patchOp],
      Operations: [{ op: "replace", value: { id, displayName: "Test SCIMv20" } }],
    });
    expectNoContent(renamed);

    // The full push of the membership: replace members.
    const full = await w.scim("PATCH", `/Groups/${id}`, {
      schemas: [SCIM.patchOp],
      Operations: [{ op: "replace", path: "members", value: [{ value: w.user.id, display: w.user.email }, { value: w.manager.id, display: w.manager.email }] }],
    });
    expectNoContent(full);
    const after = await w.scim("GET", `/Groups/${id}`);
    expect(after.body).toEqual({
      schemas: [SCIM.group],
      id,
      displayName: "Test SCIMv20",
      members: expect.arrayContaining([member(w.base, w.user), member(w.base, w.manager)]),
      meta: meta(w.base, id),
    });
    expect(after.body.members).toHaveLength(2);

    // "Update a specific Group name" for AIW apps: PUT with the group's members.
    const put = await w.scim("PUT", `/Groups/${id}`, { schemas: [SCIM.group], id, displayName: "Test SCIMv2", members: [{ value: w.user2.id, display: w.user2.email }] });
    expectScimJson(put, 200);
    expect(put.body).toEqual({ schemas: [SCIM.group], id, displayName: "Test SCIMv2", members: [member(w.base, w.user2)], meta: meta(w.base, id) });

    // "Delete a specific Group": Unlink pushed group → Delete the group in the target app.
    const deleted = await w.scim("DELETE", `/Groups/${id}`);
    expectNoContent(deleted);
    const gone = await w.scim("GET", `/Groups/${id}`);
    expectScimJson(gone, 404);
    expect(gone.body).toEqual({ schemas: [SCIM.error], status: "404", detail: "This group was not found." });
  });

  it("C4 R3 P3 P6 Okta: pushed groups named Managers and PDoc Share change roles and plan users under the pages' rules", async () => {
    const w = await world("Okta");
    const managers = (await w.scim("POST", "/Groups", { schemas: [SCIM.group], displayName: "Managers", members: [] })).body.id;
    const pdoc = (await w.scim("POST", "/Groups", { schemas: [SCIM.group], displayName: "PDoc Share", members: [] })).body.id;
    for (const group of [managers, pdoc]) {
      expectNoContent(
        await w.scim("PATCH", `/Groups/${group}`, {
          schemas: [SCIM.patchOp],
          Operations: [{ op: "add", path: "members", value: [{ value: w.user.id, display: w.user.email }] }],
        }),
      );
    }
    expect(await roleOf(t.db, w.org.id, w.user.id)).toBe("manager");
    expect(await t.db.select().from(planUsers).where(and(eq(planUsers.planId, w.plan.id), eq(planUsers.userId, w.user.id)))).toHaveLength(1);
    for (const group of [managers, pdoc]) {
      expectNoContent(await w.scim("PATCH", `/Groups/${group}`, { schemas: [SCIM.patchOp], Operations: [{ op: "remove", path: `members[value eq "${w.user.id}"]` }] }));
    }
    expect(await roleOf(t.db, w.org.id, w.user.id)).toBe("user");
    expect(await t.db.select().from(planUsers).where(and(eq(planUsers.planId, w.plan.id), eq(planUsers.userId, w.user.id)))).toHaveLength(0);
  });
});

describe("C4 Entra's Group requests (Develop and plan provisioning for a SCIM endpoint → Group Operations)", () => {
  it("C4 Entra: Create Group, Get Group, Get Group by displayName, Update Group [Non-member attributes], [Add Members], [Remove Members], Delete Group", async () => {
    const w = await world("Entra");

    // "Create Group" (request-7): Entra's extra schema and a meta it does not own; no members.
    const created = await w.scim("POST", "/Groups", {
      schemas: [SCIM.group, "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
      externalId: "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
      displayName: "displayName",
      meta: { resourceType: "Group" },
    });
    expectScimJson(created, 201);
    const id = created.body.id as string;
    expect(created.body).toEqual({
      schemas: [SCIM.group],
      id: uuid,
      externalId: "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
      displayName: "displayName",
      members: [],
      meta: meta(w.base, id),
    });

    // "Get Group" (request-8): excludedAttributes=members.
    const one = await w.scim("GET", `/Groups/${id}?excludedAttributes=members`);
    expectScimJson(one, 200);
    expect(one.body).toEqual({ schemas: [SCIM.group], id, externalId: "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159", displayName: "displayName", meta: meta(w.base, id) });

    // "Get Group by displayName" (request-9).
    const byName = await w.scim("GET", `/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "displayName"')}`);
    expectScimJson(byName, 200);
    expect(byName.body).toEqual({ schemas: [SCIM.listResponse], totalResults: 1, startIndex: 1, itemsPerPage: 1, Resources: [one.body] });
    const none = await w.scim("GET", `/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "non-existent group"')}`);
    expect(none.body).toEqual({ schemas: [SCIM.listResponse], totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] });

    // "Update Group [Non-member attributes]" (request-10): capitalised Replace of displayName.
    expectNoContent(
      await w.scim("PATCH", `/Groups/${id}`, {
        schemas: [SCIM.patchOp],
        Operations: [{ op: "Replace", path: "displayName", value: "1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName" }],
      }),
    );

    // "Update Group [Add Members]" (request-11): Add with [{"$ref": null, "value": …}].
    expectNoContent(
      await w.scim("PATCH", `/Groups/${id}`, { schemas: [SCIM.patchOp], Operations: [{ op: "Add", path: "members", value: [{ $ref: null, value: w.user.id }] }] }),
    );
    // Entra asks about the members attribute (Group provisioning and deprovisioning).
    const asked = await w.scim("GET", `/Groups?excludedAttributes=members&filter=${encodeURIComponent(`id eq "${id}" and members[value eq "${w.user.id}"]`)}`);
    expect(asked.body.totalResults).toBe(1);
    expect((await w.scim("GET", `/Groups/${id}`)).body.members).toEqual([member(w.base, w.user)]);

    // "Update Group [Remove Members]" (request-12): Remove with a value list.
    expectNoContent(
      await w.scim("PATCH", `/Groups/${id}`, { schemas: [SCIM.patchOp], Operations: [{ op: "Remove", path: "members", value: [{ $ref: null, value: w.user.id }] }] }),
    );
    expect((await w.scim("GET", `/Groups/${id}`)).body).toEqual({
      schemas: [SCIM.group],
      id,
      externalId: "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
      displayName: "1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName",
      members: [],
      meta: meta(w.base, id),
    });

    // "Delete Group" (request-13).
    expectNoContent(await w.scim("DELETE", `/Groups/${id}`));
    expect((await w.scim("GET", `/Groups/${id}?excludedAttributes=members`)).status).toBe(404);
  });

  it("C4 R3 Entra: Add to Admins promotes, Remove demotes; a Remove of the token's creator is refused in SCIM's error schema", async () => {
    const w = await world("Entra");
    const admins = (await w.scim("POST", "/Groups", { schemas: [SCIM.group], externalId: "aad-admins", displayName: "Admins" })).body.id;
    expectNoContent(
      await w.scim("PATCH", `/Groups/${admins}`, {
        schemas: [SCIM.patchOp],
        Operations: [{ op: "Add", path: "members", value: [{ $ref: null, value: w.manager.id }, { $ref: null, value: w.admin.id }] }],
      }),
    );
    expect(await roleOf(t.db, w.org.id, w.manager.id)).toBe("admin");
    expectNoContent(
      await w.scim("PATCH", `/Groups/${admins}`, { schemas: [SCIM.patchOp], Operations: [{ op: "Remove", path: "members", value: [{ $ref: null, value: w.manager.id }] }] }),
    );
    expect(await roleOf(t.db, w.org.id, w.manager.id)).toBe("user");
    const refused = await w.scim("PATCH", `/Groups/${admins}`, {
      schemas: [SCIM.patchOp],
      Operations: [{ op: "Remove", path: "members", value: [{ $ref: null, value: w.admin.id }] }],
    });
    expectScimJson(refused, 403);
    expect(refused.body).toEqual({
      schemas: [SCIM.error],
      status: "403",
      detail: `${w.admin.email}: ${w.admin.name} created this SCIM token: the directory never changes the role of its own token's creator.`,
    });
    expect(await roleOf(t.db, w.org.id, w.admin.id)).toBe("admin");
  });
});
