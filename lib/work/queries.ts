import "server-only";
import { and, asc, count, desc, eq, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import { planUsers, plans, products, tasks, users, workflows } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { canSeeWorkflowsOf } from "@/lib/permissions";
import type { PlanArea } from "./plan-access";

export const AREA_PAGE_SIZE = 25;

const owner = alias(users, "owner");
const sender = alias(users, "sender");
const assignee = alias(users, "assignee");

function pageOf(total: number, page: number) {
  return { total, page, pageCount: Math.max(1, Math.ceil(total / AREA_PAGE_SIZE)) };
}

/** Whose workflows the caller sees in this product area (§6 with P5's "view all"). */
function visibleWorkflows(area: PlanArea, ownerId?: string): SQL {
  const all = area.can("workflows.view_all");
  return and(
    eq(workflows.planId, area.plan.id),
    eq(workflows.orgId, area.plan.orgId),
    all ? (ownerId ? eq(workflows.ownerId, ownerId) : undefined) : eq(workflows.ownerId, area.me.userId),
  )!;
}

/** The product area's workflows: the caller's own, or everyone's with "view all", paginated. */
export async function listWorkflows(area: PlanArea, options: { ownerId?: string; page?: number } = {}) {
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const where = visibleWorkflows(area, options.ownerId);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: workflows.id,
        title: workflows.title,
        createdAt: workflows.createdAt,
        ownerId: workflows.ownerId,
        ownerName: sql<string>`coalesce(${owner.name}, ${owner.email})`,
        openTasks: sql<number>`count(${tasks.id}) filter (where ${tasks.state} = 'open')`.mapWith(Number),
        doneTasks: sql<number>`count(${tasks.id}) filter (where ${tasks.state} = 'done')`.mapWith(Number),
      })
      .from(workflows)
      .innerJoin(owner, eq(owner.id, workflows.ownerId))
      .leftJoin(tasks, eq(tasks.workflowId, workflows.id))
      .where(where)
      .groupBy(workflows.id, owner.id)
      .orderBy(desc(workflows.createdAt), asc(workflows.id))
      .limit(AREA_PAGE_SIZE)
      .offset((page - 1) * AREA_PAGE_SIZE),
    db.select({ total: count() }).from(workflows).where(where),
  ]);
  return { rows, ...pageOf(total, page) };
}

export type TaskBox = "inbox" | "outbox" | "done";

const taskColumns = {
  id: tasks.id,
  title: tasks.title,
  state: tasks.state,
  createdAt: tasks.createdAt,
  doneAt: tasks.doneAt,
  workflowId: tasks.workflowId,
  workflowTitle: workflows.title,
  workflowOwnerId: workflows.ownerId,
  senderId: tasks.senderId,
  senderName: sql<string>`coalesce(${sender.name}, ${sender.email})`,
  assigneeId: tasks.assigneeId,
  assigneeName: sql<string>`coalesce(${assignee.name}, ${assignee.email})`,
};

function taskQuery() {
  return db
    .select(taskColumns)
    .from(tasks)
    .innerJoin(sender, eq(sender.id, tasks.senderId))
    .innerJoin(assignee, eq(assignee.id, tasks.assigneeId))
    .leftJoin(workflows, eq(workflows.id, tasks.workflowId));
}

function boxWhere(area: PlanArea, box: TaskBox): SQL {
  const me = area.me.userId;
  const inPlan = eq(tasks.planId, area.plan.id);
  if (box === "inbox") return and(inPlan, eq(tasks.assigneeId, me), eq(tasks.state, "open"))!;
  if (box === "outbox") return and(inPlan, eq(tasks.senderId, me), eq(tasks.state, "open"))!;
  return and(inPlan, or(eq(tasks.assigneeId, me), eq(tasks.senderId, me)), eq(tasks.state, "done"))!;
}

/** §6: the caller's Inbox (open tasks assigned to them), Outbox (open tasks they sent) or done tasks in this plan. */
export async function listTasks(area: PlanArea, box: TaskBox, options: { page?: number } = {}) {
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const where = boxWhere(area, box);
  const [rows, [{ total }]] = await Promise.all([
    taskQuery()
      .where(where)
      .orderBy(box === "done" ? desc(tasks.doneAt) : desc(tasks.createdAt), asc(tasks.id))
      .limit(AREA_PAGE_SIZE)
      .offset((page - 1) * AREA_PAGE_SIZE),
    db.select({ total: count() }).from(tasks).where(where),
  ]);
  return {
    rows: rows.map((row) => ({ ...row, canOpenWorkflow: row.workflowOwnerId !== null && canSeeWorkflowsOf(area.me, area.plan.subscriberId, row.workflowOwnerId) })),
    ...pageOf(total, page),
  };
}

/** The counts on the Inbox and Outbox tabs: one statement. */
export async function countBoxes(area: PlanArea) {
  const me = area.me.userId;
  const [row] = await db
    .select({
      inbox: sql<number>`count(*) filter (where ${tasks.assigneeId} = ${me} and ${tasks.state} = 'open')`.mapWith(Number),
      outbox: sql<number>`count(*) filter (where ${tasks.senderId} = ${me} and ${tasks.state} = 'open')`.mapWith(Number),
    })
    .from(tasks)
    .where(and(eq(tasks.planId, area.plan.id), or(eq(tasks.assigneeId, me), eq(tasks.senderId, me))));
  return row ?? { inbox: 0, outbox: 0 };
}

/** One workflow the caller can see (§6, P5), with its tasks paginated; another is not found (null). */
export async function loadWorkflow(area: PlanArea, workflowId: string, options: { page?: number } = {}) {
  const [workflow] = await db
    .select({ id: workflows.id, title: workflows.title, ownerId: workflows.ownerId, createdAt: workflows.createdAt, ownerName: sql<string>`coalesce(${owner.name}, ${owner.email})` })
    .from(workflows)
    .innerJoin(owner, eq(owner.id, workflows.ownerId))
    .where(and(eq(workflows.id, workflowId), eq(workflows.planId, area.plan.id)));
  if (!workflow || !canSeeWorkflowsOf(area.me, area.plan.subscriberId, workflow.ownerId)) return null;
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const where = eq(tasks.workflowId, workflow.id);
  const [rows, [{ total }]] = await Promise.all([
    taskQuery()
      .where(where)
      .orderBy(sql`${tasks.state} = 'done'`, desc(tasks.createdAt), asc(tasks.id))
      .limit(AREA_PAGE_SIZE)
      .offset((page - 1) * AREA_PAGE_SIZE),
    db.select({ total: count() }).from(tasks).where(where),
  ]);
  return { workflow, tasks: { rows, ...pageOf(total, page) } };
}

/**
 * The Inbox page's task summary (§6, N1): for each plan of this organization that the caller is
 * on, how many open tasks are assigned to them and how many they sent. One grouped statement.
 */
export async function taskSummary(ctx: MemberContext) {
  const me = ctx.user.id;
  return db
    .select({
      planId: plans.id,
      productName: products.name,
      inbox: sql<number>`count(${tasks.id}) filter (where ${tasks.assigneeId} = ${me})`.mapWith(Number),
      outbox: sql<number>`count(${tasks.id}) filter (where ${tasks.senderId} = ${me})`.mapWith(Number),
    })
    .from(planUsers)
    .innerJoin(plans, eq(plans.id, planUsers.planId))
    .innerJoin(products, eq(products.id, plans.productId))
    .leftJoin(tasks, and(eq(tasks.planId, plans.id), eq(tasks.state, "open"), or(eq(tasks.assigneeId, me), eq(tasks.senderId, me))))
    .where(and(eq(planUsers.userId, me), eq(plans.orgId, ctx.org.id)))
    .groupBy(plans.id, products.name, products.sortOrder)
    .orderBy(asc(products.sortOrder));
}
