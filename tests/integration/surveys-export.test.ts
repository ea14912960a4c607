import { actAs } from "../support/next-mocks";
import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as getCsv } from "@/app/api/orgs/[org]/members/[userId]/surveys.csv/route";
import { GET as getJson } from "@/app/api/orgs/[org]/members/[userId]/surveys.json/route";
import { auditLog, surveyResponses, surveys, users } from "@/db/schema";
import { CSV_COLUMNS, memberSurveyEvents, jsonExportChunks } from "@/lib/surveys/export";
import { parseCsv } from "../support/csv";
import { setupTestDatabase } from "../support/db";
import { makeOrg, makeResponse, makeSurvey } from "../support/factories";
import { addNamedMember, expectNoChange } from "../support/state";

/** SPEC S3: an Admin or Manager downloads a member's surveys, as CSV and JSON, streamed. */
const t = setupTestDatabase();

type Route = typeof getJson;
const call = (route: Route, org: string, userId: string) =>
  route(new Request(`http://localhost:3000/api/orgs/${org}/members/${userId}/surveys`), { params: Promise.resolve({ org, userId }) });

async function readAll(response: Response): Promise<{ text: string; chunks: number }> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let text = "";
  let chunks = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text, chunks };
    chunks++;
    text += decoder.decode(value, { stream: true });
  }
}

async function world() {
  const org = await makeOrg(t.db, { tier: "pro" });
  const admin = (await addNamedMember(t.db, org.id, "admin")).user;
  const manager = (await addNamedMember(t.db, org.id, "manager")).user;
  const una = (await addNamedMember(t.db, org.id, "user")).user;
  const ulf = (await addNamedMember(t.db, org.id, "user")).user;
  const tricky = await makeSurvey(t.db, org.id, una.id, 'Safety "walk", floor 2', {
    description: "Line one\nLine two",
    questions: [
      { id: "q1", text: "Exits clear?", required: true },
      { id: "q2", text: "Notes, if any" },
    ],
    checkedOutById: ulf.id,
    checkedOutAt: new Date("2026-11-20T08:30:00.123Z"),
  });
  await makeResponse(t.db, tricky.id, { q1: "=HYPERLINK(\"http://evil\")", q2: 'He said "no", then left\nfor good' }, "floor-lead@acme.test");
  await makeResponse(t.db, tricky.id, { q1: "Yes", gone: "answer to a removed question" });
  const empty = await makeSurvey(t.db, org.id, una.id, "Nothing yet");
  const notHers = await makeSurvey(t.db, org.id, ulf.id, "Ulf's own");
  await makeResponse(t.db, notHers.id, { q1: "not exported" });
  return { org, admin, manager, una, ulf, tricky, empty, notHers };
}

/** The database's view of a member's surveys, in the JSON export's shape, to compare with. */
async function expectedSurveys(orgId: string, ownerId: string) {
  const rows = await t.db.select().from(surveys).where(and(eq(surveys.orgId, orgId), eq(surveys.ownerId, ownerId))).orderBy(asc(surveys.id));
  const result = [];
  for (const s of rows) {
    const responses = await t.db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, s.id)).orderBy(asc(surveyResponses.id));
    result.push({
      id: s.id,
      title: s.title,
      description: s.description,
      questions: s.questions,
      ownerId: s.ownerId,
      checkedOutById: s.checkedOutById,
      checkedOutAt: s.checkedOutAt?.toISOString() ?? null,
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
      responses: responses.map((r) => ({ id: r.id, respondent: r.respondent, submittedAt: r.submittedAt.toISOString(), answers: r.answers })),
    });
  }
  return result;
}

describe("S3 export round-trips", () => {
  it("S3: the JSON an Admin downloads holds exactly what the database holds for that member, and only that", async () => {
    const w = await world();
    actAs(w.admin.id);
    const response = await call(getJson, w.org.slug, w.una.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="surveys-first[0-9a-f]+-last[0-9a-f]+-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const body = JSON.parse((await readAll(response)).text);
    expect(body).toMatchObject({
      format: "seatwise.member-surveys.v1",
      organization: { id: w.org.id, name: w.org.name, slug: w.org.slug },
      member: { id: w.una.id, email: w.una.email, name: w.una.name },
    });
    expect(body.surveys).toEqual(await expectedSurveys(w.org.id, w.una.id));
    expect(body.surveys).toHaveLength(2);
    expect(JSON.stringify(body)).not.toContain("not exported");
    // S3 is audited: who downloaded whose surveys.
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "member.surveys_exported"), eq(auditLog.targetUserId, w.una.id)));
    expect(entry).toMatchObject({ actorId: w.admin.id, after: { format: "json" } });
  });

  it("S3: the CSV a Manager downloads parses back to every answer, escaped, with formulas defused", async () => {
    const w = await world();
    actAs(w.manager.id);
    const response = await call(getCsv, w.org.slug, w.una.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/\.csv"$/);
    const { text } = await readAll(response);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([...CSV_COLUMNS]);
    const col = (row: string[], name: (typeof CSV_COLUMNS)[number]) => row[CSV_COLUMNS.indexOf(name)];
    const answers = rows.filter((r) => col(r, "survey_id") === w.tricky.id);
    expect(answers.map((r) => [col(r, "survey_title"), col(r, "question"), col(r, "answer")])).toEqual(
      expect.arrayContaining([
        ['Safety "walk", floor 2', "Exits clear?", "'=HYPERLINK(\"http://evil\")"],
        ['Safety "walk", floor 2', "Notes, if any", 'He said "no", then left\nfor good'],
        ['Safety "walk", floor 2', "Exits clear?", "Yes"],
        ['Safety "walk", floor 2', "", "answer to a removed question"],
      ]),
    );
    expect(answers).toHaveLength(4);
    // A survey without responses still has its row; another member's surveys are not there.
    expect(rows.filter((r) => col(r, "survey_id") === w.empty.id)).toEqual([[w.empty.id, "Nothing yet", w.empty.createdAt.toISOString(), w.empty.updatedAt.toISOString(), "", "", "", "", "", ""]]);
    expect(rows.some((r) => col(r, "survey_id") === w.notHers.id)).toBe(false);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
  });

  it("S3: read in small batches (surveys by id, responses by survey and id), the export equals the database across every batch boundary", async () => {
    const w = await world();
    for (let i = 0; i < 7; i++) {
      const survey = await makeSurvey(t.db, w.org.id, w.una.id, `Batch ${i}`, { questions: [{ id: "q1", text: "Q" }] });
      for (let j = 0; j < (i * 3) % 5; j++) await makeResponse(t.db, survey.id, { q1: `${i}.${j}` });
    }
    let text = "";
    const header = { exportedAt: "now", organization: { id: w.org.id, name: w.org.name, slug: w.org.slug }, member: { id: w.una.id, email: w.una.email, name: w.una.name } };
    for await (const chunk of jsonExportChunks(memberSurveyEvents(t.db, w.org.id, w.una.id, { surveys: 2, responses: 3 }), header)) text += chunk;
    expect(JSON.parse(text).surveys).toEqual(await expectedSurveys(w.org.id, w.una.id));
  });

  it("S3: a member with a thousand surveys is streamed in many chunks, never built whole", async () => {
    const w = await world();
    const many = Array.from({ length: 1000 }, (_, i) => ({
      orgId: w.org.id,
      ownerId: w.ulf.id,
      title: `Survey ${i} ${"x".repeat(100)}`,
      questions: [{ id: "q1", text: "Q" }],
    }));
    const created = await t.db.insert(surveys).values(many).returning({ id: surveys.id });
    await t.db.insert(surveyResponses).values(created.flatMap((s) => [{ surveyId: s.id, answers: { q1: "a" } }, { surveyId: s.id, answers: { q1: "b" } }]));
    actAs(w.admin.id);
    const response = await call(getJson, w.org.slug, w.ulf.id);
    const { text, chunks } = await readAll(response);
    expect(chunks).toBeGreaterThan(3);
    const body = JSON.parse(text);
    expect(body.surveys).toHaveLength(1001);
    expect(body.surveys.reduce((n: number, s: { responses: unknown[] }) => n + s.responses.length, 0)).toBe(2001);
  }, 120_000);
});

describe("S3 who may export", () => {
  it("S3: a User is refused (403), even for their own surveys; nothing is written", async () => {
    const w = await world();
    for (const route of [getCsv, getJson]) {
      for (const target of [w.una, w.ulf]) {
        actAs(w.una.id);
        const response = await expectNoChange(t.db, () => call(route, w.org.slug, target.id));
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
      }
    }
  });

  it("§10: another organization's member, a made-up id and a malformed id answer 404 alike; another organization's slug too", async () => {
    const w = await world();
    const other = await makeOrg(t.db, { tier: "pro" });
    const stranger = (await addNamedMember(t.db, other.id, "user")).user;
    await makeSurvey(t.db, other.id, stranger.id, "Secret");
    actAs(w.admin.id);
    for (const userId of [stranger.id, randomUUID(), "1e20", "x".repeat(10_000)]) {
      const response = await expectNoChange(t.db, () => call(getJson, w.org.slug, userId));
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: "NOT_FOUND", message: "This member was not found." } });
    }
    const foreign = await expectNoChange(t.db, () => call(getCsv, other.slug, stranger.id));
    expect(foreign.status).toBe(404);
  });

  it("S3: signed out, the answer is 401", async () => {
    const w = await world();
    actAs(null);
    const response = await call(getCsv, w.org.slug, w.una.id);
    expect(response.status).toBe(401);
    const [exists] = await t.db.select({ id: users.id }).from(users).where(eq(users.id, w.una.id));
    expect(exists).toBeTruthy();
  });
});
