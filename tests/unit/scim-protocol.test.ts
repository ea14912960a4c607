import { describe, expect, it } from "vitest";
import { ScimError } from "@/lib/scim/errors";
import { parsePagination, parseUserFilter, parseGroupFilter } from "@/lib/scim/filter";
import { applyUserPatch, readGroupPatch, readUserResource, type ScimUserState } from "@/lib/scim/patch";
import { AppError } from "@/lib/errors";
import { toScimError } from "@/lib/scim/errors";

/**
 * Request shapes taken from Okta's "SCIM 2.0 protocol reference" and Microsoft Entra ID's
 * "Tutorial: Develop and plan provisioning for a SCIM endpoint" (request/response examples), each
 * with what Seatwise must make of it (issue 17).
 */
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const ID = "6e2b1c4e-2f0a-4a8b-9a44-0c3b0c1f2d11";

const ana: ScimUserState = {
  userName: "ana@brightforge.test",
  externalId: "00u1abcd",
  active: true,
  givenName: "Ana",
  familyName: "Silva",
  displayName: "Ana Silva",
  email: "ana@brightforge.test",
  phone: null,
};

function scimErrorOf(fn: () => unknown): ScimError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error("expected a ScimError");
}

describe("C1 filters as Okta and Entra send them", () => {
  it("C1 Okta: userName eq is case-insensitive", () => {
    expect(parseUserFilter('userName eq "Ana@BrightForge.test"')).toEqual({ filter: { userName: "ana@brightforge.test" }, matchesNothing: false });
  });
  it("C1 Entra: externalId eq and the and-join", () => {
    expect(parseUserFilter('externalId eq "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"').filter).toEqual({ externalId: "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef" });
    expect(parseUserFilter('userName eq "a@x.test" and externalId eq "e1"').filter).toEqual({ userName: "a@x.test", externalId: "e1" });
  });
  it("C1 attribute names are case-insensitive and may carry the schema URN", () => {
    expect(parseUserFilter('USERNAME eq "a@x.test"').filter).toEqual({ userName: "a@x.test" });
    expect(parseUserFilter('urn:ietf:params:scim:schemas:core:2.0:User:userName eq "a@x.test"').filter).toEqual({ userName: "a@x.test" });
  });
  it("C1 contradicting equalities match nothing instead of failing", () => {
    expect(parseUserFilter('userName eq "a@x.test" and userName eq "b@x.test"').matchesNothing).toBe(true);
  });
  it("C1 emails filters name the address", () => {
    expect(parseUserFilter('emails[type eq "work" and value eq "A@x.test"]').filter).toEqual({ email: "a@x.test" });
    expect(parseUserFilter('emails[type eq "work"]').filter).toEqual({});
    expect(parseUserFilter('emails[value eq "A@x.test"]').filter).toEqual({ email: "a@x.test" });
    expect(parseUserFilter('emails.value eq "A@x.test"').filter).toEqual({ email: "a@x.test" });
  });
  it("C1 Entra groups: displayName eq", () => {
    expect(parseGroupFilter('displayName eq "PDoc Share"').filter).toEqual({ displayName: "PDoc Share" });
  });
  it.each([
    ['userName co "ana"', "invalidFilter"],
    ['userName eq "a" or userName eq "b"', "invalidFilter"],
    ['title eq "CEO"', "invalidFilter"],
    ["userName eq", "invalidFilter"],
    ['userName eq "a" and (', "invalidFilter"],
    ["userName eq 12", "invalidFilter"],
    ["x".repeat(5_000), "invalidFilter"],
  ])("C1 an unsupported or malformed filter is a 400 SCIM error: %s", (filter, scimType) => {
    const error = scimErrorOf(() => parseUserFilter(filter));
    expect(error.status).toBe(400);
    expect(error.scimType).toBe(scimType);
  });
  it("C1 startIndex/count: 1-based, bounded, never failing", () => {
    expect(parsePagination(new URLSearchParams("startIndex=1&count=100"), 200)).toEqual({ offset: 0, limit: 100 });
    expect(parsePagination(new URLSearchParams("startIndex=11&count=5000"), 200)).toEqual({ offset: 10, limit: 200 });
    expect(parsePagination(new URLSearchParams("startIndex=-3&count=-1"), 200)).toEqual({ offset: 0, limit: 0 });
    expect(parsePagination(new URLSearchParams("startIndex=x&count=1e20"), 200)).toEqual({ offset: 0, limit: 200 });
  });
});

describe("C1 user bodies (POST / PUT)", () => {
  it("C1 Okta's POST /Users body", () => {
    const state = readUserResource({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: "Ana@BrightForge.test",
      name: { givenName: "Ana", familyName: "Silva" },
      emails: [{ primary: true, value: "ana@brightforge.test", type: "work" }],
      displayName: "Ana Silva",
      locale: "en-US",
      externalId: "00ujl29u0le5T6Aj10h7",
      groups: [],
      password: "1mz050nq",
      active: true,
    });
    expect(state).toEqual({ ...ana, externalId: "00ujl29u0le5T6Aj10h7", userName: "Ana@BrightForge.test" });
  });
  it("C1 Entra's POST /Users body (enterprise extension, string boolean)", () => {
    const state = readUserResource({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
      externalId: "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
      userName: "Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1",
      active: "True",
      emails: [{ primary: true, type: "work", value: "Test_User_fd0ea19b-0777-472c-9f96-4f70d2226f2e@testuser.com" }],
      meta: { resourceType: "User" },
      name: { formatted: "givenName familyName", familyName: "familyName", givenName: "givenName" },
      roles: [],
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { department: "Sales" },
    });
    expect(state.active).toBe(true);
    expect(state.email).toBe("test_user_fd0ea19b-0777-472c-9f96-4f70d2226f2e@testuser.com");
    expect(state.externalId).toBe("0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef");
  });
  it.each([
    [null, "invalidSyntax"],
    [[], "invalidSyntax"],
    [{ name: { givenName: "x" } }, "invalidValue"],
    [{ userName: "a@x.test", active: "maybe" }, "invalidValue"],
    [{ userName: "a@x.test", emails: "a@x.test" }, "invalidValue"],
    [{ userName: "a\u0000@x.test" }, "invalidValue"],
    [{ userName: "a@x.test", name: { givenName: "x".repeat(100_000) } }, "invalidValue"],
  ])("C1 a malformed user body is a 400 SCIM error: %j", (body, scimType) => {
    const error = scimErrorOf(() => readUserResource(body));
    expect(error.status).toBe(400);
    expect(error.scimType).toBe(scimType);
  });
});

describe("C2 PATCH /Users as Okta and Entra send it", () => {
  it("C2 Okta deactivation: no path, value {active:false}", () => {
    const { next, changed } = applyUserPatch(ID, ana, { schemas: [PATCH_OP], Operations: [{ op: "replace", value: { active: false } }] });
    expect(next.active).toBe(false);
    expect(changed).toEqual(["active"]);
  });
  it("C2 Entra deactivation: capitalised op and a string boolean", () => {
    const { next, changed } = applyUserPatch(ID, ana, { schemas: [PATCH_OP], Operations: [{ op: "Replace", path: "active", value: "False" }] });
    expect(next.active).toBe(false);
    expect(changed).toEqual(["active"]);
  });
  it("C2 Entra: emails[type eq \"work\"].value and name.familyName paths", () => {
    const { next, changed } = applyUserPatch(ID, ana, {
      schemas: [PATCH_OP],
      Operations: [
        { op: "Replace", path: 'emails[type eq "work"].value', value: "ana.silva@brightforge.test" },
        { op: "Replace", path: "name.familyName", value: "Silva-Costa" },
      ],
    });
    expect(next.email).toBe("ana.silva@brightforge.test");
    expect(next.familyName).toBe("Silva-Costa");
    expect(changed.sort()).toEqual(["email", "familyName"]);
  });
  it("C2 Entra aadOptscim062020: a value object keyed by a filtered path changes that path (never a silent 200)", () => {
    const { next, changed } = applyUserPatch(ID, ana, {
      schemas: [PATCH_OP],
      Operations: [{ op: "replace", value: { displayName: "Pvlo", 'emails[type eq "work"].value': "TestBcwqnm@test.microsoft.com", "name.givenName": "Gtfd" } }],
    });
    expect(next).toMatchObject({ displayName: "Pvlo", email: "testbcwqnm@test.microsoft.com", givenName: "Gtfd" });
    expect(changed.sort()).toEqual(["displayName", "email", "givenName"]);
    const refused = scimErrorOf(() => applyUserPatch(ID, ana, { Operations: [{ op: "replace", value: { "nickName2[type eq \"x\"].value": "y" } }] }));
    expect(refused.status).toBe(400);
  });
  it("C2 RFC 7644 §3.5.2.3: a value object's complex attribute replaces the sub-attributes it names and keeps the others", () => {
    const { next, changed } = applyUserPatch(ID, ana, { Operations: [{ op: "replace", value: { name: { givenName: "Anna" } } }] });
    expect(next).toMatchObject({ givenName: "Anna", familyName: "Silva" });
    expect(changed).toEqual(["givenName"]);
    expect(applyUserPatch(ID, ana, { Operations: [{ op: "replace", value: { "name.givenName": "Anna" } }] }).next.familyName).toBe("Silva");
  });
  it("C2 Entra aadOptscim062020: one no-path value object with dotted keys", () => {
    const { next, changed } = applyUserPatch(ID, ana, {
      schemas: [PATCH_OP],
      Operations: [{ op: "replace", value: { "name.givenName": "Anna", "name.familyName": "Sousa", active: false, displayName: "Anna Sousa" } }],
    });
    expect(next).toMatchObject({ givenName: "Anna", familyName: "Sousa", active: false, displayName: "Anna Sousa" });
    expect(changed.sort()).toEqual(["active", "displayName", "familyName", "givenName"]);
  });
  it("C2 Entra: Add of an externalId and the same id echoed in a value object", () => {
    const { next } = applyUserPatch(ID, { ...ana, externalId: null }, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Add", value: { id: ID, externalId: "e-42" } }],
    });
    expect(next.externalId).toBe("e-42");
  });
  it("C2 attributes Seatwise does not keep are accepted and not claimed as changed", () => {
    const { changed } = applyUserPatch(ID, ana, {
      schemas: [PATCH_OP],
      Operations: [
        { op: "replace", path: "title", value: "Engineer" },
        { op: "replace", path: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", value: "Sales" },
        { op: "replace", value: { locale: "de-DE" } },
      ],
    });
    expect(changed).toEqual([]);
  });
  it("C2 the full URN of the core schema in a path", () => {
    const { next } = applyUserPatch(ID, ana, {
      schemas: [PATCH_OP],
      Operations: [{ op: "replace", path: "urn:ietf:params:scim:schemas:core:2.0:User:name.givenName", value: "Anja" }],
    });
    expect(next.givenName).toBe("Anja");
  });
  it.each([
    [{ Operations: [] }, "invalidSyntax"],
    [{ schemas: ["x"], Operations: [{ op: "replace", value: { active: false } }] }, "invalidSyntax"],
    [{ Operations: [{ op: "move", path: "active", value: true }] }, "invalidSyntax"],
    [{ Operations: [{ op: "replace", path: "active", value: "perhaps" }] }, "invalidValue"],
    [{ Operations: [{ op: "replace", path: "favouriteColour", value: "red" }] }, "invalidPath"],
    [{ Operations: [{ op: "replace", path: "groups", value: [] }] }, "mutability"],
    [{ Operations: [{ op: "replace", value: { id: "another-id" } }] }, "mutability"],
    [{ Operations: [{ op: "remove" }] }, "noTarget"],
    [{ Operations: [{ op: "remove", path: "userName" }] }, "mutability"],
    [{ Operations: [{ op: "replace", path: 'emails[type eq "home"].value', value: "x@y.test" }] }, undefined],
    [{ Operations: [{ op: "replace" }] }, "invalidValue"],
    ["not json", "invalidSyntax"],
  ])("C2 an unsupported PATCH is an error, never a silent 200: %j", (body, scimType) => {
    const error = scimErrorOf(() => applyUserPatch(ID, ana, body));
    expect(error.status).toBe(400);
    if (scimType) expect(error.scimType).toBe(scimType);
  });
});

describe("C4 PATCH /Groups as Okta and Entra send it", () => {
  it("C4 Okta: remove with a members[value eq] path", () => {
    expect(readGroupPatch({ schemas: [PATCH_OP], Operations: [{ op: "remove", path: 'members[value eq "89bb1940-b905-4575-9e7f-6f887cfb368e"]' }] }, "g1")).toEqual({
      add: [],
      remove: ["89bb1940-b905-4575-9e7f-6f887cfb368e"],
      replaceMembers: false,
    });
  });
  it("C4 Okta: add with a value list; replace of the name with the id echoed", () => {
    expect(
      readGroupPatch(
        {
          schemas: [PATCH_OP],
          Operations: [
            { op: "add", path: "members", value: [{ value: "u1", display: "a@x.test" }, { value: "u2", display: "b@x.test" }] },
            { op: "replace", value: { id: "g1", displayName: "Managers" } },
          ],
        },
        "g1",
      ),
    ).toEqual({ add: ["u1", "u2"], remove: [], replaceMembers: false, displayName: "Managers" });
  });
  it("C4 Entra: Add and Remove with value lists, Replace displayName", () => {
    expect(
      readGroupPatch(
        {
          schemas: [PATCH_OP],
          Operations: [
            { op: "Add", path: "members", value: [{ value: "u1" }] },
            { op: "Remove", path: "members", value: [{ value: "u2" }] },
            { op: "Replace", path: "displayName", value: "PDoc Share" },
          ],
        },
        "g1",
      ),
    ).toEqual({ add: ["u1"], remove: ["u2"], replaceMembers: false, displayName: "PDoc Share" });
  });
  it("C4 a later remove cancels an earlier add of the same member", () => {
    const change = readGroupPatch({ Operations: [{ op: "add", path: "members", value: [{ value: "u1" }] }, { op: "remove", path: 'members[value eq "u1"]' }] }, "g1");
    expect(change).toEqual({ add: [], remove: ["u1"], replaceMembers: false });
  });
  it("C4 replace members sets the whole list", () => {
    expect(readGroupPatch({ Operations: [{ op: "replace", path: "members", value: [{ value: "u3" }] }] }, "g1")).toEqual({ add: ["u3"], remove: [], replaceMembers: true });
  });
  it.each([
    [{ Operations: [{ op: "add", path: "members", value: [{ display: "no id" }] }] }, "invalidValue"],
    [{ Operations: [{ op: "add", path: 'members[value eq "u1"]', value: {} }] }, "invalidPath"],
    [{ Operations: [{ op: "remove", path: 'members[display eq "x"]' }] }, "invalidFilter"],
    [{ Operations: [{ op: "replace", path: "owners", value: [] }] }, "invalidPath"],
    [{ Operations: [{ op: "remove", path: "displayName" }] }, "mutability"],
  ])("C4 an unsupported group PATCH is an error: %j", (body, scimType) => {
    const error = scimErrorOf(() => readGroupPatch(body, "g1"));
    expect(error.status).toBe(400);
    expect(error.scimType).toBe(scimType);
  });
});

describe("C1 rule refusals in SCIM's words", () => {
  it("C1 T3 a seat limit is a 4xx naming the tier and the limit; an active duplicate is 409 uniqueness", () => {
    const seat = toScimError(new AppError("SEAT_LIMIT", "All 10 seats of the Pro tier are in use."))!;
    expect(seat.status).toBe(409);
    expect(seat.scimType).toBeUndefined();
    expect(seat.detail).toContain("Pro");
    const duplicate = toScimError(new AppError("ALREADY_MEMBER", "Already a member."))!;
    expect(duplicate).toMatchObject({ status: 409, scimType: "uniqueness" });
    expect(toScimError(new Error("boom"))).toBeUndefined();
  });
});
