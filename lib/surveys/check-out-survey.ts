import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { surveys } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { AppError, notFound } from "@/lib/errors";
import { lockOwnMembership } from "@/lib/members/actor";
import { transaction } from "@/lib/transaction";
import { checkoutHolderText } from "./lock-survey";

/**
 * SPEC S1 check-out: the caller becomes the one member who edits the survey until they check it
 * in. The claim is a conditional UPDATE (… WHERE checked_out_by_id IS NULL RETURNING), so of two
 * members asking at the same moment exactly one gets it, whatever else serializes them.
 */
export async function checkOutSurvey(ctx: MemberContext, surveyId: string): Promise<{ alreadyHeld: boolean }> {
  return transaction(async (tx) => {
    // Personal: no organization lock; the membership under FOR SHARE, then the survey row (docs/decisions/065).
    const actor = await lockOwnMembership(tx, ctx);
    const [claimed] = await tx
      .update(surveys)
      .set({ checkedOutById: actor.userId, checkedOutAt: new Date() })
      .where(and(eq(surveys.id, surveyId), eq(surveys.orgId, actor.orgId), isNull(surveys.checkedOutById)))
      .returning({ id: surveys.id, title: surveys.title });
    if (!claimed) {
      const [survey] = await tx
        .select({ checkedOutById: surveys.checkedOutById, checkedOutAt: surveys.checkedOutAt })
        .from(surveys)
        .where(and(eq(surveys.id, surveyId), eq(surveys.orgId, actor.orgId)));
      if (!survey) throw notFound("This survey");
      // A second click of one's own Check out is not an error.
      if (survey.checkedOutById === actor.userId) return { alreadyHeld: true };
      throw new AppError(
        "CONFLICT",
        `${await checkoutHolderText(tx, survey)}. Only they can edit it until it is checked in.`,
      );
    }
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: "survey.checked_out",
      subject: { type: "survey", id: claimed.id },
      before: { checkedOutById: null },
      after: { checkedOutById: actor.userId, title: claimed.title },
    });
    return { alreadyHeld: false };
  });
}
