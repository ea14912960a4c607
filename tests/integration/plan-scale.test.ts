import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listInbox } from "@/lib/notifications/queries";
import { findPlan, listPlanUsers, listMySubscriptions, PLAN_USERS_PAGE_SIZE } from "@/lib/plans/queries";
import { requirePlanUser } from "@/lib/work/plan-access";
import { countBoxes, listTasks, listWorkflows } from "@/lib/work/queries";
import { db } from "@/db/client";
import { setupTestDatabase } from "../support/db";
import { countStatements, planWorld } from "../support/plans";

/**
 * Plan pages read one page from the database and a fixed number of statements, whatever the size:
 * Manage Users of a plan with 2,000 users, an Inbox of 10,000 notifications, a product area with
 * thousands of workflows and tasks. The counts are compared between a small and a large case.
 */
const t = setupTestDatabase();

/** 2,000 members on the plan (bulk SQL: this test is about reading them). */
async function fillPlan(orgId: string, planId: string, n: number) {
  await t.db.execute(sql`
    with people as (
      insert into users (email, name) select 'bulk-' || ${planId}::text || '-' || g || '@example.test', 'Bulk ' || lpad(g::text, 5, '0')
      from generate_series(1, ${n}) g returning id
    ), joined as (
      insert into memberships (org_id, user_id, role) select ${orgId}, id, 'user' from people returning user_id
    ), placed as (
      insert into plan_users (plan_id, org_id, user_id) select ${planId}, ${orgId}, user_id from joined returning id
    )
    insert into plan_user_permissions (plan_user_id, product_id, key) select id, 'pdoc_share', 'workflows.view_all' from placed`);
  await t.db.execute(sql`
    insert into workflows (plan_id, org_id, owner_id, title)
    select ${planId}, ${orgId}, pu.user_id, 'Flow of ' || pu.user_id from plan_users pu where pu.plan_id = ${planId} and pu.user_id is not null`);
  await t.db.execute(sql`
    insert into tasks (plan_id, org_id, workflow_id, sender_id, assignee_id, title)
    select w.plan_id, w.org_id, w.id, w.owner_id, p.subscriber_id, 'Task ' || w.id
    from workflows w join plans p on p.id = w.plan_id where w.plan_id = ${planId}`);
}

async function fillInbox(userId: string, orgId: string, n: number) {
  await t.db.execute(sql`
    insert into notifications (user_id, org_id, kind, title, created_at)
    select ${userId}, ${orgId}, 'plan_added', 'Note ' || g, now() - (g || ' seconds')::interval from generate_series(1, ${n}) g`);
}

async function planPages(w: Awaited<ReturnType<typeof planWorld>>) {
  return countStatements(t.handle, async () => {
    const plan = await findPlan(w.ctx.admin, w.plan.id);
    const list = await listPlanUsers(w.ctx.admin, plan!, { page: 1 });
    expect(list.rows.length).toBeLessThanOrEqual(PLAN_USERS_PAGE_SIZE);
    await listMySubscriptions(w.ctx.admin);
    const area = await requirePlanUser(db, w.org.id, w.admin.id, w.plan.id);
    await Promise.all([countBoxes(area), listWorkflows(area, { page: 3 }), listTasks(area, "inbox", { page: 5 })]);
  });
}

describe("plan pages paginate in the database with a bounded number of statements", () => {
  it("P4: Manage Users, My Subscriptions and the product area read as many statements for 2,000 plan users as for 2", async () => {
    const small = await planWorld(t.db, { tier: "enterprise", seats: 5000 });
    const large = await planWorld(t.db, { tier: "enterprise", seats: 5000 });
    await fillPlan(large.org.id, large.plan.id, 2000);
    const list = await listPlanUsers(large.ctx.admin, large.plan, { page: 81 });
    expect(list.total).toBe(2002);
    expect(list.rows).toHaveLength(2);
    expect((await listPlanUsers(large.ctx.admin, large.plan, { q: "Bulk 01999" })).rows).toHaveLength(1);
    // Page 1: the subscriber first, then by name; each row with its role, permissions and P6 preview.
    const first = await listPlanUsers(large.ctx.admin, large.plan, { page: 1 });
    expect(first.total).toBe(2002);
    expect(first.rows).toHaveLength(PLAN_USERS_PAGE_SIZE);
    expect(first.rows[0]).toMatchObject({ userId: large.admin.id, isSubscriber: true, role: "admin", status: "active" });
    const bulk = first.rows.filter((r) => r.displayName.startsWith("Bulk "));
    expect(bulk.map((r) => r.displayName)).toEqual(bulk.map((r) => r.displayName).sort());
    expect(bulk[0]).toMatchObject({ displayName: "Bulk 00001", role: "user", status: "active", granted: ["workflows.view_all"] });
    expect(bulk[0].preview).toEqual({ workflows: 1, toInbox: 0, toOutbox: 1 });
    const area = await requirePlanUser(t.db, large.org.id, large.admin.id, large.plan.id);
    expect(await countBoxes(area)).toEqual({ inbox: 2002, outbox: 1 });
    const [few, many] = [await planPages(small), await planPages(large)];
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(25);
  }, 120_000);

  it("N1: the Inbox of 10,000 notifications reads one page in as many statements as an inbox of 3", async () => {
    const w = await planWorld(t.db);
    await fillInbox(w.user.id, w.org.id, 3);
    await fillInbox(w.user2.id, w.org.id, 10_000);
    const few = await countStatements(t.handle, () => listInbox(w.ctx.user, { page: 1 }));
    let last: Awaited<ReturnType<typeof listInbox>> | undefined;
    const many = await countStatements(t.handle, async () => {
      last = await listInbox(w.ctx.user2, { page: 250 });
    });
    expect(last).toMatchObject({ total: 10_000, unread: 10_000, pageCount: 500 });
    expect(last!.rows).toHaveLength(20);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(3);
  }, 120_000);
});
