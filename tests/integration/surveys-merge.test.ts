import { actAs, form, idle } from "../support/next-mocks";
import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mergeSurveysAction } from "@/app/o/[org]/surveys/actions";
import { auditLog, surveyResponses, surveys } from "@/db/schema";
import type { FormState } from "@/lib/form-state";
import { mergeSurveys } from "@/lib/surveys/merge-surveys";
import { memberContext } from "../support/context";
import { setupTestDatabase } from "../support/db";
import { makeOrg, makeResponse, makeSurvey } from "../support/factories";
import { addNamedMember, expectNoChange, snapshot } from "../support/state";

/** SPEC S2 merge: every response moves, only the source is deleted, all in one transaction. */
const t = setupTestDatabase();

async function merge(fields: Record<string, string>): Promise<FormState> {
  try {
    return await mergeSurveysAction(idle, form(fields));
  } catch (error) {
    if (String((error as { digest?: string }).digest).startsWith("NEXT_REDIRECT")) return { ok: true };
    throw error;
  }
}

async function world() {
  const org = await makeOrg(t.db, { tier: "pro" });
  const admin = (await addNamedMember(t.db, org.id, "admin")).user;
  const una = (await addNamedMember(t.db, org.id, "user")).user;
  const max = (await addNamedMember(t.db, org.id, "manager")).user;
  const source = await makeSurvey(t.db, org.id, una.id, "Foundry safety walk-through", {
    questions: [
      { id: "q1", text: "Are all exits clear?", required: true },
      { id: "q2", text: "Anything else?" },
    ],
  });
  const target = await makeSurvey(t.db, org.id, max.id, "Plant safety 2026", {
    questions: [
      { id: "s1", text: "are all exits  clear?" },
      { id: "q2", text: "Which hall?" },
    ],
  });
  const bystander = await makeSurvey(t.db, org.id, admin.id, "Untouched", { questions: [{ id: "q1", text: "Unrelated" }] });
  const moving = [
    await makeResponse(t.db, source.id, { q1: "Yes", q2: "Gloves missing" }, "floor-lead@acme.test"),
    await makeResponse(t.db, source.id, { q1: "No" }),
    // An answer to a question removed since, whose key collides with a target question.
    await makeResponse(t.db, source.id, { s1: "stray answer", q1: "Yes" }),
  ];
  const staying = [await makeResponse(t.db, target.id, { s1: "Yes", q2: "Hall 3" })];
  const other = await makeResponse(t.db, bystander.id, { q1: "Keep me" });
  return { org, admin, una, max, source, target, bystander, moving, staying, other };
}

async function responsesOf(surveyId: string) {
  return t.db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, surveyId)).orderBy(asc(surveyResponses.id));
}

describe("S2 merge moves every response and deletes only the source", () => {
  it("S2: every response of the source moves (same ids, answers kept under the target's questions); the source alone is deleted; it is audited", async () => {
    const w = await world();
    actAs(w.admin.id);
    expect(await merge({ org: w.org.slug, sourceId: w.source.id, targetId: w.target.id })).toMatchObject({ ok: true });

    expect(await t.db.select().from(surveys).where(eq(surveys.id, w.source.id))).toEqual([]);
    const moved = await responsesOf(w.target.id);
    expect(moved.map((r) => r.id).sort()).toEqual([...w.moving, ...w.staying].map((r) => r.id).sort());
    const [target] = await t.db.select().from(surveys).where(eq(surveys.id, w.target.id));
    // "Are all exits clear?" is already asked (as s1); "Anything else?" is added under a fresh id (q2 is taken).
    expect(target.questions.slice(0, 2)).toEqual(w.target.questions);
    expect(target.questions).toHaveLength(3);
    const added = target.questions[2];
    expect(added).toMatchObject({ text: "Anything else?" });
    expect(added.id).not.toBe("q2");
    const byId = new Map(moved.map((r) => [r.id, r]));
    expect(byId.get(w.moving[0].id)).toMatchObject({ respondent: "floor-lead@acme.test", answers: { s1: "Yes", [added.id]: "Gloves missing" } });
    expect(byId.get(w.moving[1].id)!.answers).toEqual({ s1: "No" });
    expect(byId.get(w.moving[2].id)!.answers).toEqual({ s1: "Yes", [`s1~${w.source.id.slice(0, 8)}`]: "stray answer" });
    expect(byId.get(w.staying[0].id)!.answers).toEqual(w.staying[0].answers);
    expect(byId.get(w.moving[0].id)!.submittedAt).toEqual(w.moving[0].submittedAt);

    // Nothing else moved.
    expect(await responsesOf(w.bystander.id)).toEqual([w.other]);
    expect(await t.db.select().from(surveys).where(eq(surveys.id, w.bystander.id))).toEqual([w.bystander]);

    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "survey.merged"), eq(auditLog.subjectId, w.target.id)));
    expect(entry).toMatchObject({ actorId: w.admin.id, after: expect.objectContaining({ responsesMoved: 3, sourceDeleted: true }) });
  });

  it("S2: refused while either survey is checked out by someone else; nothing changes", async () => {
    for (const side of ["source", "target"] as const) {
      const w = await world();
      await t.db.update(surveys).set({ checkedOutById: w.una.id, checkedOutAt: new Date() }).where(eq(surveys.id, w[side].id));
      actAs(w.admin.id);
      const result = await expectNoChange(t.db, () => merge({ org: w.org.slug, sourceId: w.source.id, targetId: w.target.id }));
      expect(result).toMatchObject({ ok: false, code: "CONFLICT" });
      expect(result.formError).toContain(w.una.name);
    }
  });

  it("S2: a survey checked out by the one merging does not stop the merge", async () => {
    const w = await world();
    await t.db.update(surveys).set({ checkedOutById: w.max.id, checkedOutAt: new Date() }).where(eq(surveys.id, w.target.id));
    actAs(w.max.id);
    expect(await merge({ org: w.org.slug, sourceId: w.source.id, targetId: w.target.id })).toMatchObject({ ok: true });
    expect(await responsesOf(w.target.id)).toHaveLength(4);
  });

  it("S2: merging a survey into itself, or into a survey that no longer exists, changes nothing", async () => {
    const w = await world();
    actAs(w.admin.id);
    expect(await expectNoChange(t.db, () => merge({ org: w.org.slug, sourceId: w.source.id, targetId: w.source.id }))).toMatchObject({ code: "VALIDATION" });
    expect(await merge({ org: w.org.slug, sourceId: w.bystander.id, targetId: w.target.id })).toMatchObject({ ok: true });
    expect(await expectNoChange(t.db, () => merge({ org: w.org.slug, sourceId: w.source.id, targetId: w.bystander.id }))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("S2 merge is atomic", () => {
  it("S2: when its last step (deleting the source) fails, both surveys and every response are exactly as before", async () => {
    const w = await world();
    // A temporary trigger makes the database refuse to delete this one source, the merge's last write.
    await t.db.execute(
      sql.raw(`create or replace function test_refuse_delete() returns trigger language plpgsql as $$
        begin
          if old.id = '${w.source.id}' then raise exception 'injected failure: the source cannot be deleted'; end if;
          return old;
        end $$`),
    );
    await t.db.execute(sql.raw(`create trigger test_refuse_delete before delete on surveys for each row execute function test_refuse_delete()`));
    try {
      const before = await snapshot(t.db);
      const ctx = await memberContext(w.admin.id, w.org.slug);
      const error = (await mergeSurveys(ctx, w.source.id, w.target.id).catch((e: unknown) => e)) as Error & { cause?: Error };
      expect(error).toBeInstanceOf(Error);
      expect(`${error.message} ${error.cause?.message}`).toMatch(/injected failure/);
      expect(await snapshot(t.db)).toEqual(before);
      // Spelled out: the source and its three responses, the target and its one, untouched.
      expect(await responsesOf(w.source.id)).toEqual([...w.moving].sort((a, b) => a.id.localeCompare(b.id)));
      expect(await responsesOf(w.target.id)).toEqual(w.staying);
      expect(await t.db.select().from(surveys).where(eq(surveys.id, w.target.id))).toEqual([w.target]);
    } finally {
      await t.db.execute(sql.raw("drop trigger if exists test_refuse_delete on surveys"));
      await t.db.execute(sql.raw("drop function if exists test_refuse_delete()"));
    }
    // Without the failure the same merge goes through.
    const ctx = await memberContext(w.admin.id, w.org.slug);
    expect(await mergeSurveys(ctx, w.source.id, w.target.id)).toMatchObject({ moved: 3 });
  });
});
