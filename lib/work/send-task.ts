import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { planUsers, tasks, users, workflows } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { lockActor } from "@/lib/members/actor";
import { canSeeWorkflowsOf } from "@/lib/permissions";
import { lockPlan } from "@/lib/plans/plan-seats";
import { transaction } from "@/lib/transaction";
import { requirePlanUser } from "./plan-access";

/**
 * SPEC §6 with P5: a plan user with "tasks.send" sends a task, inside a workflow they can see, to
 * a user of the same plan. A workflow they cannot see, and anyone who is not on the plan, are not
 * found (another organization's ids too).
 */
export async function sendTask(ctx: MemberContext, input: { planId: string; workflowId: string; assigneeId: string; title: string }) {
  return transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    await lockPlan(tx, actor.orgId, input.planId);
    const area = await requirePlanUser(tx, actor.orgId, actor.userId, input.planId);
    if (!area.can("tasks.send")) throw forbidden(`Your permissions on ${area.plan.productName} do not include sending tasks.`);
    const [workflow] = await tx
      .select({ id: workflows.id, ownerId: workflows.ownerId, title: workflows.title })
      .from(workflows)
      .where(and(eq(workflows.id, input.workflowId), eq(workflows.planId, area.plan.id)));
    if (!workflow || !canSeeWorkflowsOf(area.me, area.plan.subscriberId, workflow.ownerId)) throw notFound("This workflow");
    const [assignee] = await tx
      .select({ id: users.id, email: users.email })
      .from(planUsers)
      .innerJoin(users, eq(users.id, planUsers.userId))
      .where(and(eq(planUsers.planId, area.plan.id), eq(planUsers.userId, input.assigneeId), isNotNull(planUsers.userId)));
    if (!assignee) {
      throw new AppError("NOT_FOUND", "That person is not a user of this plan.", {
        fieldErrors: { assigneeId: ["Choose a user of this plan."] },
      });
    }
    const [task] = await tx
      .insert(tasks)
      .values({
        planId: area.plan.id,
        orgId: actor.orgId,
        workflowId: workflow.id,
        senderId: actor.userId,
        assigneeId: assignee.id,
        title: input.title,
      })
      .returning({ id: tasks.id });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: "task.sent",
      target: { id: assignee.id, email: assignee.email },
      subject: { type: "task", id: task.id },
      after: { planId: area.plan.id, workflowId: workflow.id, title: input.title, state: "open" },
    });
    return { taskId: task.id };
  });
}
