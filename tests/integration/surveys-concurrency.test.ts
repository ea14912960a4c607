import { and, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { auditLog, surveyResponses, surveys, type Role } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { checkOutSurvey } from "@/lib/surveys/check-out-survey";
import { mergeSurveys } from "@/lib/surveys/merge-surveys";
import { rotateShareLink } from "@/lib/surveys/rotate-share-link";
import { submitSurveyResponse } from "@/lib/surveys/submit-response";
import { setupTestDatabase } from "../support/db";
import { addMember, makeOrg, makeResponse, makeSurvey } from "../support/factories";
import { itRace } from "../support/race";

// Enough connections that the calls below really run at the same time on PostgreSQL (itRace skips
// them, loudly, on PGlite's single connection, and fails them in CI).
const t = setupTestDatabase({ poolSize: 50 });
const rounds = Number(process.env.SEATWISE_CONCURRENCY_ROUNDS ?? 20);

type Org = Awaited<ReturnType<typeof makeOrg>>;
type Member = Awaited<ReturnType<typeof addMember>>;

function contextOf(org: Org, member: Member): MemberContext {
  return {
    user: { id: member.user.id, email: member.user.email, name: member.user.name },
    org: { id: org.id, slug: org.slug, name: org.name, tier: org.tier, kind: org.kind },
    membership: { id: member.membership.id, role: member.membership.role, status: member.membership.status },
  };
}

/** Resolves to true for a win, false for the expected refusal `code`; anything else fails the test. */
const outcome = (promise: Promise<unknown>, code: string) =>
  promise.then(
    () => true,
    (error) => {
      if (isAppError(error) && error.code === code) return false;
      throw error;
    },
  );

describe("S1 check-out under concurrency", () => {
  itRace(`S1: two members checking out the same survey at the same moment, ${rounds} times: exactly one holds it`, async () => {
    for (let round = 0; round < rounds; round++) {
      const org = await makeOrg(t.db, { tier: "pro" });
      const owner = await addMember(t.db, org.id, "admin");
      const [a, b] = [await addMember(t.db, org.id, "user"), await addMember(t.db, org.id, "manager")];
      const survey = await makeSurvey(t.db, org.id, owner.user.id, `Round ${round}`);
      const results = await Promise.all([
        outcome(checkOutSurvey(contextOf(org, a), survey.id), "CONFLICT"),
        outcome(checkOutSurvey(contextOf(org, b), survey.id), "CONFLICT"),
      ]);
      expect(results.filter(Boolean), `round ${round}`).toHaveLength(1);
      const [row] = await t.db.select().from(surveys).where(eq(surveys.id, survey.id));
      expect(row.checkedOutById).toBe(results[0] ? a.user.id : b.user.id);
      const entries = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "survey.checked_out"), eq(auditLog.subjectId, survey.id)));
      expect(entries).toHaveLength(1);
    }
  });

  itRace("S1: twenty members of every role checking out one survey at once: one holder, nineteen refusals", async () => {
    const org = await makeOrg(t.db, { tier: "enterprise" });
    const owner = await addMember(t.db, org.id, "admin");
    const roles: Role[] = ["admin", "manager", "user"];
    const members = [];
    for (let i = 0; i < 20; i++) members.push(await addMember(t.db, org.id, roles[i % 3]));
    const survey = await makeSurvey(t.db, org.id, owner.user.id, "Popular");
    const results = await Promise.all(members.map((m) => outcome(checkOutSurvey(contextOf(org, m), survey.id), "CONFLICT")));
    expect(results.filter(Boolean)).toHaveLength(1);
    const [row] = await t.db.select().from(surveys).where(eq(surveys.id, survey.id));
    expect(row.checkedOutById).toBe(members[results.indexOf(true)].user.id);
  });
});

describe("S2 merge under concurrency", () => {
  itRace(`S2: answers arriving through the source's share link while it is merged, ${rounds} times: every accepted answer ends up in the target, none is lost`, async () => {
    for (let round = 0; round < rounds; round++) {
      const org = await makeOrg(t.db, { tier: "pro" });
      const admin = await addMember(t.db, org.id, "admin");
      const ctx = contextOf(org, admin);
      const source = await makeSurvey(t.db, org.id, admin.user.id, "Source", { questions: [{ id: "q1", text: "Rate us" }] });
      const target = await makeSurvey(t.db, org.id, admin.user.id, "Target", { questions: [{ id: "q1", text: "Rate us" }] });
      for (let i = 0; i < 5; i++) await makeResponse(t.db, source.id, { q1: `before ${i}` });
      const { token } = await rotateShareLink(ctx, source.id);
      const answers = Array.from({ length: 15 }, (_, i) =>
        outcome(submitSurveyResponse({ token, respondent: null, fields: { "answer.q1": `during ${i}` } }, { ip: `10.${round}.0.${i}` }), "NOT_FOUND"),
      );
      const merged = mergeSurveys(ctx, source.id, target.id);
      const accepted = (await Promise.all(answers)).filter(Boolean).length;
      await merged;
      expect(await t.db.select().from(surveys).where(eq(surveys.id, source.id))).toEqual([]);
      const inTarget = await t.db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, target.id));
      expect(inTarget, `round ${round}`).toHaveLength(5 + accepted);
    }
  });

  itRace(`S2: the same survey merged into two others at the same moment, ${rounds} times: one merge wins, each response exists once`, async () => {
    for (let round = 0; round < rounds; round++) {
      const org = await makeOrg(t.db, { tier: "pro" });
      const [a, b] = [await addMember(t.db, org.id, "admin"), await addMember(t.db, org.id, "manager")];
      const source = await makeSurvey(t.db, org.id, a.user.id, "Source");
      const targets = [await makeSurvey(t.db, org.id, a.user.id, "T1"), await makeSurvey(t.db, org.id, b.user.id, "T2")];
      for (let i = 0; i < 4; i++) await makeResponse(t.db, source.id, { q: String(i) });
      const results = await Promise.all([
        outcome(mergeSurveys(contextOf(org, a), source.id, targets[0].id), "NOT_FOUND"),
        outcome(mergeSurveys(contextOf(org, b), source.id, targets[1].id), "NOT_FOUND"),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = targets[results.indexOf(true)];
      const loser = targets[results.indexOf(false)];
      expect(await t.db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, winner.id))).toHaveLength(4);
      expect(await t.db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, loser.id))).toHaveLength(0);
    }
  });
});
