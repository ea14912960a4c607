import { actAs, form, idle } from "../support/next-mocks";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  checkInSurveyAction,
  checkOutSurveyAction,
  createSurveyAction,
  disableShareLinkAction,
  forceCheckInSurveyAction,
  mergeSurveysAction,
  rotateShareLinkAction,
  transferAllSurveysAction,
  transferSurveyAction,
  updateSurveyAction,
} from "@/app/o/[org]/surveys/actions";
import { setMemberStatusAction } from "@/app/o/[org]/users/actions";
import { auditLog, emailOutbox, notifications, surveyResponses, surveys, type Role } from "@/db/schema";
import type { FormState } from "@/lib/form-state";
import { setupTestDatabase } from "../support/db";
import { rendered } from "../support/email";
import { makeOrg, makeResponse, makeSurvey } from "../support/factories";
import { addNamedMember, expectNoChange } from "../support/state";

/**
 * SPEC S1 and S2 at the action level, the way a forged POST reaches the server: every actor role
 * against every ownership case. The expected answers are written out by hand from the Ecobot
 * article ("Force check-in, transfer, and merge surveys between any user" for Admins and
 * Managers; "only surveys they own" for Users), not derived from lib/permissions. A refusal
 * leaves the database exactly as it was.
 */
const t = setupTestDatabase();

type Action = (state: FormState, data: FormData) => Promise<FormState>;
const roles: Role[] = ["admin", "manager", "user"];
/** Who owns the survey: the actor, or another member of this role. */
type Owner = "self" | Role;
const owners: Owner[] = ["self", "admin", "manager", "user"];
const allowed = (actor: Role, owner: Owner) => actor !== "user" || owner === "self";

/** Runs an action; a redirect (create, merge) is its success. */
async function run(action: Action, fields: Record<string, string | string[]>): Promise<FormState> {
  try {
    return await action(idle, form(fields));
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT")) return { ok: true, message: digest.split(";")[2] };
    throw error;
  }
}

/** An organization with the actor, one other member of each role, and a spare User. */
async function scene(actorRole: Role) {
  const org = await makeOrg(t.db, { tier: "enterprise" });
  const founder = (await addNamedMember(t.db, org.id, "admin")).user;
  const actor = (await addNamedMember(t.db, org.id, actorRole)).user;
  const others = {
    admin: (await addNamedMember(t.db, org.id, "admin")).user,
    manager: (await addNamedMember(t.db, org.id, "manager")).user,
    user: (await addNamedMember(t.db, org.id, "user")).user,
  };
  const spare = (await addNamedMember(t.db, org.id, "user")).user;
  const ownerOf = (owner: Owner) => (owner === "self" ? actor : others[owner]);
  return { org, founder, actor, others, spare, ownerOf };
}

async function surveyRow(id: string) {
  const [row] = await t.db.select().from(surveys).where(eq(surveys.id, id));
  return row;
}

async function auditOf(action: string, subjectId: string) {
  return t.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.subjectId, subjectId)));
}

describe("S2 force check-in: every role × every owner, as direct POSTs", () => {
  for (const role of roles)
    for (const owner of owners) {
      const expected = allowed(role, owner);
      it(`S2: a ${role} force-checks-in a survey owned by ${owner === "self" ? "themselves" : `a ${owner}`}, checked out by someone else → ${expected ? "ok" : "FORBIDDEN"}`, async () => {
        const s = await scene(role);
        const survey = await makeSurvey(t.db, s.org.id, s.ownerOf(owner).id, "Left behind", {
          checkedOutById: s.spare.id,
          checkedOutAt: new Date(Date.now() - 3 * 24 * 3600 * 1000),
        });
        actAs(s.actor.id);
        const fields = { org: s.org.slug, surveyId: survey.id, holderId: s.spare.id };
        if (expected) {
          expect(await run(forceCheckInSurveyAction, fields)).toMatchObject({ ok: true });
          expect(await surveyRow(survey.id)).toMatchObject({ checkedOutById: null, checkedOutAt: null });
          const [entry] = await auditOf("survey.force_checked_in", survey.id);
          expect(entry).toMatchObject({ actorId: s.actor.id, targetUserId: s.spare.id });
        } else {
          const result = await expectNoChange(t.db, () => run(forceCheckInSurveyAction, fields));
          expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
        }
      });
    }
});

describe("S2 transfer: every role × every owner, as direct POSTs", () => {
  for (const role of roles)
    for (const owner of owners) {
      const expected = allowed(role, owner);
      it(`S2: a ${role} transfers a survey owned by ${owner === "self" ? "themselves" : `a ${owner}`} → ${expected ? "ok, and the new owner is notified (N1, E1)" : "FORBIDDEN"}`, async () => {
        const s = await scene(role);
        const survey = await makeSurvey(t.db, s.org.id, s.ownerOf(owner).id, "Quarterly audit");
        actAs(s.actor.id);
        const fields = { org: s.org.slug, surveyId: survey.id, toUserId: s.spare.id };
        if (expected) {
          expect(await run(transferSurveyAction, fields)).toMatchObject({ ok: true });
          expect((await surveyRow(survey.id)).ownerId).toBe(s.spare.id);
          const inbox = await t.db.select().from(notifications).where(eq(notifications.userId, s.spare.id));
          expect(inbox).toEqual([expect.objectContaining({ kind: "survey_transferred", orgId: s.org.id })]);
          const mail = await rendered(t.db.select().from(emailOutbox).where(eq(emailOutbox.to, s.spare.email)));
          expect(mail).toEqual([expect.objectContaining({ template: "survey-transferred" })]);
          expect(mail[0].subject).toContain("Quarterly audit");
          expect(mail[0].text).toContain(`/surveys/${survey.id}`);
          expect(await auditOf("survey.transferred", survey.id)).toHaveLength(1);
        } else {
          const result = await expectNoChange(t.db, () => run(transferSurveyAction, fields));
          expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
        }
      });
    }
});

describe("S2 merge: every role × the owner of each survey, as direct POSTs", () => {
  for (const role of roles)
    for (const sourceOwner of ["self", "user"] as Owner[])
      for (const targetOwner of ["self", "manager"] as Owner[]) {
        const expected = role !== "user" || (sourceOwner === "self" && targetOwner === "self");
        it(`S2: a ${role} merges a survey of ${sourceOwner === "self" ? "their own" : `a ${sourceOwner}`} into one of ${targetOwner === "self" ? "their own" : `a ${targetOwner}`} → ${expected ? "ok" : "FORBIDDEN"}`, async () => {
          const s = await scene(role);
          const source = await makeSurvey(t.db, s.org.id, s.ownerOf(sourceOwner).id, "Source");
          const target = await makeSurvey(t.db, s.org.id, s.ownerOf(targetOwner).id, "Target");
          await makeResponse(t.db, source.id, { q: "a" });
          actAs(s.actor.id);
          const fields = { org: s.org.slug, sourceId: source.id, targetId: target.id };
          if (expected) {
            const result = await run(mergeSurveysAction, fields);
            expect(result).toMatchObject({ ok: true });
            expect(result.message).toContain(`/surveys/${target.id}?merged=1`);
            expect(await surveyRow(source.id)).toBeUndefined();
            expect(await t.db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, target.id))).toHaveLength(1);
          } else {
            const result = await expectNoChange(t.db, () => run(mergeSurveysAction, fields));
            expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
          }
        });
      }
});

describe("S2 transfer of all of a member's surveys at once", () => {
  for (const role of roles)
    for (const from of owners) {
      const expected = allowed(role, from);
      it(`S2/R5: a ${role} transfers every survey of ${from === "self" ? "their own" : `a ${from}`} → ${expected ? "ok: one audit entry per survey, one notification, one email" : "FORBIDDEN"}`, async () => {
        const s = await scene(role);
        const owner = s.ownerOf(from);
        const owned = [await makeSurvey(t.db, s.org.id, owner.id, "One"), await makeSurvey(t.db, s.org.id, owner.id, "Two")];
        const untouched = await makeSurvey(t.db, s.org.id, s.founder.id, "Someone else's");
        actAs(s.actor.id);
        const fields = { org: s.org.slug, fromUserId: owner.id, toUserId: s.spare.id };
        if (expected) {
          expect(await run(transferAllSurveysAction, fields)).toMatchObject({ ok: true, message: "2 surveys transferred. The new owner was notified." });
          for (const survey of owned) expect((await surveyRow(survey.id)).ownerId).toBe(s.spare.id);
          expect((await surveyRow(untouched.id)).ownerId).toBe(s.founder.id);
          for (const survey of owned) expect(await auditOf("survey.transferred", survey.id)).toHaveLength(1);
          expect(await t.db.select().from(notifications).where(eq(notifications.userId, s.spare.id))).toHaveLength(1);
          const [mail] = await rendered(t.db.select().from(emailOutbox).where(eq(emailOutbox.to, s.spare.email)));
          expect(mail.subject).toBe(`You now own 2 surveys in ${s.org.name}`);
        } else {
          const result = await expectNoChange(t.db, () => run(transferAllSurveysAction, fields));
          expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
        }
      });
    }

  it("S2: transferring to the same member, to a suspended member, or from someone who owns nothing changes nothing", async () => {
    const s = await scene("admin");
    await makeSurvey(t.db, s.org.id, s.others.user.id, "One");
    const suspended = (await addNamedMember(t.db, s.org.id, "user")).user;
    actAs(s.founder.id);
    await setMemberStatusAction(idle, form({ org: s.org.slug, userId: suspended.id, status: "suspended" }));
    for (const [fields, code] of [
      [{ fromUserId: s.others.user.id, toUserId: s.others.user.id }, "CONFLICT"],
      [{ fromUserId: s.others.user.id, toUserId: suspended.id }, "CONFLICT"],
      [{ fromUserId: s.spare.id, toUserId: s.others.user.id }, "CONFLICT"],
      [{ fromUserId: s.others.user.id, toUserId: randomUUID() }, "NOT_FOUND"],
    ] as const) {
      const result = await expectNoChange(t.db, () => run(transferAllSurveysAction, { org: s.org.slug, ...fields }));
      expect(result).toMatchObject({ ok: false, code });
    }
  });
});

describe("S2 share link (managed like S2: the owner, Admins and Managers)", () => {
  for (const role of roles)
    for (const owner of owners) {
      const expected = allowed(role, owner);
      it(`S2/share link: a ${role} creates, replaces and turns off the link of a survey owned by ${owner === "self" ? "themselves" : `a ${owner}`} → ${expected ? "ok" : "FORBIDDEN"}`, async () => {
        const s = await scene(role);
        const survey = await makeSurvey(t.db, s.org.id, s.ownerOf(owner).id, "Shared");
        actAs(s.actor.id);
        const fields = { org: s.org.slug, surveyId: survey.id };
        if (expected) {
          expect(await run(rotateShareLinkAction, fields)).toMatchObject({ ok: true });
          expect((await surveyRow(survey.id)).shareTokenHash).toMatch(/^[0-9a-f]{64}$/);
          expect(await run(disableShareLinkAction, fields)).toMatchObject({ ok: true });
          expect((await surveyRow(survey.id)).shareTokenHash).toBeNull();
        } else {
          for (const action of [rotateShareLinkAction, disableShareLinkAction]) {
            const result = await expectNoChange(t.db, () => run(action, fields));
            expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
          }
        }
      });
    }
});

describe("S1 check-out, edit, check-in", () => {
  for (const role of roles) {
    it(`S1: a ${role} checks out a survey someone else owns, edits it, and checks it in`, async () => {
      const s = await scene(role);
      const survey = await makeSurvey(t.db, s.org.id, s.others.user.id, "Shift handover", { questions: [{ id: "q1", text: "Old wording" }] });
      await makeResponse(t.db, survey.id, { q1: "An answer" });
      actAs(s.actor.id);
      const fields = { org: s.org.slug, surveyId: survey.id };
      expect(await run(checkOutSurveyAction, fields)).toMatchObject({ ok: true });
      const held = await surveyRow(survey.id);
      expect(held.checkedOutById).toBe(s.actor.id);
      expect(held.checkedOutAt).toBeInstanceOf(Date);

      const edit = { ...fields, title: "Shift handover v2", description: "Every shift", questionId: ["q1", ""], questionText: ["New wording", "Added"], questionRequired: ["true", "false"] };
      const saved = await run(updateSurveyAction, edit);
      expect(saved).toMatchObject({ ok: true });
      const edited = await surveyRow(survey.id);
      expect(edited).toMatchObject({ title: "Shift handover v2", description: "Every shift" });
      // The reworded question keeps its id, so the earlier answer stays with it.
      expect(edited.questions[0]).toEqual({ id: "q1", text: "New wording", required: true });
      expect(edited.questions[1]).toMatchObject({ text: "Added", required: false });
      expect(edited.questions[1].id).toMatch(/^q_/);
      expect(await auditOf("survey.updated", survey.id)).toHaveLength(1);

      expect(await run(checkInSurveyAction, fields)).toMatchObject({ ok: true });
      expect(await surveyRow(survey.id)).toMatchObject({ checkedOutById: null, checkedOutAt: null });
      expect(await auditOf("survey.checked_out", survey.id)).toHaveLength(1);
      expect(await auditOf("survey.checked_in", survey.id)).toHaveLength(1);
    });
  }

  it("S1: while one member holds it, nobody else checks it out, edits it or checks it in — not even its owner or an Admin", async () => {
    const s = await scene("admin");
    const survey = await makeSurvey(t.db, s.org.id, s.actor.id, "Held", { checkedOutById: s.spare.id, checkedOutAt: new Date() });
    for (const person of [s.actor, s.founder, s.others.manager, s.others.user]) {
      actAs(person.id);
      const fields = { org: s.org.slug, surveyId: survey.id };
      const out = await expectNoChange(t.db, () => run(checkOutSurveyAction, fields));
      expect(out).toMatchObject({ ok: false, code: "CONFLICT" });
      expect(out.formError).toContain(s.spare.name);
      const edit = await expectNoChange(t.db, () =>
        run(updateSurveyAction, { ...fields, title: "Hijacked", description: "", questionText: "x", questionId: "", questionRequired: "false" }),
      );
      expect(edit).toMatchObject({ ok: false, code: "FORBIDDEN" });
      const back = await expectNoChange(t.db, () => run(checkInSurveyAction, fields));
      expect(back).toMatchObject({ ok: false, code: "CONFLICT" });
    }
  });

  it("S1: editing a survey nobody has checked out is refused; checking out twice is harmless", async () => {
    const s = await scene("user");
    const survey = await makeSurvey(t.db, s.org.id, s.actor.id, "Mine");
    actAs(s.actor.id);
    const fields = { org: s.org.slug, surveyId: survey.id };
    const edit = await expectNoChange(t.db, () => run(updateSurveyAction, { ...fields, title: "Changed", description: "" }));
    expect(edit).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await run(checkOutSurveyAction, fields)).toMatchObject({ ok: true });
    expect(await expectNoChange(t.db, () => run(checkOutSurveyAction, fields))).toMatchObject({ ok: true });
  });

  it("S1: a force check-in wins over the holder's next save, which is refused and says why", async () => {
    const s = await scene("manager");
    const survey = await makeSurvey(t.db, s.org.id, s.spare.id, "Contested", { checkedOutById: s.spare.id, checkedOutAt: new Date() });
    actAs(s.actor.id);
    expect(await run(forceCheckInSurveyAction, { org: s.org.slug, surveyId: survey.id, holderId: s.spare.id })).toMatchObject({ ok: true });
    actAs(s.spare.id);
    const late = await expectNoChange(t.db, () =>
      run(updateSurveyAction, { org: s.org.slug, surveyId: survey.id, title: "Too late", description: "" }),
    );
    expect(late).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(late.formError).toContain("Check out this survey before editing it");
  });

  it("S2: force check-in against a stale page (someone else checked it out since) changes nothing", async () => {
    const s = await scene("admin");
    const survey = await makeSurvey(t.db, s.org.id, s.spare.id, "Moved on", { checkedOutById: s.others.user.id, checkedOutAt: new Date() });
    actAs(s.actor.id);
    const stale = await expectNoChange(t.db, () => run(forceCheckInSurveyAction, { org: s.org.slug, surveyId: survey.id, holderId: s.spare.id }));
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT" });
    const idleSurvey = await makeSurvey(t.db, s.org.id, s.spare.id, "Not checked out");
    const none = await expectNoChange(t.db, () => run(forceCheckInSurveyAction, { org: s.org.slug, surveyId: idleSurvey.id }));
    expect(none).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("S1: a new survey belongs to its creator and starts checked out to them", async () => {
    const s = await scene("user");
    actAs(s.actor.id);
    const result = await run(createSurveyAction, { org: s.org.slug, title: "  Night shift check  ", description: "" });
    expect(result).toMatchObject({ ok: true });
    const [created] = await t.db.select().from(surveys).where(eq(surveys.orgId, s.org.id));
    expect(created).toMatchObject({ title: "Night shift check", ownerId: s.actor.id, checkedOutById: s.actor.id, questions: [] });
    expect(result.message).toContain(`/surveys/${created.id}`);
    expect(await auditOf("survey.created", created.id)).toHaveLength(1);
  });
});

describe("S1 a check-out left behind is released when its holder can no longer edit", () => {
  it("S1/R9: suspending the holder releases their check-outs here, and only here", async () => {
    const s = await scene("admin");
    const other = await makeOrg(t.db, { tier: "pro" });
    const otherAdmin = (await addNamedMember(t.db, other.id, "admin")).user;
    const { memberships } = await import("@/db/schema");
    await t.db.insert(memberships).values({ orgId: other.id, userId: s.spare.id, role: "user" });
    const here = await makeSurvey(t.db, s.org.id, s.founder.id, "Here", { checkedOutById: s.spare.id, checkedOutAt: new Date() });
    const elsewhere = await makeSurvey(t.db, other.id, otherAdmin.id, "Elsewhere", { checkedOutById: s.spare.id, checkedOutAt: new Date() });
    actAs(s.actor.id);
    expect(await run(setMemberStatusAction, { org: s.org.slug, userId: s.spare.id, status: "suspended" })).toMatchObject({ ok: true });
    expect(await surveyRow(here.id)).toMatchObject({ checkedOutById: null, checkedOutAt: null });
    expect((await surveyRow(elsewhere.id)).checkedOutById).toBe(s.spare.id);
  });
});

describe("§10 input and tenant isolation for survey actions", () => {
  it("§10: another organization's survey ids answer NOT_FOUND exactly like ids that do not exist, and write nothing", async () => {
    const a = await scene("admin");
    const b = await scene("admin");
    const foreign = await makeSurvey(t.db, a.org.id, a.others.user.id, "A's", { checkedOutById: a.spare.id, checkedOutAt: new Date() });
    const ours = await makeSurvey(t.db, b.org.id, b.others.user.id, "B's");
    actAs(b.actor.id);
    const cases: Array<[Action, (id: string) => Record<string, string>]> = [
      [checkOutSurveyAction, (id) => ({ surveyId: id })],
      [checkInSurveyAction, (id) => ({ surveyId: id })],
      [forceCheckInSurveyAction, (id) => ({ surveyId: id })],
      [transferSurveyAction, (id) => ({ surveyId: id, toUserId: b.spare.id })],
      [rotateShareLinkAction, (id) => ({ surveyId: id })],
      [disableShareLinkAction, (id) => ({ surveyId: id })],
      [updateSurveyAction, (id) => ({ surveyId: id, title: "x", description: "" })],
      [mergeSurveysAction, (id) => ({ sourceId: id, targetId: ours.id })],
      [mergeSurveysAction, (id) => ({ sourceId: ours.id, targetId: id })],
      [transferAllSurveysAction, (id) => ({ fromUserId: id === foreign.id ? a.others.user.id : randomUUID(), toUserId: b.spare.id })],
    ];
    for (const [action, fields] of cases) {
      const foreignResult = await expectNoChange(t.db, () => run(action, { org: b.org.slug, ...fields(foreign.id) }));
      const missingResult = await expectNoChange(t.db, () => run(action, { org: b.org.slug, ...fields(randomUUID()) }));
      expect(foreignResult).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(foreignResult.formError).toBe(missingResult.formError);
    }
    // And with A's slug, B's Admin is not a member there at all.
    const viaSlug = await expectNoChange(t.db, () => run(forceCheckInSurveyAction, { org: a.org.slug, surveyId: foreign.id }));
    expect(viaSlug).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("§10: malformed input (NUL, 100k characters, non-ids, 1e20, too many questions) is a VALIDATION on its field and writes nothing", async () => {
    const s = await scene("admin");
    const survey = await makeSurvey(t.db, s.org.id, s.actor.id, "Mine", { checkedOutById: s.actor.id, checkedOutAt: new Date() });
    actAs(s.actor.id);
    const cases: Array<[Action, Record<string, string | string[]>, string]> = [
      [createSurveyAction, { title: "a\u0000b" }, "title"],
      [createSurveyAction, { title: "x".repeat(100_000) }, "title"],
      [createSurveyAction, { title: "   " }, "title"],
      [createSurveyAction, { title: "Fine", description: "d".repeat(2001) }, "description"],
      [updateSurveyAction, { surveyId: survey.id, title: "Fine", questionText: "q\u0000" }, "questionText"],
      [updateSurveyAction, { surveyId: survey.id, title: "Fine", questionText: ["ok", " "], questionId: ["", ""] }, "question.1"],
      [updateSurveyAction, { surveyId: survey.id, title: "Fine", questionText: Array.from({ length: 51 }, (_, i) => `Q${i}`) }, "questionText"],
      [updateSurveyAction, { surveyId: survey.id, title: "Fine", questionText: "y".repeat(100_000) }, "questionText"],
      [checkOutSurveyAction, { surveyId: "1e20" }, "surveyId"],
      [transferSurveyAction, { surveyId: survey.id, toUserId: "everyone" }, "toUserId"],
      [mergeSurveysAction, { sourceId: survey.id, targetId: survey.id }, "targetId"],
    ];
    for (const [action, fields, field] of cases) {
      const result = await expectNoChange(t.db, () => run(action, { org: s.org.slug, ...fields }));
      expect(result, `${field}`).toMatchObject({ ok: false, code: "VALIDATION" });
      expect(Object.keys(result.fieldErrors ?? {}), `${field}`).toContain(field);
    }
  });
});
