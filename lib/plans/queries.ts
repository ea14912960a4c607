import "server-only";
import { and, asc, count, eq, ilike, inArray, or, sql } from "drizzle-orm";
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
import { effectiveTransferState } from "@/lib/transfers/transfer-state";
import { planSeatCounts, toPlanSeatUsage } from "./plan-seats";
import { removalPreview } from "./remove-plan-user";

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

/** The live (pending, not expired) transfer of each plan, with its recipient. One query. */
async function liveTransfers(planIds: string[]) {
  const result = new Map<string, { id: string; toName: string; expiresAt: Date }>();
  if (!planIds.length) return result;
  const recipient = alias(users, "recipient");
  const rows = await db
    .select({
      id: ownershipTransfers.id,
      planId: ownershipTransfers.planId,
      state: ownershipTransfers.state,
      expiresAt: ownershipTransfers.expiresAt,
      toName: recipient.name,
      toEmail: recipient.email,
      invitedEmail: invitations.email,
    })
    .from(ownershipTransfers)
    .leftJoin(recipient, eq(recipient.id, ownershipTransfers.toUserId))
    .leftJoin(invitations, eq(invitations.id, ownershipTransfers.toInvitationId))
    .where(and(inArray(ownershipTransfers.planId, planIds), eq(ownershipTransfers.state, "pending")));
  for (const row of rows) {
    if (effectiveTransferState(row) !== "pending") continue;
    result.set(row.planId, { id: row.id, toName: row.toName ?? row.toEmail ?? `${row.invitedEmail} (invited)`, expiresAt: row.expiresAt });
  }
  return result;
}

/** Plans with their seat usage and live transfer: a fixed number of queries for any number of plans. */
async function withUsage<T extends { id: string; userMode: "several" | "unlimited" | "single"; seats: number | null }>(rows: T[]) {
  const ids = rows.map((r) => r.id);
  const [counts, transfers] = await Promise.all([planSeatCounts(db, ids), liveTransfers(ids)]);
  return rows.map((row) => ({ ...row, usage: toPlanSeatUsage(row, counts.get(row.id)), liveTransfer: transfers.get(row.id) ?? null }));
}

/**
 * SPEC P2: the plans the signed-in user subscribes to or uses, in this organization, each with its
 * seat meter (plan users + pending plan invitations, of its seats) and live transfer.
 */
export async function listMySubscriptions(ctx: MemberContext) {
  const rows = await db
    .select(planColumns)
    .from(planUsers)
    .innerJoin(plans, eq(plans.id, planUsers.planId))
    .innerJoin(products, eq(products.id, plans.productId))
    .innerJoin(subscriber, eq(subscriber.id, plans.subscriberId))
    .where(and(eq(plans.orgId, ctx.org.id), eq(planUsers.userId, ctx.user.id)))
    .orderBy(asc(products.sortOrder));
  return (await withUsage(rows)).map((row) => ({ ...row, isSubscriber: row.subscriberId === ctx.user.id }));
}

/** Every plan of the organization (Products, Invite Teammate's plans to join), with seat usage. */
export async function listOrgPlans(ctx: MemberContext) {
  const rows = await db
    .select(planColumns)
    .from(plans)
    .innerJoin(products, eq(products.id, plans.productId))
    .innerJoin(subscriber, eq(subscriber.id, plans.subscriberId))
    .where(eq(plans.orgId, ctx.org.id))
    .orderBy(asc(products.sortOrder));
  return withUsage(rows);
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
  const rows = await db
    .select(planColumns)
    .from(plans)
    .innerJoin(products, eq(products.id, plans.productId))
    .innerJoin(subscriber, eq(subscriber.id, plans.subscriberId))
    .where(and(eq(plans.id, planId), eq(plans.orgId, ctx.org.id)));
  if (!rows.length) return null;
  const [plan] = await withUsage(rows);
  const perms = await db
    .select({ key: productPermissions.key, label: productPermissions.label, description: productPermissions.description })
    .from(productPermissions)
    .where(eq(productPermissions.productId, plan.productId))
    .orderBy(asc(productPermissions.sortOrder));
  return { ...plan, permissions: perms };
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

function placeFrom() {
  return db
    .select(placeColumns)
    .from(planUsers)
    .leftJoin(users, eq(users.id, planUsers.userId))
    .leftJoin(memberships, and(eq(memberships.orgId, planUsers.orgId), eq(memberships.userId, planUsers.userId)))
    .leftJoin(invitations, eq(invitations.id, planUsers.invitationId));
}

type PlaceRow = Awaited<ReturnType<ReturnType<typeof placeFrom>["execute"]>>[number];

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
  const [rows, [{ total }]] = await Promise.all([
    placeFrom()
      .where(where)
      .orderBy(
        sql`(${planUsers.userId} is not distinct from ${plan.subscriberId}) desc`,
        asc(sql`lower(coalesce(${users.name}, ${users.email}, ${invitations.email}))`),
        asc(planUsers.id),
      )
      .limit(PLAN_USERS_PAGE_SIZE)
      .offset((page - 1) * PLAN_USERS_PAGE_SIZE),
    db
      .select({ total: count() })
      .from(planUsers)
      .leftJoin(users, eq(users.id, planUsers.userId))
      .leftJoin(invitations, eq(invitations.id, planUsers.invitationId))
      .where(where),
  ]);
  const placeIds = rows.map((r) => r.planUserId);
  const userIds = rows.flatMap((r) => (r.userId ? [r.userId] : []));
  const [grants, previews] = await Promise.all([
    placeIds.length
      ? db
          .select({ planUserId: planUserPermissions.planUserId, key: planUserPermissions.key })
          .from(planUserPermissions)
          .where(inArray(planUserPermissions.planUserId, placeIds))
      : Promise.resolve([]),
    removalPreview(db, plan.id, userIds),
  ]);
  return {
    rows: rows.map((row) => ({
      ...describePlace(row),
      isSubscriber: row.userId === plan.subscriberId,
      granted: grants.filter((g) => g.planUserId === row.planUserId).map((g) => g.key),
      preview: row.userId ? (previews.get(row.userId) ?? null) : null,
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
