import "server-only";
import { surveys } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { lockActor } from "@/lib/members/actor";
import { transaction } from "@/lib/transaction";

/**
 * SPEC S1: any member creates a survey and becomes its owner. It starts checked out to them, so
 * they can add its questions at once; they check it in when done (docs/decisions/020).
 */
export async function createSurvey(ctx: MemberContext, input: { title: string; description: string }) {
  return transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    const now = new Date();
    const [survey] = await tx
      .insert(surveys)
      .values({
        orgId: actor.orgId,
        ownerId: actor.userId,
        title: input.title,
        description: input.description,
        questions: [],
        checkedOutById: actor.userId,
        checkedOutAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: surveys.id });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: "survey.created",
      subject: { type: "survey", id: survey.id },
      after: { title: input.title, ownerId: actor.userId, checkedOutById: actor.userId },
    });
    return survey;
  });
}
