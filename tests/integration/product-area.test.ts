import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { planUserPermissions, planUsers, tasks, workflows } from "@/db/schema";
import { isAppError } from "@/lib/errors";
import { removePlanUser } from "@/lib/plans/remove-plan-user";
import { completeTask } from "@/lib/work/complete-task";
import { createWorkflow } from "@/lib/work/create-workflow";
import { requirePlanUser } from "@/lib/work/plan-access";
import { listTasks, listWorkflows, loadWorkflow } from "@/lib/work/queries";
import { sendTask } from "@/lib/work/send-task";
import { setupTestDatabase } from "../support/db";
import { addToPlan, planWorld } from "../support/plans";
import { expectNoChange } from "../support/state";

/**
 * SPEC §6 with P5: the product area opens only to the plan's users, and each permission of the
 * product gates a real capability, checked on the server: workflows.view_all (see everyone's
 * workflows), workflows.create (start a workflow), tasks.send (send a task). The subscriber
 * always holds all of them.
 */
const t = setupTestDatabase();
const baseUrl = "http://localhost:3000";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

/** PDoc Share: the Admin subscribes; "bare" is on it with no permission; "full" holds all three. */
async function areaWorld() {
  const w = await planWorld(t.db);
  const bare = await addToPlan(t.db, w.plan, w.user.id, []);
  const full = await addToPlan(t.db, w.plan, w.user2.id, ["workflows.view_all", "workflows.create", "tasks.send"]);
  const [adminFlow] = await t.db.insert(workflows).values({ planId: w.plan.id, orgId: w.org.id, ownerId: w.admin.id, title: "Admin's" }).returning();
  const [bareFlow] = await t.db.insert(workflows).values({ planId: w.plan.id, orgId: w.org.id, ownerId: w.user.id, title: "Bare's" }).returning();
  const area = (userId: string) => requirePlanUser(t.db, w.org.id, userId, w.plan.id);
  return { ...w, bare, full, adminFlow, bareFlow, area };
}

async function grant(placeId: string, productId: string, keys: string[]) {
  await t.db.delete(planUserPermissions).where(eq(planUserPermissions.planUserId, placeId));
  if (keys.length) await t.db.insert(planUserPermissions).values(keys.map((key) => ({ planUserId: placeId, productId, key })));
}

describe("§6 the product area opens only to the plan's users", () => {
  it("§6: a member not on the plan, and another organization's member, get NOT_FOUND; a plan user gets in", async () => {
    const w = await areaWorld();
    expect(await codeOf(w.area(w.user.id))).toBe("ok");
    const outsider = await requirePlanUser(t.db, w.org.id, w.admin.id, w.otherPlan.id).catch((e) => e);
    expect(outsider.code).toBe("NOT_FOUND");
    await t.db.delete(planUsers).where(eq(planUsers.id, w.bare.id));
    expect(await codeOf(w.area(w.user.id))).toBe("NOT_FOUND");
  });

  it("§6/P6: a removed user loses the area at their next request — reading and acting both answer NOT_FOUND", async () => {
    const w = await areaWorld();
    await removePlanUser(w.ctx.admin, w.plan.id, w.full.id, { baseUrl });
    expect(await codeOf(w.area(w.user2.id))).toBe("NOT_FOUND");
    expect(await expectNoChange(t.db, () => codeOf(createWorkflow(w.ctx.user2, w.plan.id, "after removal")))).toBe("NOT_FOUND");
  });
});

describe("P5 workflows.view_all: see every plan user's workflows", () => {
  it("P5: without it a plan user sees only their own workflows, and another's workflow is not found", async () => {
    const w = await areaWorld();
    const area = await w.area(w.user.id);
    expect((await listWorkflows(area)).rows.map((r) => r.title)).toEqual(["Bare's"]);
    expect(await loadWorkflow(area, w.adminFlow.id)).toBeNull();
    expect(await loadWorkflow(area, w.bareFlow.id)).not.toBeNull();
  });

  it("P5: with it they see everyone's, and can filter by owner; the subscriber always sees all", async () => {
    const w = await areaWorld();
    const full = await w.area(w.user2.id);
    expect((await listWorkflows(full)).rows.map((r) => r.title).sort()).toEqual(["Admin's", "Bare's"]);
    expect((await listWorkflows(full, { ownerId: w.user.id })).rows.map((r) => r.title)).toEqual(["Bare's"]);
    const sub = await w.area(w.admin.id);
    expect((await listWorkflows(sub)).rows).toHaveLength(2);
    expect(await loadWorkflow(full, w.adminFlow.id)).not.toBeNull();
  });
});

describe("P5 workflows.create: start a workflow", () => {
  it("P5: without it, FORBIDDEN and nothing written; with it, the workflow is theirs", async () => {
    const w = await areaWorld();
    expect(await expectNoChange(t.db, () => codeOf(createWorkflow(w.ctx.user, w.plan.id, "Not allowed")))).toBe("FORBIDDEN");
    const { workflowId } = await createWorkflow(w.ctx.user2, w.plan.id, "Allowed");
    const [row] = await t.db.select().from(workflows).where(eq(workflows.id, workflowId));
    expect(row).toMatchObject({ ownerId: w.user2.id, planId: w.plan.id });
    await grant(w.bare.id, w.plan.productId, ["workflows.create"]);
    expect(await codeOf(createWorkflow(w.ctx.user, w.plan.id, "Now allowed"))).toBe("ok");
  });
});

describe("P5 tasks.send: send a task to a plan user", () => {
  it("P5: without it, FORBIDDEN; with it, only in a workflow they can see, only to a user of the plan", async () => {
    const w = await areaWorld();
    const send = (ctx: typeof w.ctx.user, workflowId: string, assigneeId: string) =>
      codeOf(sendTask(ctx, { planId: w.plan.id, workflowId, assigneeId, title: "Do it" }));
    expect(await expectNoChange(t.db, () => send(w.ctx.user, w.bareFlow.id, w.admin.id))).toBe("FORBIDDEN");
    await grant(w.bare.id, w.plan.productId, ["tasks.send"]);
    // The Admin's workflow is invisible without view_all: not found.
    expect(await expectNoChange(t.db, () => send(w.ctx.user, w.adminFlow.id, w.admin.id))).toBe("NOT_FOUND");
    // Someone who is not on the plan, or of another organization: not found.
    expect(await expectNoChange(t.db, () => send(w.ctx.user, w.bareFlow.id, w.otherAdmin.id))).toBe("NOT_FOUND");
    const notOnPlan = w.manager;
    await t.db.delete(planUsers).where(and(eq(planUsers.planId, w.plan.id), eq(planUsers.userId, notOnPlan.id)));
    expect(await expectNoChange(t.db, () => send(w.ctx.user, w.bareFlow.id, notOnPlan.id))).toBe("NOT_FOUND");
    expect(await send(w.ctx.user, w.bareFlow.id, w.admin.id)).toBe("ok");
    const sub = await w.area(w.admin.id);
    expect((await listTasks(sub, "inbox")).rows.map((r) => r.title)).toEqual(["Do it"]);
    const bare = await w.area(w.user.id);
    expect((await listTasks(bare, "outbox")).rows.map((r) => r.title)).toEqual(["Do it"]);
  });
});

describe("§6 mark a task done", () => {
  it("§6: the assignee (or the sender) marks it done; it leaves the Inbox and Outbox; anyone else is FORBIDDEN; twice is CONFLICT", async () => {
    const w = await areaWorld();
    const [task] = await t.db
      .insert(tasks)
      .values({ planId: w.plan.id, orgId: w.org.id, workflowId: w.adminFlow.id, senderId: w.admin.id, assigneeId: w.user.id, title: "Finish" })
      .returning();
    expect(await expectNoChange(t.db, () => codeOf(completeTask(w.ctx.user2, w.plan.id, task.id)))).toBe("FORBIDDEN");
    expect(await expectNoChange(t.db, () => codeOf(completeTask(w.ctx.otherAdmin, w.otherPlan.id, task.id)))).toBe("NOT_FOUND");
    await completeTask(w.ctx.user, w.plan.id, task.id);
    const [row] = await t.db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(row).toMatchObject({ state: "done", doneById: w.user.id });
    expect((await listTasks(await w.area(w.user.id), "inbox")).rows).toEqual([]);
    expect((await listTasks(await w.area(w.user.id), "done")).rows.map((r) => r.id)).toEqual([task.id]);
    expect(await expectNoChange(t.db, () => codeOf(completeTask(w.ctx.admin, w.plan.id, task.id)))).toBe("CONFLICT");
  });
});
