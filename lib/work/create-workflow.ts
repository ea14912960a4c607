import "server-only";
import { workflows } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { forbidden } from "@/lib/errors";
import { lockActor } from "@/lib/members/actor";
import { lockPlan } from "@/lib/plans/plan-seats";
import { transaction } from "@/lib/transaction";
import { requirePlanUser } from "./plan-access";

/** SPEC §6 with P5: a plan user with "workflows.create" starts a workflow of their own. */
export async function createWorkflow(ctx: MemberContext, planId: string, title: string) {
  return transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    await lockPlan(tx, actor.orgId, planId);
    const area = await requirePlanUser(tx, actor.orgId, actor.userId, planId);
    if (!area.can("workflows.create")) throw forbidden(`Your permissions on ${area.plan.productName} do not include starting workflows.`);
    const [workflow] = await tx
      .insert(workflows)
      .values({ planId: area.plan.id, orgId: actor.orgId, ownerId: actor.userId, title })
      .returning({ id: workflows.id });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: "workflow.created",
      subject: { type: "workflow", id: workflow.id },
      after: { planId: area.plan.id, title },
    });
    return { workflowId: workflow.id };
  });
}
