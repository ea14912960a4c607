import { actAs } from "../support/next-mocks";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import OrgLayout from "@/app/o/[org]/layout";
import InboxPage from "@/app/o/[org]/inbox/page";
import ActivityPage from "@/app/o/[org]/activity/page";
import ManagePlanUsersPage from "@/app/o/[org]/plans/[plan]/users/page";
import MySubscriptionsPage from "@/app/o/[org]/subscriptions/page";
import UsersPage from "@/app/o/[org]/users/page";
import { statementsRun } from "@/db/client";
import { memberships } from "@/db/schema";
import { setupTestDatabase } from "../support/db";
import { makeOrg, makePlan } from "../support/factories";
import { addNamedMember } from "../support/state";

/**
 * Issue 9: the SQL statements a page runs do not grow with the organization. Each page is
 * rendered the way a request renders it (the organization's layout, then the page) for an
 * organization of 10 members and one of 1,000, and the statements are counted (db/client.ts counts
 * them under vitest). Auth.js's own read of the session is mocked here: in production it is one
 * more statement.
 */
const t = setupTestDatabase();

/** An organization of `size` members (an Admin first), a plan with all of them, and 40 notifications for the Admin. */
async function organization(size: number) {
  const org = await makeOrg(t.db, { tier: "enterprise" });
  const { user: admin, membership } = await addNamedMember(t.db, org.id, "admin");
  // Seen a moment ago: "last active" is written at most once an hour, not on these requests.
  await t.db.update(memberships).set({ lastActiveAt: new Date() }).where(eq(memberships.id, membership.id));
  await t.db.execute(sql`
    with people as (
      insert into users (email, name) select 'p' || g || '-' || ${org.slug} || '@example.test', 'Person ' || g
      from generate_series(2, ${size}) g returning id)
    insert into memberships (org_id, user_id, role) select ${org.id}, id, 'user' from people`);
  const plan = await makePlan(t.db, org.id, admin.id, "custom_plan", null);
  await t.db.execute(sql`
    insert into plan_users (plan_id, org_id, user_id)
    select ${plan.id}, ${org.id}, user_id from memberships where org_id = ${org.id} and user_id <> ${admin.id}`);
  await t.db.execute(sql`
    insert into notifications (user_id, org_id, kind, title) select ${admin.id}, ${org.id}, 'plan_added', 'N' || g from generate_series(1, 40) g`);
  // Activity: entries naming people, a plan, a survey-like subject and an invitation, as a page of the log holds.
  await t.db.execute(sql`
    insert into audit_log (org_id, actor_id, actor_email, action, target_user_id, subject_type, subject_id)
    select ${org.id}, ${admin.id}, 'admin@example.test', a.action, m.user_id, a.subject_type,
           case when a.subject_type = 'plan' then ${plan.id} else gen_random_uuid()::text end
    from (select user_id, row_number() over (order by user_id) n from memberships where org_id = ${org.id}) m
    join (values (0, 'plan.user_added', 'plan'), (1, 'member.role_changed', 'membership'), (2, 'invitation.created', 'invitation'),
                 (3, 'survey.transferred', 'survey'), (4, 'task.completed', 'task')) a(k, action, subject_type) on a.k = m.n % 5`);
  return { org, admin, plan };
}

/** Statements run while a server component renders (its data; client parts run in the browser). */
async function statementsFor(render: () => Promise<unknown>): Promise<number> {
  const before = statementsRun();
  await render();
  return statementsRun() - before;
}

async function countPages(size: number) {
  const { org, admin, plan } = await organization(size);
  actAs(admin.id);
  const params = Promise.resolve({ org: org.slug });
  const searchParams = Promise.resolve({});
  // In a request, React's cache() shares the layout's reads of the session and the membership
  // with the page; outside one it cannot, so the layout is counted alone and each page alone
  // (which then reads the session and the membership itself, as the whole request does once).
  return {
    layout: await statementsFor(() => OrgLayout({ children: null, params })),
    users: await statementsFor(() => UsersPage({ params, searchParams })),
    search: await statementsFor(() => UsersPage({ params, searchParams: Promise.resolve({ q: "Person 1" }) })),
    planUsers: await statementsFor(() =>
      ManagePlanUsersPage({ params: Promise.resolve({ org: org.slug, plan: plan.id }), searchParams } as never),
    ),
    inbox: await statementsFor(() => InboxPage({ params, searchParams } as never)),
    subscriptions: await statementsFor(() => MySubscriptionsPage({ params } as never)),
    activity: await statementsFor(() => ActivityPage({ params, searchParams } as never)),
  };
}

describe("issue 9: statements per page do not grow with the organization", () => {
  it("10 and 1,000 members: the same statements for Users, its search, Manage Users of a plan, the Inbox, My Subscriptions and Activity", async () => {
    const small = await countPages(10);
    const large = await countPages(1000);
    expect(large).toEqual(small);
    // The layout needs nothing beyond the session and the membership (with the shell's data).
    expect(small.layout).toBe(2);
    // Users: the session, the membership with the shell, the rows with the seat meter (issue 9: ≤ 4).
    expect(small.users).toBeLessThanOrEqual(3);
    expect(small.search).toBeLessThanOrEqual(3);
    // Activity: the session, the membership, a page of entries with their count, every name they need.
    expect(small.activity).toBeLessThanOrEqual(4);
    for (const [page, n] of Object.entries(small)) expect(n, page).toBeLessThanOrEqual(4);
  });
});
