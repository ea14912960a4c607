import { actAs } from "../support/next-mocks";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as mergePreviewRoute } from "@/app/api/orgs/[org]/surveys/merge-preview/route";
import { GET as searchRoute } from "@/app/api/orgs/[org]/surveys/route";
import { surveys } from "@/db/schema";
import { listResponses, listSurveys, SURVEY_SEARCH_LIMIT, SURVEYS_PAGE_SIZE } from "@/lib/surveys/queries";
import { memberContext } from "../support/context";
import { setupTestDatabase } from "../support/db";
import { makeOrg, makeResponse, makeSurvey } from "../support/factories";
import { addNamedMember } from "../support/state";

/** The reads behind the Surveys page, the survey picker and the merge preview (SPEC §7, §10). */
const t = setupTestDatabase();

async function world() {
  const org = await makeOrg(t.db, { tier: "enterprise" });
  const admin = (await addNamedMember(t.db, org.id, "admin")).user;
  const una = (await addNamedMember(t.db, org.id, "user")).user;
  const many = Array.from({ length: 60 }, (_, i) => ({
    orgId: org.id,
    ownerId: i % 3 === 0 ? una.id : admin.id,
    title: i === 7 ? "Safety 100% audit_2026" : `Survey ${String(i).padStart(2, "0")}`,
    updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
  }));
  await t.db.insert(surveys).values(many);
  const other = await makeOrg(t.db, { tier: "pro" });
  const stranger = (await addNamedMember(t.db, other.id, "admin")).user;
  const secret = await makeSurvey(t.db, other.id, stranger.id, "Survey 99 of another organization");
  return { org, admin, una, other, stranger, secret };
}

const get = (route: typeof searchRoute, org: string, query: string) =>
  route(new Request(`http://localhost:3000/api/orgs/${org}/surveys?${query}`), { params: Promise.resolve({ org }) });

describe("Surveys page: filtered and paginated in the database", () => {
  it("§7: newest change first, 25 a page, with the total; 'mine', an owner and a title filter; another organization's surveys never appear", async () => {
    const w = await world();
    const ctx = await memberContext(w.admin.id, w.org.slug);
    const first = await listSurveys(ctx, {});
    expect(first.total).toBe(60);
    expect(first.rows).toHaveLength(SURVEYS_PAGE_SIZE);
    expect(first.rows[0].title).toBe("Survey 59");
    expect(first.pageCount).toBe(3);
    const last = await listSurveys(ctx, { page: 3 });
    expect(last.rows).toHaveLength(10);
    expect(await listSurveys(ctx, { page: 100_000 })).toMatchObject({ rows: [], total: 60 });

    const unas = await listSurveys(ctx, { owner: w.una.id });
    expect(unas.total).toBe(20);
    expect(unas.rows.every((r) => r.ownerId === w.una.id)).toBe(true);
    expect(unas.ownerFilter).toMatchObject({ id: w.una.id, member: { userId: w.una.id }, isMe: false });
    const mine = await listSurveys(await memberContext(w.una.id, w.org.slug), { owner: "me" });
    expect(mine.total).toBe(20);
    expect(mine.ownerFilter).toMatchObject({ isMe: true });

    // LIKE wildcards in the search are text, not patterns.
    expect((await listSurveys(ctx, { q: "100%" })).rows.map((r) => r.title)).toEqual(["Safety 100% audit_2026"]);
    expect((await listSurveys(ctx, { q: "_" })).rows.map((r) => r.title)).toEqual(["Safety 100% audit_2026"]);
    expect((await listSurveys(ctx, { q: "Survey 99" })).total).toBe(0);
    // Another organization's member as the owner filter: nobody, and no rows.
    expect(await listSurveys(ctx, { owner: w.stranger.id })).toMatchObject({ total: 0, ownerFilter: { member: null } });
  });

  it("§10: responses of another organization's survey are not listed", async () => {
    const w = await world();
    await makeResponse(t.db, w.secret.id, { q: "secret" });
    const ctx = await memberContext(w.admin.id, w.org.slug);
    expect(await listResponses(ctx, w.secret.id)).toMatchObject({ rows: [], total: 0 });
    expect((await listResponses(await memberContext(w.stranger.id, w.other.slug), w.secret.id)).total).toBe(1);
  });
});

describe("Survey picker (GET /api/orgs/:org/surveys): search-as-you-type, bounded", () => {
  it("§7: at most 20 surveys of the caller's organization whose title contains the text; 'mine' and 'exclude' narrow it", async () => {
    const w = await world();
    actAs(w.admin.id);
    const all = await (await get(searchRoute, w.org.slug, "q=Survey")).json();
    expect(all.surveys).toHaveLength(SURVEY_SEARCH_LIMIT);
    expect(all.surveys.map((s: { title: string }) => s.title)).not.toContain("Survey 99 of another organization");
    const one = await (await get(searchRoute, w.org.slug, "q=Survey%2003")).json();
    expect(one.surveys).toEqual([expect.objectContaining({ title: "Survey 03", ownerName: w.una.name, responses: 0, checkedOutById: null })]);
    const excluded = await (await get(searchRoute, w.org.slug, `q=Survey%2003&exclude=${one.surveys[0].id}`)).json();
    expect(excluded.surveys).toEqual([]);
    actAs(w.una.id);
    const mine = await (await get(searchRoute, w.org.slug, "q=Survey&mine=1")).json();
    expect(mine.surveys.length).toBeGreaterThan(0);
    expect(mine.surveys.every((s: { ownerName: string }) => s.ownerName === w.una.name)).toBe(true);
  });

  it("§10: malformed parameters (NUL, 100k characters, repeated, non-ids) never answer 500; another organization answers 404", async () => {
    const w = await world();
    actAs(w.admin.id);
    for (const query of ["q=%00", `q=${"x".repeat(100_000)}`, "q=a&q=b", "exclude=1e20", `exclude=${"a,".repeat(50)}`, "mine=yes"]) {
      const response = await get(searchRoute, w.org.slug, query);
      expect(response.status, query.slice(0, 30)).toBe(200);
    }
    expect((await get(searchRoute, w.other.slug, "q=")).status).toBe(404);
    actAs(null);
    expect((await get(searchRoute, w.org.slug, "q=")).status).toBe(401);
  });
});

describe("Merge preview (GET …/surveys/merge-preview)", () => {
  it("S2: says how many responses move, which questions are added and what blocks the merge; another organization's survey is 404", async () => {
    const w = await world();
    const source = await makeSurvey(t.db, w.org.id, w.una.id, "Source", { questions: [{ id: "a", text: "Shared" }, { id: "b", text: "Only here" }] });
    const target = await makeSurvey(t.db, w.org.id, w.admin.id, "Target", {
      questions: [{ id: "x", text: "shared" }],
      checkedOutById: w.una.id,
      checkedOutAt: new Date("2026-11-20T10:00:00Z"),
    });
    await makeResponse(t.db, source.id, { a: "1" });
    await makeResponse(t.db, source.id, { b: "2" });
    actAs(w.admin.id);
    const response = await get(mergePreviewRoute, w.org.slug, `source=${source.id}&target=${target.id}`);
    expect(await response.json()).toEqual({
      preview: {
        source: { id: source.id, title: "Source", ownerId: w.una.id, responses: 2 },
        target: { id: target.id, title: "Target", ownerId: w.admin.id, responses: 0 },
        questionsAdded: ["Only here"],
        questionsMatched: 1,
        // Neither has a share link: nothing to say about one (#14.10).
        shareLink: "none",
        blockedBy: [{ title: "Target", holderName: w.una.name, since: "2026-11-20T10:00:00.000Z" }],
      },
    });
    for (const query of [`source=${source.id}&target=${w.secret.id}`, `source=${source.id}&target=${randomUUID()}`, `source=${source.id}&target=${source.id}`, "source=x"]) {
      expect((await get(mergePreviewRoute, w.org.slug, query)).status).toBe(404);
    }
  });
});
