import { actAs } from "../support/next-mocks";
import { sql, and, eq, count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as getActivityCsv } from "@/app/api/orgs/[org]/activity.csv/route";
import ActivityPage from "@/app/o/[org]/activity/page";
import { auditLog } from "@/db/schema";
import { ACTIVITY_CSV_COLUMNS } from "@/lib/audit/export";
import { AUDIT_PAGE_SIZE, auditEntryBatches, findAuditActor, listAuditEntries } from "@/lib/audit/queries";
import { parseCsv } from "../support/csv";
import { setupTestDatabase } from "../support/db";
import { makeOrg, makeSurvey } from "../support/factories";
import { contextOf, countStatements, makeSubscribedPlan } from "../support/plans";
import { addNamedMember, expectNoChange } from "../support/state";

/**
 * SPEC A1: the Activity page and its CSV export — the same rule (Admins), the same filters
 * (member, action, date range), names resolved in a bounded number of statements, another
 * organization's entries never shown, the export streamed with spreadsheet formulas defused.
 */
const t = setupTestDatabase();

async function world() {
  const org = await makeOrg(t.db, { tier: "pro" });
  const admin = (await addNamedMember(t.db, org.id, "admin")).user;
  const manager = (await addNamedMember(t.db, org.id, "manager")).user;
  const user = (await addNamedMember(t.db, org.id, "user")).user;
  const other = await makeOrg(t.db, { tier: "pro" });
  const otherAdmin = (await addNamedMember(t.db, other.id, "admin")).user;
  return { org, admin, manager, user, other, otherAdmin, ctx: contextOf(org, admin, "admin") };
}

type World = Awaited<ReturnType<typeof world>>;

async function entry(w: World, values: Partial<typeof auditLog.$inferInsert>) {
  const [row] = await t.db
    .insert(auditLog)
    .values({ orgId: w.org.id, actorId: w.admin.id, actorEmail: w.admin.email, action: "member.updated", ...values })
    .returning();
  return row;
}

const csvRequest = (org: string, query = "") =>
  getActivityCsv(new Request(`http://localhost:3000/api/orgs/${org}/activity.csv${query}`), { params: Promise.resolve({ org }) });

/** A Next page may end in notFound(), forbidden() or redirect(). */
async function render(fn: () => Promise<unknown>) {
  try {
    await fn();
    return "rendered";
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? "");
    if (digest.endsWith(";404")) return "not-found";
    if (digest.endsWith(";403")) return "forbidden";
    throw error;
  }
}

describe("A1 Activity page", () => {
  it("A1/§10: the member filter names this organization's people and those who acted in it; another organization's user is like an unknown id", async () => {
    const w = await world();
    const former = await addNamedMember(t.db, w.org.id, "user");
    await entry(w, { actorId: former.user.id, actorEmail: former.user.email });
    await t.db.execute(sql`delete from memberships where user_id = ${former.user.id} and org_id = ${w.org.id}`);
    expect(await findAuditActor(w.ctx, w.user.id)).toMatchObject({ userId: w.user.id, email: w.user.email });
    expect(await findAuditActor(w.ctx, former.user.id)).toMatchObject({ userId: former.user.id, email: former.user.email });
    expect(await findAuditActor(w.ctx, w.otherAdmin.id)).toBeNull();
  });

  it("A1: filters by date range (inclusive days, UTC), member and action; names come from the users table; another organization's entries never show", async () => {
    const w = await world();
    await entry(w, { action: "member.suspended", targetUserId: w.user.id, targetEmail: w.user.email, createdAt: new Date("2026-03-01T00:00:00Z") });
    await entry(w, { action: "member.reactivated", targetUserId: w.user.id, targetEmail: w.user.email, createdAt: new Date("2026-03-02T23:59:59Z") });
    await entry(w, { action: "member.role_changed", actorId: w.manager.id, actorEmail: w.manager.email, createdAt: new Date("2026-03-03T00:00:00Z") });
    await t.db.insert(auditLog).values({ orgId: w.other.id, actorId: w.otherAdmin.id, actorEmail: w.otherAdmin.email, action: "member.suspended", createdAt: new Date("2026-03-01T12:00:00Z") });

    const range = await listAuditEntries(w.ctx, { from: "2026-03-01", to: "2026-03-02" });
    expect(range.rows.map((r) => r.action)).toEqual(["member.reactivated", "member.suspended"]);
    expect(range.names.people.get(w.user.id)).toBe(w.user.name);
    expect((await listAuditEntries(w.ctx, { actorId: w.manager.id })).rows.map((r) => r.action)).toEqual(["member.role_changed"]);
    expect((await listAuditEntries(w.ctx, { action: "member.suspended" })).total).toBe(1);
    // The other organization's Admin, with this organization's id in the filter, sees nothing of it.
    expect((await listAuditEntries(contextOf(w.other, w.otherAdmin, "admin"), { actorId: w.admin.id })).total).toBe(0);
  });

  it("A1: the page is for Admins — a Manager or User of the organization gets 403 (forbidden()), a stranger 404", async () => {
    const w = await world();
    const params = Promise.resolve({ org: w.org.slug });
    const searchParams = Promise.resolve({});
    actAs(w.admin.id);
    expect(await render(() => ActivityPage({ params, searchParams }))).toBe("rendered");
    for (const who of [w.manager, w.user]) {
      actAs(who.id);
      expect(await render(() => ActivityPage({ params, searchParams }))).toBe("forbidden");
      await expect(listAuditEntries(contextOf(w.org, who, who === w.manager ? "manager" : "user"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    actAs(w.otherAdmin.id);
    expect(await render(() => ActivityPage({ params, searchParams }))).toBe("not-found");
  });

  it("A1: a page reads as many statements for 3,000 entries naming people, plans, surveys and invitations as for 3", async () => {
    const small = await world();
    const large = await world();
    for (const w of [small, large]) {
      const plan = await makeSubscribedPlan(t.db, w.org.id, w.admin.id, "pdoc_share", 5);
      const survey = await makeSurvey(t.db, w.org.id, w.user.id, "Counted");
      const n = w === large ? 1000 : 1;
      await t.db.execute(sql`
        insert into audit_log (org_id, actor_id, actor_email, action, target_user_id, subject_type, subject_id, before, after, created_at)
        select ${w.org.id}, ${w.admin.id}, ${w.admin.email}, a.action, ${w.user.id}, a.type, a.subject, a.before::jsonb, a.after::jsonb, now() - (g || ' seconds')::interval
        from generate_series(1, ${n}) g,
        (values ('plan.seats_changed', 'plan', ${plan.id}::text, '{"seats":5}', '{"seats":6}'),
                ('survey.transferred', 'survey', ${survey.id}::text, ${JSON.stringify({ ownerId: w.user.id })}, ${JSON.stringify({ ownerId: w.admin.id })}),
                ('invitation.revoked', 'invitation', gen_random_uuid()::text, '{"email":"x@example.test"}', '{"status":"revoked"}')) as a(action, type, subject, before, after)`);
    }
    const statements = async (w: World) =>
      countStatements(t.handle, async () => {
        const page = await listAuditEntries(w.ctx, { page: 1 });
        expect(page.rows.length).toBeLessThanOrEqual(AUDIT_PAGE_SIZE);
      });
    const [few, many] = [await statements(small), await statements(large)];
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(8);
  });
});

describe("A1 Activity CSV export", () => {
  it("A1: Admins download the filtered log as CSV — sentences, names, changed fields, raw JSON; formulas defused; the download is audited", async () => {
    const w = await world();
    await entry(w, { action: "member.role_changed", targetUserId: w.user.id, targetEmail: w.user.email, before: { role: "user" }, after: { role: "manager" } });
    await entry(w, { action: "member.suspended", targetUserId: w.user.id, targetEmail: "=HYPERLINK(\"http://evil\")" });
    actAs(w.admin.id);
    const response = await csvRequest(w.org.slug, "?action=member.role_changed");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="activity-.*\.csv"/);
    const rows = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual([...ACTIVITY_CSV_COLUMNS]);
    expect(rows).toHaveLength(2);
    const row = Object.fromEntries(ACTIVITY_CSV_COLUMNS.map((c, i) => [c, rows[1][i]]));
    expect(row).toMatchObject({
      sentence: `${w.admin.name} changed ${w.user.name}'s role from User to Manager`,
      action: "member.role_changed",
      action_label: "Role changed",
      actor: w.admin.name,
      target: w.user.name,
      changes: "Role: User → Manager",
    });
    expect(JSON.parse(row.after_json)).toEqual({ role: "manager" });

    const all = parseCsv((await (await csvRequest(w.org.slug)).text()).replace(/^\uFEFF/, ""));
    const suspended = all.find((r) => r[2] === "member.suspended")!;
    // The recorded address starts with "=": a spreadsheet would run it; it gets a leading quote.
    expect(suspended[7]).toBe("'=HYPERLINK(\"http://evil\")");
    const [{ n }] = await t.db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.orgId, w.org.id), eq(auditLog.action, "activity.exported")));
    expect(n).toBe(2);
  });

  it("A1/§10: Managers and Users get 403 and nothing is written; another organization's slug is 404; hostile filters answer a file, not an error", async () => {
    const w = await world();
    for (const who of [w.manager, w.user]) {
      actAs(who.id);
      const response = await expectNoChange(t.db, () => csvRequest(w.org.slug));
      expect(response.status).toBe(403);
    }
    actAs(w.otherAdmin.id);
    expect((await expectNoChange(t.db, () => csvRequest(w.org.slug))).status).toBe(404);
    actAs(w.admin.id);
    for (const query of ["?from=2026-02-30", "?from=%00&to=1e20", "?actor=nope&action=" + "x".repeat(5000), "?to=2001-01-01&from=2030-01-01"]) {
      const response = await csvRequest(w.org.slug, query);
      expect(response.status, query).toBe(200);
      await response.text();
    }
  });

  it("A1: the export reads by keyset in batches: entries sharing one timestamp each come exactly once", async () => {
    const w = await world();
    // Five at one millisecond, two a few microseconds later (which JavaScript dates cannot tell apart).
    for (let i = 0; i < 7; i++) {
      const at = i === 1 || i === 4 ? "2026-05-05T05:05:05.123456Z" : "2026-05-05T05:05:05.123000Z";
      await t.db.execute(sql`
        insert into audit_log (org_id, actor_id, actor_email, action, after, created_at)
        values (${w.org.id}, ${w.admin.id}, ${w.admin.email}, 'survey.created', ${JSON.stringify({ title: `S${i}` })}::jsonb, ${at}::timestamptz)`);
    }
    const seen: number[] = [];
    for await (const batch of auditEntryBatches(t.db, w.ctx, {}, 3)) seen.push(...batch.rows.map((r) => r.id));
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });
});
