import { actAs, form, idle } from "../support/next-mocks";
import { beforeAll, describe, expect, it } from "vitest";
import { acceptInvitationAction } from "@/app/invite/[token]/actions";
import { resendInvitationAction, revokeInvitationAction } from "@/app/o/[org]/invites/actions";
import { changeTierAction } from "@/app/o/[org]/settings/subscription/actions";
import { transferSurveyAction } from "@/app/o/[org]/surveys/actions";
import { deleteMemberAction, inviteMembersAction, setMemberStatusAction, updateMemberAction } from "@/app/o/[org]/users/actions";
import type { FormState } from "@/lib/form-state";
import { setupTestDatabase } from "../support/db";
import { makeInvitation, makeOrg, makeSurvey } from "../support/factories";
import { addNamedMember, expectNoChange, uniqueEmail } from "../support/state";

/**
 * SPEC §10: bad input gets a message next to the field it concerns and changes nothing (I1 for
 * malformed emails). Every case is posted by an Admin, who may do everything, so that the only
 * reason for a refusal is the input. The setup file fails any test that logs console.error, so an
 * unexpected error on the way would fail here too.
 */
const t = setupTestDatabase();

type Action = (prev: FormState, data: FormData) => Promise<FormState>;
type Fields = Record<string, string | string[] | undefined>;

let w: Awaited<ReturnType<typeof world>>;

async function world() {
  const org = await makeOrg(t.db, { tier: "pro" });
  const admin = (await addNamedMember(t.db, org.id, "admin")).user;
  const user = (await addNamedMember(t.db, org.id, "user")).user;
  const { invitation } = await makeInvitation(t.db, org.id, admin.id, { email: uniqueEmail("pending") });
  const survey = await makeSurvey(t.db, org.id, user.id);
  return { org, admin, user, invitation, survey };
}

beforeAll(async () => {
  w = await world();
});

/** A field of the right shape for each action, overridden by the case. */
function valid(action: string): Fields {
  switch (action) {
    case "invite":
      return { org: w.org.slug, emails: uniqueEmail("ok"), role: "user" };
    case "update":
      return {
        org: w.org.slug,
        userId: w.user.id,
        firstName: w.user.firstName!,
        lastName: w.user.lastName!,
        email: w.user.email,
        phone: "",
        role: "user",
      };
    case "delete":
      return { org: w.org.slug, userId: w.user.id };
    case "status":
      return { org: w.org.slug, userId: w.user.id, status: "suspended" };
    case "resend":
    case "revoke":
      return { org: w.org.slug, invitationId: w.invitation.id };
    case "tier":
      return { org: w.org.slug, tier: "enterprise" };
    case "transfer":
      return { org: w.org.slug, surveyId: w.survey.id, toUserId: w.admin.id };
    default:
      throw new Error(action);
  }
}

const actions: Record<string, Action> = {
  invite: inviteMembersAction,
  update: updateMemberAction,
  delete: deleteMemberAction,
  status: setMemberStatusAction,
  resend: resendInvitationAction,
  revoke: revokeInvitationAction,
  tier: changeTierAction,
  transfer: transferSurveyAction,
};

const long = (n: number) => "x".repeat(n);
const longEmail = `${"a".repeat(64)}@${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(60)}.example`; // 255 characters
const notUuids = ["", "123", "not-a-uuid", "00000000-0000-0000-0000-00000000000g", "' or 1=1 --", `${crypto.randomUUID()}x`];

/** [rule, action, what is wrong, the field that must carry the error, the overrides]. */
const cases: Array<[rule: string, action: string, what: string, field: string, overrides: Fields]> = [
  ["I1", "invite", "no emails field", "emails", { emails: undefined }],
  ["I1", "invite", "an empty list", "emails", { emails: " , ;  " }],
  ["I1", "invite", "more than 50 addresses", "emails", { emails: Array.from({ length: 51 }, (_, i) => `p${i}@example.test`).join(",") }],
  ["I1", "invite", "a list longer than 20,000 characters", "emails", { emails: `${long(20_001)}@example.test` }],
  ["I1", "invite", "the emails field twice", "emails", { emails: ["a@example.test", "b@example.test"] }],
  ["R1", "invite", "a role outside the enum", "role", { role: "owner" }],
  ["R1", "invite", "a role in the wrong case", "role", { role: "Admin" }],
  ["R1", "invite", "no role", "role", { role: undefined }],
  ["I1", "invite", "a first name over 80 characters", "firstName", { firstName: long(81) }],
  ["I1", "invite", "a last name over 80 characters", "lastName", { lastName: long(81) }],
  ["I1", "invite", "a name with several addresses", "firstName", { emails: "a@example.test, b@example.test", firstName: "Ann" }],

  ["R2", "update", "a member id that is not a uuid", "userId", { userId: "42" }],
  ["R2", "update", "no member id", "userId", { userId: undefined }],
  ["R2", "update", "no first name", "firstName", { firstName: undefined }],
  ["R2", "update", "a blank first name", "firstName", { firstName: "   " }],
  ["R2", "update", "a first name over 80 characters", "firstName", { firstName: long(81) }],
  ["R2", "update", "a last name over 80 characters", "lastName", { lastName: long(81) }],
  ["R2", "update", "a malformed email", "email", { email: "not-an-email" }],
  ["R2", "update", "an email with two @", "email", { email: "a@b@example.test" }],
  ["R2", "update", "an email over 254 characters", "email", { email: longEmail }],
  ["R2", "update", "no email", "email", { email: undefined }],
  ["R2", "update", "a phone over 32 characters", "phone", { phone: "1".repeat(33) }],
  ["R2", "update", "a phone with letters", "phone", { phone: "call me maybe" }],
  ["R3", "update", "a role outside the enum", "role", { role: "superadmin" }],
  ["R3", "update", "no role", "role", { role: undefined }],
  ["R3", "update", "the role field twice", "role", { role: ["user", "admin"] }],

  ["R4", "delete", "a member id that is not a uuid", "userId", { userId: "me" }],
  ["R4", "delete", "no member id", "userId", { userId: undefined }],
  ["R9", "status", "a status outside the enum", "status", { status: "paused" }],
  ["R9", "status", "no status", "status", { status: undefined }],
  ["R9", "status", "a member id that is not a uuid", "userId", { userId: "1; drop table users" }],

  ["I3", "resend", "an invitation id that is not a uuid", "invitationId", { invitationId: "abc" }],
  ["I3", "resend", "no invitation id", "invitationId", { invitationId: undefined }],
  ["I3", "revoke", "an invitation id that is not a uuid", "invitationId", { invitationId: "abc" }],

  ["T4", "tier", "a tier outside the enum", "tier", { tier: "platinum" }],
  ["T4", "tier", "a tier in the wrong case", "tier", { tier: "Free" }],
  ["T4", "tier", "no tier", "tier", { tier: undefined }],

  ["S2", "transfer", "a survey id that is not a uuid", "surveyId", { surveyId: "survey-1" }],
  ["S2", "transfer", "a recipient id that is not a uuid", "toUserId", { toUserId: "someone" }],
  ["S2", "transfer", "no recipient", "toUserId", { toUserId: undefined }],
];

describe("§10 bad input: VALIDATION with an error on the field, nothing written", () => {
  it.each(cases)("%s: %s with %s → VALIDATION on %s", async (_rule, action, _what, field, overrides) => {
    actAs(w.admin.id);
    const result = await expectNoChange(t.db, () => actions[action](idle, form({ ...valid(action), ...overrides })));
    expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(result.fieldErrors?.[field]?.length, `an error next to ${field}`).toBeGreaterThan(0);
  });

  it.each(["delete", "status"])("R4/R9: ids of every wrong shape are refused by %s before the database", async (action) => {
    actAs(w.admin.id);
    for (const userId of notUuids) {
      const result = await expectNoChange(t.db, () => actions[action](idle, form({ ...valid(action), userId })));
      expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
      expect(result.fieldErrors?.userId?.length).toBeGreaterThan(0);
    }
  });

  it("§10: a malformed organization slug is NOT_FOUND, never an error", async () => {
    actAs(w.admin.id);
    for (const org of [undefined, "", "../etc", "A".repeat(65), "Acme Corp", "org'--"]) {
      const result = await expectNoChange(t.db, () => deleteMemberAction(idle, form({ ...valid("delete"), org })));
      expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
  });

  it("§10: a refused form echoes the values back for the form to show again", async () => {
    actAs(w.admin.id);
    const result = await updateMemberAction(idle, form({ ...valid("update"), phone: "call me maybe" }));
    expect(result.values).toMatchObject({ phone: "call me maybe", email: w.user.email });
  });
});

describe("I1 malformed addresses in an invite list", () => {
  it("I1: each malformed address gets its own 'malformed' result and nothing is written", async () => {
    actAs(w.admin.id);
    const bad = ["not-an-email", "a@", "@example.test", "a@b@example.test", "a..b@example.test", longEmail];
    const result = await expectNoChange(t.db, () =>
      inviteMembersAction(idle, form({ org: w.org.slug, emails: bad.join("\n"), role: "user" })),
    );
    expect(result.ok).toBe(true);
    const outcomes = (result.data as Array<{ email: string; outcome: string }>).map((r) => r.outcome);
    expect(outcomes).toHaveLength(bad.length);
    expect(new Set(outcomes)).toEqual(new Set(["malformed"]));
  });

  it("I1: a malformed address next to a good one: the good one is invited, the bad one reported", async () => {
    actAs(w.admin.id);
    const good = uniqueEmail("good");
    const result = await inviteMembersAction(idle, form({ org: w.org.slug, emails: `nope, ${good}`, role: "user" }));
    expect(result).toMatchObject({ ok: true });
    expect(result.data).toEqual([
      expect.objectContaining({ email: "nope", outcome: "malformed" }),
      expect.objectContaining({ email: good, outcome: "invited" }),
    ]);
  });
});

describe("I4 bad tokens", () => {
  it.each([
    ["too short", "abc"],
    ["with characters a token never has", `${"a".repeat(30)}/../${"b".repeat(10)}`],
    ["too long", "a".repeat(201)],
    ["missing", undefined],
  ])("I4: a token that is %s is VALIDATION on token", async (_what, token) => {
    actAs(null);
    const result = await expectNoChange(t.db, () => acceptInvitationAction(idle, form({ token })));
    expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(result.fieldErrors?.token?.length).toBeGreaterThan(0);
  });

  it("I4: a well-formed token that matches nothing is NOT_FOUND and changes nothing", async () => {
    actAs(null);
    const result = await expectNoChange(t.db, () => acceptInvitationAction(idle, form({ token: "A".repeat(43) })));
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

describe("R2 an email that another account uses", () => {
  it("R2: changing one's email to another account's address, in any case, is CONFLICT on email and changes nothing", async () => {
    actAs(w.user.id);
    const result = await expectNoChange(t.db, () =>
      updateMemberAction(idle, form({ ...valid("update"), email: `  ${w.admin.email.toUpperCase()} ` })),
    );
    expect(result).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(result.fieldErrors?.email?.length).toBeGreaterThan(0);
  });
});
