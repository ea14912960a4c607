import "server-only";
import { and, eq } from "drizzle-orm";
import { tasks } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { lockOwnMembership } from "@/lib/members/actor";
import { canCompleteTask } from "@/lib/permissions";
import { transaction } from "@/lib/transaction";
import { requirePlanUser } from "./plan-access";

/** SPEC §6: the assignee (or the sender) marks an open task done; it leaves the Inbox and Outbox. */
export async function completeTask(ctx: MemberContext, planId: string, taskId: string) {
  return transaction(async (tx) => {
    // Personal: no organization or plan lock; membership, then one's place, then the task, each
    // under the lightest lock that still sees a suspension or removal a moment ago (R8, P6;
    // docs/decisions/065).
    const actor = await lockOwnMembership(tx, ctx);
    const area = await requirePlanUser(tx, actor.orgId, actor.userId, planId, { lockPlace: true });
    const [task] = await tx
      .select()
      .from(tasks)
      .where(and(eq(tasks.id, taskId), eq(tasks.planId, area.plan.id)))
      .for("update");
    if (!task) throw notFound("This task");
    if (!canCompleteTask(actor.userId, task)) throw forbidden("Only the task's assignee or its sender marks it done.");
    const now = new Date();
    const done = await tx
      .update(tasks)
      .set({ state: "done", doneAt: now, doneById: actor.userId, updatedAt: now })
      .where(and(eq(tasks.id, task.id), eq(tasks.state, "open")))
      .returning({ id: tasks.id });
    if (!done.length) throw new AppError("CONFLICT", "This task is already done.");
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: "task.done",
      subject: { type: "task", id: task.id },
      before: { state: "open" },
      after: { state: "done" },
    });
    return { title: task.title };
  });
}
