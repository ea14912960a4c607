import { actAs, form, idle } from "../support/next-mocks";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { resendInvitationAction, revokeInvitationAction } from "@/app/o/[org]/invites/actions";
import { changeTierAction } from "@/app/o/[org]/settings/subscription/actions";
import { transferSurveyAction } from "@/app/o/[org]/surveys/actions";
import { deleteMemberAction, inviteMembersAction, setMemberStatusAction, updateMemberAction } from "@/app/o/[org]/users/actions";
import { eq } from "drizzle-orm";
import { memberships, users } from "@/db/schema";
import type { FormState } from "@/lib/form-state";
import { setupTestDatabase } from "../support/db";
import { makeInvitation, makeOrg, makeSurvey } from "../support/factories";
import { addNamedMember, expectNoChange, snapshot, uniqueEmail } from "../support/state";

/**
 * SPEC §10: another organization's ids, in the URL (the `org` field) or in a form, behave exactly
 * like ids that do not exist. An Admin of organization B posts every action with organization
 * A's slug and ids; A must not change, and the answers must not tell A's ids from made-up ones.
 */
const t = setupTestDatabase();

type Action = (prev: FormState, data: FormData) => Promise<FormState>;

let a: Awaited<ReturnType<typeof world>>;

async function world() {
  const orgA = await makeOrg(t.db, { tier: "pro" });
  const adminA = (await addNamedMember(t.db, orgA.id, "admin")).user;
  const userA = (await addNamedMember(t.db, orgA.id, "user")).user;
  const { invitation: invitationA } = await makeInvitation(t.db, orgA.id, adminA.id, { email: uniqueEmail("a-invitee") });
  const { invitation: expiredA } = await makeInvitation(t.db, orgA.id, adminA.id, {
    email: uniqueEmail("a-expired"),
    expiresAt: new Date(Date.now() - 1000),
  });
  const surveyA = await makeSurvey(t.db, orgA.id, userA.id, "A's survey");

  const orgB = await makeOrg(t.db, { tier: "pro" });
  const adminB = (await addNamedMember(t.db, orgB.id, "admin")).user;
  const userB = (await addNamedMember(t.db, orgB.id, "user")).user;
  const surveyB = await makeSurvey(t.db, orgB.id, adminB.id, "B's survey");
  return { orgA, adminA, userA, invitationA, expiredA, surveyA, orgB, adminB, userB, surveyB };
}

beforeAll(async () => {
  a = await world();
});

/** What a refusal tells the caller: its code, message and field errors (not the echoed values). */
function answer(state: FormState) {
  return { ok: state.ok, code: state.code, formError: state.formError, fieldErrors: state.fieldErrors };
}

/**
 * Calls `action` with A's ids and with made-up ids of the same shape; both must be NOT_FOUND with
 * the same answer, and the database must not change.
 */
async function expectLikeMissing(action: Action, foreign: Record<string, string>, missing: Record<string, string>) {
  const foreignResult = await expectNoChange(t.db, () => action(idle, form(foreign)));
  const missingResult = await expectNoChange(t.db, () => action(idle, form(missing)));
  expect(foreignResult).toMatchObject({ ok: false, code: "NOT_FOUND" });
  expect(answer(foreignResult)).toEqual(answer(missingResult));
}

describe("§10 tenant isolation: an Admin of B posting with organization A's slug", () => {
  it("§10/R1: every action with A's slug answers NOT_FOUND, like a slug that does not exist", async () => {
    actAs(a.adminB.id);
    const cases: Array<[Action, Record<string, string>]> = [
      [inviteMembersAction, { emails: uniqueEmail("x"), role: "user" }],
      [
        updateMemberAction,
        { userId: a.userA.id, firstName: "Hacked", lastName: "", email: a.userA.email, phone: "", role: "admin" },
      ],
      [deleteMemberAction, { userId: a.userA.id }],
      [setMemberStatusAction, { userId: a.userA.id, status: "suspended" }],
      [resendInvitationAction, { invitationId: a.invitationA.id }],
      [revokeInvitationAction, { invitationId: a.invitationA.id }],
      [changeTierAction, { tier: "free" }],
      [transferSurveyAction, { surveyId: a.surveyA.id, toUserId: a.adminA.id }],
    ];
    for (const [action, fields] of cases) {
      await expectLikeMissing(action, { org: a.orgA.slug, ...fields }, { org: "no-such-org", ...fields });
    }
  });
});

describe("§10 tenant isolation: an Admin of B posting with B's slug and A's ids", () => {
  it("§10/R2: edit user with A's member id answers NOT_FOUND", async () => {
    actAs(a.adminB.id);
    const fields = (userId: string) => ({
      org: a.orgB.slug,
      userId,
      firstName: "Hacked",
      lastName: "",
      email: uniqueEmail("hijack"),
      phone: "",
      role: "manager",
    });
    await expectLikeMissing(updateMemberAction, fields(a.userA.id), fields(randomUUID()));
    await expectLikeMissing(updateMemberAction, fields(a.adminA.id), fields(randomUUID()));
  });

  it("§10/R4: delete with A's member id answers NOT_FOUND", async () => {
    actAs(a.adminB.id);
    await expectLikeMissing(
      deleteMemberAction,
      { org: a.orgB.slug, userId: a.userA.id },
      { org: a.orgB.slug, userId: randomUUID() },
    );
  });

  it("§10/R9: suspend and re-activate with A's member id answer NOT_FOUND", async () => {
    actAs(a.adminB.id);
    for (const status of ["suspended", "active"]) {
      await expectLikeMissing(
        setMemberStatusAction,
        { org: a.orgB.slug, userId: a.userA.id, status },
        { org: a.orgB.slug, userId: randomUUID(), status },
      );
    }
  });

  it("§10/I3: resend and revoke with A's invitation ids (live and expired) answer NOT_FOUND", async () => {
    actAs(a.adminB.id);
    for (const action of [resendInvitationAction, revokeInvitationAction]) {
      for (const invitation of [a.invitationA, a.expiredA]) {
        await expectLikeMissing(
          action,
          { org: a.orgB.slug, invitationId: invitation.id },
          { org: a.orgB.slug, invitationId: randomUUID() },
        );
      }
    }
  });

  it("§10/S2: transfer of A's survey, or of B's survey to A's member, answers NOT_FOUND", async () => {
    actAs(a.adminB.id);
    await expectLikeMissing(
      transferSurveyAction,
      { org: a.orgB.slug, surveyId: a.surveyA.id, toUserId: a.userB.id },
      { org: a.orgB.slug, surveyId: randomUUID(), toUserId: a.userB.id },
    );
    await expectLikeMissing(
      transferSurveyAction,
      { org: a.orgB.slug, surveyId: a.surveyB.id, toUserId: a.userA.id },
      { org: a.orgB.slug, surveyId: a.surveyB.id, toUserId: randomUUID() },
    );
  });

  it("§10/I1: inviting A's member into B is an ordinary invitation to B and leaves A untouched", async () => {
    actAs(a.adminB.id);
    const before = await snapshot(t.db);
    const result = await inviteMembersAction(idle, form({ org: a.orgB.slug, emails: a.userA.email, role: "user" }));
    expect(result).toMatchObject({ ok: true, data: [expect.objectContaining({ outcome: "invited" })] });
    const after = await snapshot(t.db);
    // A's members, invitations and survey are as they were.
    expect(after.memberships).toEqual(before.memberships);
    expect(after.surveys).toEqual(before.surveys);
    expect(after.invitations.filter((row) => row.includes(a.orgA.id))).toEqual(
      before.invitations.filter((row) => row.includes(a.orgA.id)),
    );
  });
});

describe("§10 a member of both organizations", () => {
  it("R2/§10: an Admin of A can only ask to move the sign-in email of a person who also belongs to B; it stays until the person confirms", async () => {
    const shared = (await addNamedMember(t.db, a.orgA.id, "user")).user;
    await t.db.insert(memberships).values({ orgId: a.orgB.id, userId: shared.id, role: "user" });
    actAs(a.adminA.id);
    const result = await updateMemberAction(
      idle,
      form({
        org: a.orgA.slug,
        userId: shared.id,
        firstName: shared.firstName!,
        lastName: shared.lastName!,
        email: uniqueEmail("moved"),
        phone: "",
        role: "user",
      }),
    );
    expect(result).toMatchObject({ ok: true });
    const [row] = await t.db.select().from(users).where(eq(users.id, shared.id));
    expect(row.email).toBe(shared.email);
  });


  it("§10/R8: an Admin of B who is only a User in A gets nothing of B's powers in A", async () => {
    const both = (await addNamedMember(t.db, a.orgB.id, "admin")).user;
    await t.db.insert(memberships).values({ orgId: a.orgA.id, userId: both.id, role: "user" });
    actAs(both.id);
    const inA = await expectNoChange(t.db, () =>
      deleteMemberAction(idle, form({ org: a.orgA.slug, userId: a.userA.id })),
    );
    expect(inA).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const tier = await expectNoChange(t.db, () => changeTierAction(idle, form({ org: a.orgA.slug, tier: "enterprise" })));
    expect(tier).toMatchObject({ ok: false, code: "FORBIDDEN" });
    // With B's slug, A's member is still not found, though the caller can see them in A.
    const viaB = await expectNoChange(t.db, () =>
      deleteMemberAction(idle, form({ org: a.orgB.slug, userId: a.userA.id })),
    );
    expect(viaB).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});
