import "server-only";
import { eq } from "drizzle-orm";
import { surveys, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { AppError, forbidden } from "@/lib/errors";
import { lockActor } from "@/lib/members/actor";
import { canForceCheckIn } from "@/lib/permissions";
import { transaction } from "@/lib/transaction";
import { lockSurvey } from "./lock-survey";

/**
 * SPEC S2 force check-in: release another member's check-out (one left behind when its holder
 * went away). Admins and Managers on any survey, Users on surveys they own. `expectedHolderId` is
 * the holder the page showed: if the survey changed hands since, nothing happens and the caller
 * is told, so a fresh check-out is never released by a stale page.
 */
export async function forceCheckInSurvey(ctx: MemberContext, surveyId: string, expectedHolderId?: string) {
  return transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    const survey = await lockSurvey(tx, actor.orgId, surveyId);
    if (!canForceCheckIn(actor, survey.ownerId)) {
      throw forbidden("Users force check-in only the surveys they own. Ask the owner, a Manager or an Admin.");
    }
    if (!survey.checkedOutById) throw new AppError("CONFLICT", "This survey is already checked in.");
    if (expectedHolderId && survey.checkedOutById !== expectedHolderId) {
      throw new AppError("CONFLICT", "Someone else checked this survey out since the page was loaded. Reload it and try again.");
    }
    await tx.update(surveys).set({ checkedOutById: null, checkedOutAt: null }).where(eq(surveys.id, survey.id));
    const [holder] = await tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, survey.checkedOutById));
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: "survey.force_checked_in",
      target: holder ?? null,
      subject: { type: "survey", id: survey.id },
      before: { checkedOutById: survey.checkedOutById, checkedOutAt: survey.checkedOutAt },
      after: { checkedOutById: null, title: survey.title },
    });
    return { releasedUserId: survey.checkedOutById };
  });
}
