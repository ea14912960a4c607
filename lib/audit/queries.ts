import "server-only";
import { and, count, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { db as defaultDb, type DbOrTx } from "@/db/client";
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuids = (values: Array<string | null | undefined>) => [...new Set(values.filter((v): v is string => !!v && UUID.test(v)))];

/**
 * The names a page of entries needs, in at most seven statements whatever the page holds: the
 * people (actors, targets and people named in before/after) from the users table, and each kind of
 * subject (invitation → its address, plan and transfer → the product, survey, task, workflow →
 * the title), all scoped to the organization. What no longer exists falls back, in the sentence,
 * to what the entry recorded.
 */
export async function resolveAuditNames(db: DbOrTx, orgId: string, orgName: string, rows: AuditEntry[]): Promise<AuditNames> {
  const people = new Map<string, string>();
  const subjects = new Map<string, string>();
  const ofType = (type: string) => uuids(rows.filter((r) => r.subjectType === type).map((r) => r.subjectId));
  const personIds = uuids(rows.flatMap((r) => [r.actorId, r.targetUserId, ...peopleMentioned(r)]));
  const invitationIds = uuids([...ofType("invitation"), ...rows.flatMap((r) => invitationsMentioned(r))]);
  const [planIds, transferIds, surveyIds, taskIds, workflowIds] = ["plan", "transfer", "survey", "task", "workflow"].map(ofType);
  await Promise.all([
    personIds.length
      ? db
          .select({ id: users.id, name: users.name, firstName: users.firstName, lastName: users.lastName, email: users.email })
          .from(users)
          .where(inArray(users.id, personIds))
          .then((found) => {
            for (const u of found) people.set(u.id, u.name || [u.firstName, u.lastName].filter(Boolean).join(" ") || u.email);
          })
      : null,
    invitationIds.length
      ? db
          .select({ id: invitations.id, email: invitations.email })
          .from(invitations)
          .where(and(eq(invitations.orgId, orgId), inArray(invitations.id, invitationIds)))
          .then((found) => found.forEach((i) => subjects.set(`invitation:${i.id}`, i.email)))
      : null,
    planIds.length
      ? db
          .select({ id: plans.id, name: products.name })
          .from(plans)
          .innerJoin(products, eq(products.id, plans.productId))
          .where(and(eq(plans.orgId, orgId), inArray(plans.id, planIds)))
          .then((found) => found.forEach((p) => subjects.set(`plan:${p.id}`, p.name)))
      : null,
    transferIds.length
      ? db
          .select({ id: ownershipTransfers.id, name: products.name })
          .from(ownershipTransfers)
          .innerJoin(plans, eq(plans.id, ownershipTransfers.planId))
          .innerJoin(products, eq(products.id, plans.productId))
          .where(and(eq(ownershipTransfers.orgId, orgId), inArray(ownershipTransfers.id, transferIds)))
          .then((found) => found.forEach((t) => subjects.set(`transfer:${t.id}`, t.name)))
      : null,
    surveyIds.length
      ? db
          .select({ id: surveys.id, title: surveys.title })
          .from(surveys)
          .where(and(eq(surveys.orgId, orgId), inArray(surveys.id, surveyIds)))
          .then((found) => found.forEach((s) => subjects.set(`survey:${s.id}`, s.title)))
      : null,
    taskIds.length || workflowIds.length
      ? Promise.all([
          taskIds.length
            ? db.select({ id: tasks.id, title: tasks.title }).from(tasks).where(and(eq(tasks.orgId, orgId), inArray(tasks.id, taskIds)))
            : [],
          workflowIds.length
            ? db.select({ id: workflows.id, title: workflows.title }).from(workflows).where(and(eq(workflows.orgId, orgId), inArray(workflows.id, workflowIds)))
            : [],
        ]).then(([t, w]) => {
          t.forEach((x) => subjects.set(`task:${x.id}`, x.title));
          w.forEach((x) => subjects.set(`workflow:${x.id}`, x.title));
        })
      : null,
  ]);
  return { people, subjects, orgName };
}

/**
 * SPEC A1: the organization's audit log for Admins, newest first, paginated in the database, with
 * the names its sentences need. At most nine statements per page, whatever the log's size.
 */
export async function listAuditEntries(ctx: MemberContext, options: AuditFilters & { page?: number } = {}, db: DbOrTx = defaultDb) {
  assertReader(ctx);
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const where = auditWhere(ctx.org.id, options);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
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
