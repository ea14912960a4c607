import { actAs, form, idle } from "../support/next-mocks";
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rotateShareLinkAction } from "@/app/o/[org]/surveys/actions";
import { answerSurveyAction } from "@/app/s/[token]/actions";
import { rateLimits, surveyResponses, surveys } from "@/db/schema";
import { isAppError } from "@/lib/errors";
import { findSurveyByShareToken } from "@/lib/surveys/queries";
import { answerRateLimits, submitSurveyResponse } from "@/lib/surveys/submit-response";
import { hashShareToken } from "@/lib/surveys/share-token";
import { setupTestDatabase } from "../support/db";
import { makeOrg, makeSurvey } from "../support/factories";
import { addNamedMember, expectNoChange } from "../support/state";

/**
 * Responses are real data: a survey's share link (only its hash stored, replaceable by the owner)
 * lets anyone answer without signing in, limited per address, even while the survey is checked
 * out for editing (a response is not an edit, S1).
 */
const t = setupTestDatabase();

async function world() {
  const org = await makeOrg(t.db, { tier: "pro" });
  const admin = (await addNamedMember(t.db, org.id, "admin")).user;
  const owner = (await addNamedMember(t.db, org.id, "user")).user;
  const editor = (await addNamedMember(t.db, org.id, "user")).user;
  const survey = await makeSurvey(t.db, org.id, owner.id, "Canteen feedback", {
    questions: [
      { id: "q1", text: "How was lunch?", required: true },
      { id: "q2", text: "Anything to add?" },
    ],
  });
  actAs(owner.id);
  const created = await rotateShareLinkAction(idle, form({ org: org.slug, surveyId: survey.id }));
  const url = (created.data as { url: string }).url;
  return { org, admin, owner, editor, survey, url, token: url.split("/s/")[1] };
}

async function responsesOf(surveyId: string) {
  return t.db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, surveyId));
}

const answer = (fields: Record<string, string>) => answerSurveyAction(idle, form(fields));

describe("Share link: an unguessable token, stored only as its hash", () => {
  it("the link carries 256 random bits; the database holds only its SHA-256, nowhere the token itself", async () => {
    const w = await world();
    expect(w.url).toMatch(/^http:\/\/localhost:3000\/s\/[A-Za-z0-9_-]{43}$/);
    const [row] = await t.db.select().from(surveys).where(eq(surveys.id, w.survey.id));
    expect(row.shareTokenHash).toBe(createHash("sha256").update(w.token).digest("hex"));
    const dump = await t.db.execute(sql`select row_to_json(a)::text as j from audit_log a union all select row_to_json(s)::text from surveys s`);
    expect(JSON.stringify(dump)).not.toContain(w.token);
  });

  it("replacing the link ends the old one at once; turning it off ends it too", async () => {
    const w = await world();
    actAs(w.owner.id);
    const replaced = await rotateShareLinkAction(idle, form({ org: w.org.slug, surveyId: w.survey.id }));
    expect(replaced).toMatchObject({ ok: true, message: "New share link created. The old link no longer works." });
    const fresh = (replaced.data as { url: string }).url.split("/s/")[1];
    expect(fresh).not.toBe(w.token);
    expect(await findSurveyByShareToken(w.token)).toBeNull();
    expect(await findSurveyByShareToken(fresh)).toMatchObject({ id: w.survey.id, orgName: w.org.name });
    const old = await expectNoChange(t.db, () => answer({ token: w.token, "answer.q1": "Good" }));
    expect(old).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await answer({ token: fresh, "answer.q1": "Good" })).toMatchObject({ ok: true });
  });
});

describe("Answering through the share link", () => {
  it("anyone with the link answers without signing in; the answers are stored as a response", async () => {
    const w = await world();
    actAs(null);
    const result = await answer({ token: w.token, "answer.q1": "  Great soup ", "answer.q2": "", respondent: "Night shift" });
    expect(result).toMatchObject({ ok: true, message: "Thank you. Your answers were recorded." });
    expect(await responsesOf(w.survey.id)).toEqual([
      expect.objectContaining({ respondent: "Night shift", answers: { q1: "Great soup" } }),
    ]);
  });

  it("S1: answering a survey that is checked out for editing still works (a response is not an edit)", async () => {
    const w = await world();
    await t.db.update(surveys).set({ checkedOutById: w.editor.id, checkedOutAt: new Date() }).where(eq(surveys.id, w.survey.id));
    actAs(null);
    expect(await answer({ token: w.token, "answer.q1": "Fine" })).toMatchObject({ ok: true });
    expect(await responsesOf(w.survey.id)).toHaveLength(1);
    const [row] = await t.db.select().from(surveys).where(eq(surveys.id, w.survey.id));
    expect(row.checkedOutById).toBe(w.editor.id);
  });

  it("§10: a missing required answer, NUL, 100k characters, an unknown token or a malformed one is refused and writes nothing", async () => {
    const w = await world();
    actAs(null);
    const cases: Array<[Record<string, string>, string, string | null]> = [
      [{ token: w.token, "answer.q2": "only the optional one" }, "VALIDATION", "answer.q1"],
      [{ token: w.token, "answer.q1": "a\u0000b" }, "VALIDATION", "answer.q1"],
      [{ token: w.token, "answer.q1": "x".repeat(100_000) }, "VALIDATION", "answer.q1"],
      [{ token: w.token, "answer.q1": "ok", respondent: "r".repeat(201) }, "VALIDATION", "respondent"],
      [{ token: w.token }, "VALIDATION", null],
      [{ token: "A".repeat(43), "answer.q1": "ok" }, "NOT_FOUND", null],
      [{ token: "../../etc/passwd", "answer.q1": "ok" }, "VALIDATION", "token"],
    ];
    for (const [fields, code, field] of cases) {
      const result = await expectNoChange(t.db, () => answer(fields));
      expect(result, JSON.stringify(fields).slice(0, 60)).toMatchObject({ ok: false, code });
      if (field) expect(Object.keys(result.fieldErrors ?? {})).toContain(field);
    }
  });
});

describe("Answers are limited per address", () => {
  const now = new Date("2026-11-23T10:15:00Z");
  const submit = (token: string, ip: string | null) =>
    submitSurveyResponse({ token, respondent: null, fields: { "answer.q1": "ok" } }, { ip, now }).then(
      () => "ok",
      (error) => (isAppError(error) ? error.code : Promise.reject(error)),
    );

  it(`${answerRateLimits.perAddress.limit} answers an hour from one address; the next is RATE_LIMITED and not stored; another address still answers`, async () => {
    const w = await world();
    for (let i = 0; i < answerRateLimits.perAddress.limit; i++) expect(await submit(w.token, "203.0.113.7")).toBe("ok");
    expect(await submit(w.token, "203.0.113.7")).toBe("RATE_LIMITED");
    expect(await responsesOf(w.survey.id)).toHaveLength(answerRateLimits.perAddress.limit);
    expect(await submit(w.token, "198.51.100.1")).toBe("ok");
  });

  it("with no address the proxy vouches for, every respondent shares one per-survey ceiling (never a forgeable header)", async () => {
    const w = await world();
    const windowStart = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
    await t.db.insert(rateLimits).values({ key: `survey-answer:${hashShareToken(w.token)}:unknown-address`, windowStart, count: answerRateLimits.unknownAddress.limit - 1 });
    expect(await submit(w.token, null)).toBe("ok");
    expect(await submit(w.token, null)).toBe("RATE_LIMITED");
    // Addresses that are known keep their own limits.
    expect(await submit(w.token, "203.0.113.9")).toBe("ok");
  });

  it("a per-survey ceiling holds against answers from many addresses", async () => {
    const w = await world();
    const windowStart = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
    await t.db.insert(rateLimits).values({ key: `survey-answer:${hashShareToken(w.token)}`, windowStart, count: answerRateLimits.perLink.limit });
    expect(await submit(w.token, "192.0.2.1")).toBe("RATE_LIMITED");
    expect(await submit(w.token, null)).toBe("RATE_LIMITED");
    expect(await responsesOf(w.survey.id)).toHaveLength(0);
  });
});

describe("#14.18 one client cannot lock every respondent out", () => {
  const now = new Date("2026-11-23T10:15:00Z");
  const submit = (token: string, browser: { id: string; fresh: boolean } | null) =>
    submitSurveyResponse({ token, respondent: null, fields: { "answer.q1": "ok" } }, { ip: null, browser, now }).then(
      () => "ok",
      (error) => (isAppError(error) ? error.code : Promise.reject(error)),
    );

  it("S1 #14.18 without a proxy, one browser's limit is its own: after it is refused another browser still answers", async () => {
    const w = await world();
    const flooder = { id: "flooder-browser-id-0001", fresh: false };
    for (let i = 0; i < answerRateLimits.perBrowser.limit; i++) expect(await submit(w.token, flooder)).toBe("ok");
    expect(await submit(w.token, flooder)).toBe("RATE_LIMITED");
    expect(await submit(w.token, { id: "another-browser-id-0002", fresh: false })).toBe("ok");
    expect(await submit(w.token, { id: "a-new-browser-id-00003", fresh: true })).toBe("ok");
  });

  it("S1 #14.18 browsers arriving without a cookie share one bucket per link, and a new link starts fresh", async () => {
    const w = await world();
    const windowStart = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
    await t.db.insert(rateLimits).values({ key: `survey-answer:${hashShareToken(w.token)}:new-browsers`, windowStart, count: answerRateLimits.newBrowsers.limit });
    expect(await submit(w.token, { id: "fresh-browser-id-00004", fresh: true })).toBe("RATE_LIMITED");
    // A returning browser is not in that bucket.
    expect(await submit(w.token, { id: "known-browser-id-00005", fresh: false })).toBe("ok");
    // The link's own ceiling, reached, does not follow the survey to its new link.
    await t.db
      .update(rateLimits)
      .set({ count: answerRateLimits.perLink.limit })
      .where(eq(rateLimits.key, `survey-answer:${hashShareToken(w.token)}`));
    expect(await submit(w.token, { id: "known-browser-id-00005", fresh: false })).toBe("RATE_LIMITED");
    actAs(w.owner.id);
    const rotated = await rotateShareLinkAction(idle, form({ org: w.org.slug, surveyId: w.survey.id }));
    const fresh = (rotated.data as { url: string }).url.split("/s/")[1];
    expect(await submit(fresh, { id: "fresh-browser-id-00004", fresh: true })).toBe("ok");
  });
});
