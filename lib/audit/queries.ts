import "server-only";
import { isUuid } from "@/lib/token-shape";
import { and, count, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { db as defaultDb, selectRows, type DbOrTx } from "@/db/client";
import { auditLog, invitations, memberships, ownershipTransfers, plans, products, surveys, tasks, users, workflows, type AuditEntry } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { forbidden } from "@/lib/errors";
import { canReadAudit } from "@/lib/permissions";
import { invitationsMentioned, peopleMentioned, type AuditNames } from "./describe";

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilters = {
  actorId?: string;
  action?: string;
  /** First day shown (UTC, YYYY-MM-DD), inclusive. */
  from?: string;
  /** Last day shown (UTC, YYYY-MM-DD), inclusive. */
  to?: string;
};

const DAY_MS = 24 * 60 * 60 * 1000;

function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** The WHERE of the page and of its CSV export: one definition, so the export is what the page shows. */
export function auditWhere(orgId: string, filters: AuditFilters): SQL {
  return and(
    eq(auditLog.orgId, orgId),
    filters.actorId ? eq(auditLog.actorId, filters.actorId) : undefined,
    filters.action ? eq(auditLog.action, filters.action) : undefined,
    filters.from ? gte(auditLog.createdAt, dayStart(filters.from)) : undefined,
    filters.to ? lt(auditLog.createdAt, new Date(dayStart(filters.to).getTime() + DAY_MS)) : undefined,
  )!;
}

function assertReader(ctx: MemberContext) {
  if (!canReadAudit(ctx.membership.role)) throw forbidden("Only Admins can read the activity log.");
}

const uuids = (values: Array<string | null | undefined>) => [...new Set(values.filter((v): v is string => !!v && isUuid(v)))];

/**
 * The names a page of entries needs, in one statement whatever the page holds: the people
 * (actors, targets and people named in before/after) from the users table, and each kind of
 * subject (invitation → its address, plan and transfer → the product, survey, task, workflow →
 * the title), all scoped to the organization, as one UNION ALL of the kinds the page mentions.
 * What no longer exists falls back, in the sentence, to what the entry recorded.
 */
export async function resolveAuditNames(db: DbOrTx, orgId: string, orgName: string, rows: AuditEntry[]): Promise<AuditNames> {
  const people = new Map<string, string>();
  const subjects = new Map<string, string>();
  const ofType = (type: string) => uuids(rows.filter((r) => r.subjectType === type).map((r) => r.subjectId));
  const personIds = uuids(rows.flatMap((r) => [r.actorId, r.targetUserId, ...peopleMentioned(r)]));
  const invitationIds = uuids([...ofType("invitation"), ...rows.flatMap((r) => invitationsMentioned(r))]);
  const [planIds, transferIds, surveyIds, taskIds, workflowIds] = ["plan", "transfer", "survey", "task", "workflow"].map(ofType);
  const ids = (list: string[]) => sql`(${sql.join(list.map((id) => sql`${id}::uuid`), sql`, `)})`;
  const branches: SQL[] = [];
  if (personIds.length) {
    branches.push(sql`select 'person' as kind, u.id::text as id,
      coalesce(nullif(u.name, ''), nullif(trim(concat_ws(' ', u.first_name, u.last_name)), ''), u.email) as name
      from ${users} u where u.id in ${ids(personIds)}`);
  }
  if (invitationIds.length) {
    branches.push(sql`select 'invitation', i.id::text, i.email from ${invitations} i where i.org_id = ${orgId} and i.id in ${ids(invitationIds)}`);
  }
  if (planIds.length) {
    branches.push(sql`select 'plan', p.id::text, pr.name from ${plans} p join ${products} pr on pr.id = p.product_id
      where p.org_id = ${orgId} and p.id in ${ids(planIds)}`);
  }
  if (transferIds.length) {
    branches.push(sql`select 'transfer', t.id::text, pr.name from ${ownershipTransfers} t join ${plans} p on p.id = t.plan_id
      join ${products} pr on pr.id = p.product_id where t.org_id = ${orgId} and t.id in ${ids(transferIds)}`);
  }
  if (surveyIds.length) branches.push(sql`select 'survey', s.id::text, s.title from ${surveys} s where s.org_id = ${orgId} and s.id in ${ids(surveyIds)}`);
  if (taskIds.length) branches.push(sql`select 'task', t.id::text, t.title from ${tasks} t where t.org_id = ${orgId} and t.id in ${ids(taskIds)}`);
  if (workflowIds.length) branches.push(sql`select 'workflow', w.id::text, w.title from ${workflows} w where w.org_id = ${orgId} and w.id in ${ids(workflowIds)}`);
  if (!branches.length) return { people, subjects, orgName };
  const found = await selectRows<{ kind: string; id: string; name: string }>(db, sql.join(branches, sql` union all `));
  for (const row of found) {
    if (row.kind === "person") people.set(row.id, row.name);
    else subjects.set(`${row.kind}:${row.id}`, row.name);
  }
  return { people, subjects, orgName };
}

/**
 * SPEC A1: the organization's audit log for Admins, newest first, paginated in the database, with
 * the names its sentences need. Two statements per page (the entries with their count, the names), whatever the log's size.
 */
export async function listAuditEntries(ctx: MemberContext, options: AuditFilters & { page?: number } = {}, db: DbOrTx = defaultDb) {
  assertReader(ctx);
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const where = auditWhere(ctx.org.id, options);
  // The page and the count of every matching entry in one statement: the count is an uncorrelated
  // subquery, computed once (its "audit_log" is its own FROM), not a window over every row.
  const found = await db
    .select({ entry: auditLog, total: sql<number>`(select count(*)::int from ${auditLog} where ${where})` })
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE);
  const rows = found.map((f) => f.entry);
  // Past the last page there is no row to carry the count: only then is it read on its own.
  const total = found.length ? Number(found[0].total) : (await db.select({ total: count() }).from(auditLog).where(where))[0].total;
  const names = await resolveAuditNames(db, ctx.org.id, ctx.org.name, rows);
  return { rows, names, total, page, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

/**
 * The person an actor filter names, for the picker's chosen value: a member of this organization
 * or someone who acted in it (a former member). Anyone else's id is like an id that does not
 * exist: no name, no email of another organization's people.
 */
export async function findAuditActor(ctx: MemberContext, userId: string) {
  assertReader(ctx);
  const [user] = await defaultDb
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        sql`(exists (select 1 from ${memberships} m where m.org_id = ${ctx.org.id} and m.user_id = ${users.id})
          or exists (select 1 from ${auditLog} a where a.org_id = ${ctx.org.id} and a.actor_id = ${users.id}))`,
      ),
    );
  return user ?? null;
}

export const AUDIT_EXPORT_BATCH = 500;

/**
 * Every entry the filters select, newest first, in batches read by keyset (created_at, id) — never
 * the whole log in memory, and each batch named with resolveAuditNames. Not one snapshot: an entry
 * written during a long download may or may not be in it.
 */
export async function* auditEntryBatches(
  db: DbOrTx,
  ctx: MemberContext,
  filters: AuditFilters,
  batch = AUDIT_EXPORT_BATCH,
): AsyncGenerator<{ rows: AuditEntry[]; names: AuditNames }> {
  assertReader(ctx);
  const where = auditWhere(ctx.org.id, filters);
  let cursor: number | null = null;
  for (;;) {
    // The cursor row's own created_at, read by the database at full (microsecond) precision.
    const after: SQL | undefined =
      cursor === null ? undefined : sql`(${auditLog.createdAt}, ${auditLog.id}) < (select a.created_at, a.id from audit_log a where a.id = ${cursor})`;
    const rows: AuditEntry[] = await db
      .select()
      .from(auditLog)
      .where(and(where, after))
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(batch);
    if (!rows.length) return;
    yield { rows, names: await resolveAuditNames(db, ctx.org.id, ctx.org.name, rows) };
    if (rows.length < batch) return;
    cursor = rows[rows.length - 1].id;
  }
}
