import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { surveys } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { AppError, forbidden } from "@/lib/errors";
import { lockOwnMembership } from "@/lib/members/actor";
import { canEditSurvey } from "@/lib/permissions";
import { transaction } from "@/lib/transaction";
import { checkoutHolderText, lockSurvey } from "./lock-survey";
import { normalizeQuestions, type UpdateSurveyInput } from "./schemas";

export function newQuestionId(): string {
  return `q_${randomBytes(6).toString("base64url")}`;
}

/**
 * SPEC S1 edit: title, description and questions, by the member who has the survey checked out
 * and nobody else — the check is made under the survey's row lock, so a check-in or force
 * check-in a moment earlier wins. Existing question ids are kept (their answers stay attached).
 * With `intent: "check-in"` the same transaction then releases the check-out (#14.1: Check in
 * never throws unsaved edits away); a refused save checks nothing in.
 */
export async function updateSurvey(ctx: MemberContext, input: UpdateSurveyInput) {
  return transaction(async (tx) => {
    // Personal: no organization lock; the membership under FOR SHARE, then the survey row (docs/decisions/065).
    const actor = await lockOwnMembership(tx, ctx);
    const survey = await lockSurvey(tx, actor.orgId, input.surveyId);
    if (!canEditSurvey(actor, survey.checkedOutById)) {
      const holder = await checkoutHolderText(tx, survey);
      throw forbidden(
        holder
          ? `${holder}: only they can edit it until it is checked in. Your changes were not saved.`
          : "Check out this survey before editing it. Your changes were not saved.",
      );
    }
    const { questions, fieldErrors } = normalizeQuestions(input, survey.questions, newQuestionId);
    if (Object.keys(fieldErrors).length) {
      throw new AppError("VALIDATION", "Please correct the highlighted questions.", { fieldErrors });
    }
    const before = { title: survey.title, description: survey.description, questions: survey.questions };
    const after = { title: input.title, description: input.description, questions };
    const plain = (v: typeof before) => JSON.stringify({ ...v, questions: v.questions.map((q) => [q.id, q.text, !!q.required]) });
    const checkIn = input.intent === "check-in";
    const changed = plain(before) !== plain(after);
    if (changed) {
      await tx.update(surveys).set({ ...after, updatedAt: new Date() }).where(eq(surveys.id, survey.id));
      await recordAudit(tx, {
        orgId: actor.orgId,
        actor: { id: actor.userId, email: actor.email },
        action: "survey.updated",
        subject: { type: "survey", id: survey.id },
        before,
        after,
      });
    }
    if (checkIn) {
      await tx.update(surveys).set({ checkedOutById: null, checkedOutAt: null }).where(eq(surveys.id, survey.id));
      await recordAudit(tx, {
        orgId: actor.orgId,
        actor: { id: actor.userId, email: actor.email },
        action: "survey.checked_in",
        subject: { type: "survey", id: survey.id },
        before: { checkedOutById: actor.userId },
        after: { checkedOutById: null, title: input.title },
      });
    }
    return { changed, checkedIn: checkIn, questions: changed ? questions : survey.questions };
  });
}
