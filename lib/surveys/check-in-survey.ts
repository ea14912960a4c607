import "server-only";
import { and, eq } from "drizzle-orm";
import { surveys } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { AppError, notFound } from "@/lib/errors";
import { lockOwnMembership } from "@/lib/members/actor";
import { transaction } from "@/lib/transaction";
import { checkoutHolderText } from "./lock-survey";

/**
 * SPEC S1 check-in: the member holding the check-out releases it. Releasing someone else's is
 * Force check-in (S2, force-check-in-survey.ts), never this.
 */
export async function checkInSurvey(ctx: MemberContext, surveyId: string) {
  return transaction(async (tx) => {
    // Personal: no organization lock; the membership under FOR SHARE, then the survey row (docs/decisions/065).
    const actor = await lockOwnMembership(tx, ctx);
    const [released] = await tx
      .update(surveys)
      .set({ checkedOutById: null, checkedOutAt: null })
      .where(and(eq(surveys.id, surveyId), eq(surveys.orgId, actor.orgId), eq(surveys.checkedOutById, actor.userId)))
      .returning({ id: surveys.id, title: surveys.title });
    if (!released) {
      const [survey] = await tx
        .select({ checkedOutById: surveys.checkedOutById, checkedOutAt: surveys.checkedOutAt })
        .from(surveys)
        .where(and(eq(surveys.id, surveyId), eq(surveys.orgId, actor.orgId)));
      if (!survey) throw notFound("This survey");
      if (!survey.checkedOutById) throw new AppError("CONFLICT", "This survey is already checked in.");
      throw new AppError("CONFLICT", `${await checkoutHolderText(tx, survey)}. Only they check it in, or use Force check-in.`);
    }
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: "survey.checked_in",
      subject: { type: "survey", id: released.id },
      before: { checkedOutById: actor.userId },
      after: { checkedOutById: null, title: released.title },
    });
  });
}
