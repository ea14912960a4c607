import "server-only";
import { and, asc, count, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import {
  invitations,
  memberships,
  ownershipTransfers,
  planUserPermissions,
  planUsers,
  plans,
  productPermissions,
  products,
  users,
  workflows,
  tasks,
} from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { invitationStatus } from "@/lib/invitations/queries";
import { likePattern } from "@/lib/members/queries";
import { qualified } from "@/db/sql";
import { planSeatCountsSql, toPlanSeatUsage } from "./plan-seats";
import { removalPreviewSql } from "./remove-plan-user";

export const PLAN_USERS_PAGE_SIZE = 25;

const subscriber = alias(users, "subscriber");

const planColumns = {
  id: plans.id,
  productId: plans.productId,
  productName: products.name,
  productDescription: products.description,
  userMode: products.userMode,
  seats: plans.seats,
  subscriberId: plans.subscriberId,
  subscriberName: subscriber.name,
  subscriberEmail: subscriber.email,
  createdAt: plans.createdAt,
};

type LiveTransferJson = { id: string; toName: string; toUserId: string | null; expiresAt: string } | null;

/**
 * A plan's seat meter (plan users + live plan invitations) and its live (pending, not expired, O1)
 * transfer, as columns of the statement that reads the plan: a page of plans is one statement.
 */
function usageColumns() {
  const counts = planSeatCountsSql(plans.id);
  return {
    seatUsers: counts.users,
    seatPendingInvitations: counts.pendingInvitations,
    liveTransfer: sql<LiveTransferJson>`(
      select json_build_object('id', lt.id, 'expiresAt', lt.expires_at, 'toUserId', lt.to_user_id, 'toName', coalesce(lr.name, lr.email, li.email || ' (invited)'))
      from ${ownershipTransfers} lt
      left join ${users} lr on lr.id = lt.to_user_id
      left join ${invitations} li on li.id = lt.to_invitation_id
      where lt.plan_id = ${qualified(plans.id)} and lt.state = 'pending' and lt.expires_at > now()
      limit 1)`,
  };
}

function withUsage<T extends { userMode: "several" | "unlimited" | "single"; seats: number | null; seatUsers: number; seatPendingInvitations: number; liveTransfer: LiveTransferJson }>(
  row: T,
) {
  const { seatUsers, seatPendingInvitations, liveTransfer, ...plan } = row;
  return {
    ...plan,
    usage: toPlanSeatUsage(row, { users: Number(seatUsers), pendingInvitations: Number(seatPendingInvitations) }),
    liveTransfer: liveTransfer
      ? { id: liveTransfer.id, toName: liveTransfer.toName, toUserId: liveTransfer.toUserId, expiresAt: new Date(liveTransfer.expiresAt) }
      : null,
  };
}

/**
 * SPEC P2: the plans the signed-in user subscribes to or uses, in this organization, each with its
 * seat meter (plan users + pending plan invitations, of its seats) and live transfer.
 */
export async function listMySubscriptions(ctx: MemberContext) {
  const rows = await db
    .select({ ...planColumns, ...usageColumns() })
    .from(planUsers)
    .innerJoin(plans, eq(plans.id, planUsers.planId))
    .innerJoin(products, eq(products.id, plans.productId))
    .innerJoin(subscriber, eq(subscriber.id, plans.subscriberId))
    .where(and(eq(plans.orgId, ctx.org.id), eq(planUsers.userId, ctx.user.id)))
    .orderBy(asc(products.sortOrder));
  return rows.map((row) => ({ ...withUsage(row), isSubscriber: row.subscriberId === ctx.user.id }));
}

/** Every plan of the organization (Products, Invite Teammate's plans to join), with seat usage. */
export async function listOrgPlans(ctx: MemberContext) {
  const rows = await db
    .select({ ...planColumns, ...usageColumns() })
    .from(plans)
    .innerJoin(products, eq(products.id, plans.productId))
    .innerJoin(subscriber, eq(subscriber.id, plans.subscriberId))
    .where(eq(plans.orgId, ctx.org.id))
    .orderBy(asc(products.sortOrder));
  return rows.map(withUsage);
}

/** The product catalogue (P1) with each product's permissions. */
export async function listProducts() {
  const [rows, perms] = await Promise.all([
    db.select().from(products).orderBy(asc(products.sortOrder)),
    db.select().from(productPermissions).orderBy(asc(productPermissions.productId), asc(productPermissions.sortOrder)),
  ]);
  return rows.map((p) => ({ ...p, permissions: perms.filter((q) => q.productId === p.id) }));
}

/** One plan of the caller's organization, with its usage and live transfer; null for any other id. */
export async function findPlan(ctx: MemberContext, planId: string) {
  const [row] = await db
    .select({
      ...planColumns,
      ...usageColumns(),
      permissions: sql<{ key: string; label: string; description: string }[]>`(
        select coalesce(json_agg(json_build_object('key', pp.key, 'label', pp.label, 'description', pp.description) order by pp.sort_order), '[]'::json)
        from ${productPermissions} pp where pp.product_id = ${qualified(plans.productId)})`,
    })
    .from(plans)
    .innerJoin(products, eq(products.id, plans.productId))
    .innerJoin(subscriber, eq(subscriber.id, plans.subscriberId))
    .where(and(eq(plans.id, planId), eq(plans.orgId, ctx.org.id)));
  return row ? withUsage(row) : null;
}

export type ManagedPlan = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

const placeColumns = {
  planUserId: planUsers.id,
  userId: planUsers.userId,
  invitationId: planUsers.invitationId,
  addedAt: planUsers.createdAt,
  name: users.name,
  firstName: users.firstName,
  lastName: users.lastName,
  email: sql<string>`coalesce(${users.email}, ${invitations.email})`,
  phone: users.phone,
  role: memberships.role,
  status: memberships.status,
  invitationFirstName: invitations.firstName,
  invitationLastName: invitations.lastName,
  invitationState: invitations.status,
  invitationExpiresAt: invitations.expiresAt,
};

function placeFrom<E extends Record<string, SQL> = Record<never, SQL>>(extra: E = {} as E) {
  return db
    .select({ ...placeColumns, ...extra })
    .from(planUsers)
    .leftJoin(users, eq(users.id, planUsers.userId))
    .leftJoin(memberships, and(eq(memberships.orgId, planUsers.orgId), eq(memberships.userId, planUsers.userId)))
    .leftJoin(invitations, eq(invitations.id, planUsers.invitationId));
}

type PlaceRow = Awaited<ReturnType<ReturnType<typeof placeFrom<Record<never, SQL>>>["execute"]>>[number];

function describePlace(row: PlaceRow) {
  const invitee = row.invitationId !== null;
  const inviteeName = [row.invitationFirstName, row.invitationLastName].filter(Boolean).join(" ");
  return {
    ...row,
    displayName: invitee ? inviteeName || row.email : row.name || [row.firstName, row.lastName].filter(Boolean).join(" ") || row.email,
    invitation: invitee && row.invitationState && row.invitationExpiresAt
      ? { state: invitationStatus({ status: row.invitationState, expiresAt: row.invitationExpiresAt }), expiresAt: row.invitationExpiresAt }
      : null,
  };
}

/**
 * Manage Users of a plan (P4): its users and invitees' places, the subscriber first, searched and
 * paginated in the database, with each row's permissions and Remove-from-plan preview (P6) read in
 * grouped queries — a fixed number of statements whether the plan has 5 users or 2,000.
 */
export async function listPlanUsers(ctx: MemberContext, plan: { id: string; subscriberId: string }, options: { q?: string; page?: number } = {}) {
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const q = options.q?.trim().slice(0, 100) ?? "";
  const pattern = q ? likePattern(q) : null;
  const where = and(
    eq(planUsers.planId, plan.id),
    eq(planUsers.orgId, ctx.org.id),
    pattern
      ? or(
          ilike(users.email, pattern),
          ilike(users.name, pattern),
          ilike(invitations.email, pattern),
          ilike(sql`concat_ws(' ', ${invitations.firstName}, ${invitations.lastName})`, pattern),
        )
      : undefined,
  );
  const order = [
    sql`(${planUsers.userId} is not distinct from ${plan.subscriberId}) desc`,
    asc(sql`lower(coalesce(${users.name}, ${users.email}, ${invitations.email}))`),
    asc(planUsers.id),
  ];
  // One statement. First the page: the matching places sorted and cut to one page, with the
  // total as a window over the matches; this reads only what the search and the order need.
  // Then, for those rows only, the member's role and status, the permissions and the
  // Remove-from-plan preview (P6, the removal's own conditions).
  const pageOfPlaces = db
    .select({ id: sql<string>`${planUsers.id}`.as("page_place_id"), total: sql<number>`count(*) over ()`.as("page_total") })
    .from(planUsers)
    .leftJoin(users, eq(users.id, planUsers.userId))
    .leftJoin(invitations, eq(invitations.id, planUsers.invitationId))
    .where(where)
    .orderBy(...order)
    .limit(PLAN_USERS_PAGE_SIZE)
    .offset((page - 1) * PLAN_USERS_PAGE_SIZE)
    .as("page_of_places");
  const preview = removalPreviewSql(plan.id, planUsers.userId);
  const rows = await placeFrom({
    total: sql<number>`${pageOfPlaces.total}`,
    granted: sql<string[]>`(
      select coalesce(json_agg(pup.key), '[]'::json) from ${planUserPermissions} pup where pup.plan_user_id = ${qualified(planUsers.id)})`,
    previewWorkflows: preview.workflows,
    previewToInbox: preview.toInbox,
    previewToOutbox: preview.toOutbox,
  })
    .innerJoin(pageOfPlaces, eq(pageOfPlaces.id, planUsers.id))
    .orderBy(...order);
  const total = Number(rows[0]?.total ?? 0);
  return {
    rows: rows.map(({ total: _total, granted, previewWorkflows, previewToInbox, previewToOutbox, ...row }) => ({
      ...describePlace(row),
      isSubscriber: row.userId === plan.subscriberId,
      granted,
      preview: row.userId
        ? { workflows: Number(previewWorkflows), toInbox: Number(previewToInbox), toOutbox: Number(previewToOutbox) }
        : null,
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / PLAN_USERS_PAGE_SIZE)),
    q,
  };
}

/** One place on a plan of the caller's organization (profile, permissions, workflows pages). */
export async function findPlanUser(ctx: MemberContext, planId: string, planUserId: string) {
  const [row] = await placeFrom().where(
    and(eq(planUsers.id, planUserId), eq(planUsers.planId, planId), eq(planUsers.orgId, ctx.org.id)),
  );
  if (!row) return null;
  const granted = (
    await db.select({ key: planUserPermissions.key }).from(planUserPermissions).where(eq(planUserPermissions.planUserId, row.planUserId))
  ).map((g) => g.key);
  return { ...describePlace(row), granted };
}

export const USER_WORKFLOWS_PAGE_SIZE = 25;

/** "See workflows for this user" (P4): one plan user's workflows in the plan, with task counts. */
export async function listUserWorkflows(ctx: MemberContext, planId: string, userId: string, options: { page?: number } = {}) {
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const where = and(eq(workflows.planId, planId), eq(workflows.orgId, ctx.org.id), eq(workflows.ownerId, userId));
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: workflows.id,
        title: workflows.title,
        createdAt: workflows.createdAt,
        openTasks: sql<number>`count(${tasks.id}) filter (where ${tasks.state} = 'open')`.mapWith(Number),
        doneTasks: sql<number>`count(${tasks.id}) filter (where ${tasks.state} = 'done')`.mapWith(Number),
      })
      .from(workflows)
      .leftJoin(tasks, eq(tasks.workflowId, workflows.id))
      .where(where)
      .groupBy(workflows.id)
      .orderBy(sql`${workflows.createdAt} desc`, asc(workflows.id))
      .limit(USER_WORKFLOWS_PAGE_SIZE)
      .offset((page - 1) * USER_WORKFLOWS_PAGE_SIZE),
    db.select({ total: count() }).from(workflows).where(where),
  ]);
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / USER_WORKFLOWS_PAGE_SIZE)) };
}
