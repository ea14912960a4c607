import type postgres from "postgres";

/**
 * The benchmark's organization, written straight in SQL (generate_series) so 10,000 members take
 * seconds: Bench Industries on Enterprise with 10,000 members (Bea Bench its Admin), 200 pending
 * invitations, its plans with their users (the largest, Custom Plan, has 2,000), 50,000 surveys,
 * 100,000 tasks and 10,000 notifications in Bea's inbox; three more organizations hold the rest of
 * the 20 plans (an organization has one plan per product); and a Pro organization for the
 * invitation run, where seats must stop at 10.
 */
export const BENCH = {
  org: "bench-industries",
  admin: "bea.bench@bench.test",
  searchTerm: "Quinn",
  invitationsOrg: "bench-seats",
  /**
   * The SCIM run (issue 17): an Enterprise organization an identity provider pushes its directory
   * into (one Admin, who creates the SCIM token), and a Pro organization (10 seats, one used) whose
   * creates must stop at the limit.
   */
  scim: {
    org: "bench-scim",
    admin: "scim.admin@bench.test",
    seatsOrg: "bench-scim-seats",
    seatsAdmin: "scim.seats.admin@bench.test",
    /** Users pushed in the measured run, and how many requests at a time. */
    users: Number(process.env.BENCH_SCIM_USERS ?? 10_000),
    concurrency: 20,
    /** Creates sent to the Pro organization: 9 may succeed. */
    seatsAttempts: 100,
  },
  /** Five Pro organizations with 9 of 10 seats used: one per round of the two-process race. */
  twoProcessOrgs: ["bench-2p-1", "bench-2p-2", "bench-2p-3", "bench-2p-4", "bench-2p-5"],
  /** Members of the large organization writing their own rows at once (writes.personal). */
  personalWriters: 50,
  personalRowsEach: 300,
  /** BENCH_MEMBERS=100000 npm run bench: the scale run (#15.5). */
  members: Number(process.env.BENCH_MEMBERS ?? 10_000),
  /** Activity's entries: ten per member (1,000,000 at 100,000 members), written in SQL. */
  auditEntries: Number(process.env.BENCH_AUDIT_ENTRIES ?? Number(process.env.BENCH_MEMBERS ?? 10_000) * 10),
  pendingInvitations: 200,
  surveys: 50_000,
  tasks: 100_000,
  notifications: 10_000,
  largestPlanUsers: 2_000,
};

const firstNames = [
  "Ada", "Ben", "Cleo", "Dev", "Elif", "Farid", "Gia", "Hugo", "Ines", "Jon", "Kaia", "Lars", "Mina", "Noor", "Omar",
  "Pia", "Quinn", "Rosa", "Sven", "Tara", "Uma", "Vito", "Wen", "Xia", "Yusuf", "Zoe",
];
const lastNames = [
  "Alvarez", "Berg", "Chen", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ivanova", "Jensen", "Kowalski",
  "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Rossi", "Schmidt", "Tanaka", "Urban", "Varga", "Weber",
];

const pgArray = (values: string[]) => `(array[${values.map((v) => `'${v}'`).join(",")}])`;

export async function seedBench(sql: postgres.Sql) {
  const first = pgArray(firstNames);
  const last = pgArray(lastNames);
  await sql.begin(async (tx) => {
    const [org] = await tx`insert into organizations (slug, name, tier) values (${BENCH.org}, 'Bench Industries', 'enterprise') returning id`;
    const [admin] = await tx`
      insert into users (email, name, first_name, last_name, phone, email_verified)
      values (${BENCH.admin}, 'Bea Bench', 'Bea', 'Bench', '+1 555 0150', now()) returning id`;
    await tx`insert into memberships (org_id, user_id, role, created_at) values (${org.id}, ${admin.id}, 'admin', now() - interval '400 days')`;

    // 9,999 more people: names from the lists, one Manager in fifty, one in a hundred suspended.
    await tx.unsafe(`
      insert into users (email, name, first_name, last_name, phone, email_verified)
      select 'person' || i || '@bench.test',
             ${first}[1 + i % ${firstNames.length}] || ' ' || ${last}[1 + (i / ${firstNames.length}) % ${lastNames.length}],
             ${first}[1 + i % ${firstNames.length}],
             ${last}[1 + (i / ${firstNames.length}) % ${lastNames.length}],
             case when i % 3 = 0 then '+1 555 ' || lpad((i % 10000)::text, 4, '0') end,
             now()
      from generate_series(1, ${BENCH.members - 1}) i`);
    await tx.unsafe(`
      insert into memberships (org_id, user_id, role, status, created_at)
      select '${org.id}', u.id,
             (case when n % 50 = 0 then 'manager' else 'user' end)::role,
             (case when n % 100 = 7 then 'suspended' else 'active' end)::membership_status,
             now() - (n % 700) * interval '1 day'
      from (select id, row_number() over (order by email) n from users where email like 'person%@bench.test') u`);

    await tx.unsafe(`
      insert into invitations (org_id, email, role, token_hash, invited_by_id, expires_at, first_name)
      select '${org.id}', 'invitee' || i || '@bench.test', 'user', md5('bench-invitation-' || i) || md5(i::text),
             '${admin.id}', now() + interval '6 days', ${first}[1 + i % ${firstNames.length}]
      from generate_series(1, ${BENCH.pendingInvitations}) i`);

    // The organization's plans; Bea subscribes to each. Custom Plan has 2,000 users.
    const plans = [
      { product: "custom_plan", seats: null, users: BENCH.largestPlanUsers },
      { product: "pdoc_share", seats: 600, users: 500 },
      { product: "supplier_evaluations", seats: 300, users: 250 },
      { product: "corrective_actions", seats: 200, users: 150 },
      { product: "company_profile", seats: null, users: 1 },
    ];
    const planIds: string[] = [];
    for (const plan of plans) {
      const [row] = await tx`
        insert into plans (org_id, product_id, subscriber_id, seats) values (${org.id}, ${plan.product}, ${admin.id}, ${plan.seats}) returning id`;
      planIds.push(row.id);
      await tx.unsafe(`
        insert into plan_users (plan_id, org_id, user_id, added_by_id)
        select '${row.id}', '${org.id}', m.user_id, '${admin.id}'
        from (select user_id from memberships where org_id = '${org.id}' order by (user_id = '${admin.id}') desc, created_at limit ${plan.users}) m`);
      await tx.unsafe(`
        insert into plan_user_permissions (plan_user_id, product_id, key)
        select pu.id, pp.product_id, pp.key
        from plan_users pu join product_permissions pp on pp.product_id = '${plan.product}'
        where pu.plan_id = '${row.id}' and (pp.is_default or pu.user_id = '${admin.id}')`);
    }

    // Three more organizations of 50 people each hold the other 15 plans.
    for (let o = 1; o <= 3; o++) {
      const [other] = await tx`insert into organizations (slug, name, tier) values (${`bench-branch-${o}`}, ${`Bench Branch ${o}`}, 'enterprise') returning id`;
      await tx.unsafe(`
        insert into users (email, name, email_verified)
        select 'branch${o}-' || i || '@bench.test', 'Branch ${o} Person ' || i, now() from generate_series(1, 50) i`);
      await tx.unsafe(`
        insert into memberships (org_id, user_id, role)
        select '${other.id}', id, (case when email = 'branch${o}-1@bench.test' then 'admin' else 'user' end)::role
        from users where email like 'branch${o}-%@bench.test'`);
      const [owner] = await tx`select id from users where email = ${`branch${o}-1@bench.test`}`;
      for (const product of ["custom_plan", "pdoc_share", "supplier_evaluations", "corrective_actions", "company_profile"]) {
        const [row] = await tx`insert into plans (org_id, product_id, subscriber_id, seats)
          values (${other.id}, ${product}, ${owner.id}, ${product === "custom_plan" || product === "company_profile" ? null : 60}) returning id`;
        await tx.unsafe(`
          insert into plan_users (plan_id, org_id, user_id)
          select '${row.id}', '${other.id}', user_id from memberships where org_id = '${other.id}'
          ${product === "company_profile" ? `and user_id = '${owner.id}'` : ""}`);
      }
    }

    // 50,000 surveys across the members, and a few responses on the first thousand.
    await tx.unsafe(`
      insert into surveys (org_id, owner_id, title, questions, created_at, updated_at)
      select '${org.id}', m.user_id, 'Survey ' || i || ': ' || ${first}[1 + i % ${firstNames.length}] || '''s site check',
             '[{"id":"q1","text":"Is the site safe?","required":false}]'::jsonb,
             now() - (i % 900) * interval '1 hour', now() - (i % 900) * interval '1 hour'
      from generate_series(1, ${BENCH.surveys}) i
      join (select user_id, row_number() over (order by user_id) - 1 as n from memberships where org_id = '${org.id}') m
        on m.n = i % ${BENCH.members}`);
    await tx.unsafe(`
      insert into survey_responses (survey_id, respondent, answers)
      select id, 'respondent@bench.test', '{"q1":"Yes"}'::jsonb from surveys where org_id = '${org.id}' limit 1000`);

    // 5,000 workflows and 100,000 tasks in the plans; Bea is assignee of one in fifty, sender of one in a hundred.
    await tx.unsafe(`
      insert into workflows (plan_id, org_id, owner_id, title)
      select pu.plan_id, '${org.id}', pu.user_id, 'Workflow ' || row_number() over ()
      from (select plan_id, user_id from plan_users where org_id = '${org.id}' order by plan_id, user_id limit 5000) pu`);
    await tx.unsafe(`
      with w as (select id, plan_id, owner_id, row_number() over (order by id) - 1 as n from workflows where org_id = '${org.id}')
      insert into tasks (plan_id, org_id, workflow_id, sender_id, assignee_id, title, state)
      select w.plan_id, '${org.id}', w.id,
             case when i % 100 = 0 then '${admin.id}'::uuid else w.owner_id end,
             case when i % 50 = 0 then '${admin.id}'::uuid else w.owner_id end,
             'Task ' || i, (case when i % 4 = 0 then 'done' else 'open' end)::task_state
      from generate_series(1, ${BENCH.tasks}) i join w on w.n = i % 5000`);

    await tx.unsafe(`
      insert into notifications (user_id, org_id, kind, title, body, read_at, created_at)
      select '${admin.id}', '${org.id}', 'plan_added', 'Notification ' || i, 'Something happened in Bench Industries.',
             case when i % 3 = 0 then null else now() end, now() - i * interval '1 minute'
      from generate_series(1, ${BENCH.notifications}) i`);

    // Activity: ten entries per member over the last year, by Bea and by the members themselves.
    await tx.unsafe(`
      with m as (select user_id, row_number() over (order by user_id) - 1 as n from memberships where org_id = '${org.id}')
      insert into audit_log (org_id, actor_id, actor_email, action, target_user_id, target_email, subject_type, subject_id, before, after, created_at)
      select '${org.id}', case when i % 3 = 0 then '${admin.id}'::uuid else m.user_id end, 'person' || (i % ${BENCH.members}) || '@bench.test',
             (array['member.updated','survey.checked_out','survey.checked_in','task.done','member.role_changed'])[1 + i % 5],
             m.user_id, 'person' || (i % ${BENCH.members}) || '@bench.test', 'user', m.user_id::text,
             '{"role":"user"}'::jsonb, '{"role":"manager"}'::jsonb, now() - (i * interval '31 seconds')
      from generate_series(1, ${BENCH.auditEntries}) i join m on m.n = i % ${BENCH.members}`);

    // writes.personal: 50 active Users on Custom Plan, each with unread notifications and open
    // tasks of their own (sent by Bea) to work through.
    await tx.unsafe(`
      create temporary table bench_writers on commit drop as
      select m.user_id from memberships m join plan_users pu on pu.user_id = m.user_id and pu.plan_id = '${planIds[0]}'
      where m.org_id = '${org.id}' and m.status = 'active' and m.role = 'user' order by m.user_id limit ${BENCH.personalWriters}`);
    await tx.unsafe(`
      insert into notifications (user_id, org_id, kind, title, body, created_at)
      select w.user_id, '${org.id}', 'plan_added', 'To read ' || i, 'Something happened.', now() - i * interval '1 minute'
      from bench_writers w cross join generate_series(1, ${BENCH.personalRowsEach}) i`);
    await tx.unsafe(`
      insert into tasks (plan_id, org_id, sender_id, assignee_id, title)
      select '${planIds[0]}', '${org.id}', '${admin.id}', w.user_id, 'To do ' || i
      from bench_writers w cross join generate_series(1, ${BENCH.personalRowsEach}) i`);

    // The two-process race's organizations: Pro (10 seats), an Admin and 8 Users each.
    for (const slug of BENCH.twoProcessOrgs) {
      const [o] = await tx`insert into organizations (slug, name, tier) values (${slug}, ${`Bench ${slug}`}, 'pro') returning id`;
      await tx.unsafe(`
        insert into users (email, name, email_verified)
        select '${slug}-' || i || '@bench.test', '${slug} person ' || i, now() from generate_series(1, 9) i`);
      await tx.unsafe(`
        insert into memberships (org_id, user_id, role)
        select '${o.id}', id, (case when email = '${slug}-1@bench.test' then 'admin' else 'user' end)::role
        from users where email like '${slug}-%@bench.test'`);
    }

    // The invitation run's organization: Pro, 10 seats, one Admin.
    const [seatsOrg] = await tx`insert into organizations (slug, name, tier) values (${BENCH.invitationsOrg}, 'Bench Seats', 'pro') returning id`;
    const [seatsAdmin] = await tx`insert into users (email, name, email_verified) values ('seats.admin@bench.test', 'Seats Admin', now()) returning id`;
    await tx`insert into memberships (org_id, user_id, role) values (${seatsOrg.id}, ${seatsAdmin.id}, 'admin')`;

    // The SCIM run's organizations: each with one Admin, who makes the SCIM token.
    for (const [slug, name, tier, email] of [
      [BENCH.scim.org, "Bench SCIM", "enterprise", BENCH.scim.admin],
      [BENCH.scim.seatsOrg, "Bench SCIM Seats", "pro", BENCH.scim.seatsAdmin],
    ] as const) {
      const [o] = await tx`insert into organizations (slug, name, tier) values (${slug}, ${name}, ${tier}) returning id`;
      const [u] = await tx`insert into users (email, name, first_name, last_name, email_verified) values (${email}, 'Sam Scim', 'Sam', 'Scim', now()) returning id`;
      await tx`insert into memberships (org_id, user_id, role) values (${o.id}, ${u.id}, 'admin')`;
    }
  });
  // As autovacuum would have by now: statistics, and the visibility map that lets counts read the index alone.
  await sql`vacuum analyze`;
}
