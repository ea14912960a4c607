import "server-only";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { surveyResponses, surveys } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { lockActor } from "@/lib/members/actor";
import { canMergeSurveys } from "@/lib/permissions";
import { transaction } from "@/lib/transaction";
import { checkoutHolderText } from "./lock-survey";
import { planMerge } from "./merge-plan";
import { openShareToken, sealShareToken, shareLinkAfterMerge } from "./share-token";
import { newQuestionId } from "./update-survey";

/** A sealed share token moved to another survey: opened with the old id, sealed with the new. */
function reseal(sealed: string, fromId: string, toId: string): string | null {
  const token = openShareToken(sealed, fromId);
  return token ? sealShareToken(token, toId) : null;
}

/**
 * SPEC S2 merge: move every response of `sourceId` into `targetId` and delete the source, in one
 * transaction — a failure at any step leaves both surveys whole. Admins and Managers on any two
 * surveys, Users only when they own both; refused while either is checked out by someone else.
 * Lock order: the organization (lockActor), then both surveys by id, as on every path.
 * The source's questions join the target's (planMerge), so no answer loses its question.
 */
export async function mergeSurveys(ctx: MemberContext, sourceId: string, targetId: string) {
  if (sourceId === targetId) {
    throw new AppError("VALIDATION", "Choose another survey to merge into.", { fieldErrors: { targetId: ["Choose another survey to merge into."] } });
  }
  return transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    const locked = await tx
      .select()
      .from(surveys)
      .where(and(eq(surveys.orgId, actor.orgId), inArray(surveys.id, [sourceId, targetId])))
      .orderBy(asc(surveys.id))
      .for("update");
    const source = locked.find((s) => s.id === sourceId);
    const target = locked.find((s) => s.id === targetId);
    if (!source || !target) throw notFound("This survey");
    if (!canMergeSurveys(actor, source.ownerId, target.ownerId)) {
      throw forbidden("Users merge only surveys they own, both of them.");
    }
    for (const survey of [source, target]) {
      if (survey.checkedOutById && survey.checkedOutById !== actor.userId) {
        throw new AppError("CONFLICT", `"${survey.title}" cannot be merged now: ${await checkoutHolderText(tx, survey)}. It must be checked in first.`);
      }
    }

    const plan = planMerge(source.questions, target.questions, newQuestionId);
    const [{ n: moving }] = await tx.select({ n: count() }).from(surveyResponses).where(eq(surveyResponses.surveyId, source.id));
    // Answer keys move to the target's ids; a stray key (an answer to a question since removed)
    // that would collide with a target question is kept under a suffixed key instead.
    const kept = source.questions.filter((q) => !(q.id in plan.rename)).map((q) => q.id);
    const taken = plan.targetIds.filter((id) => !kept.includes(id));
    const suffix = `~${source.id.slice(0, 8)}`;
    await tx.execute(sql`
      update ${surveyResponses}
      set survey_id = ${target.id},
          answers = (
            select coalesce(jsonb_object_agg(
              coalesce(m.value, case when e.key in (select jsonb_array_elements_text(${JSON.stringify(taken)}::jsonb))
                                     then e.key || ${suffix} else e.key end),
              e.value), '{}'::jsonb)
            from jsonb_each(${surveyResponses.answers}) e
            left join jsonb_each_text(${JSON.stringify(plan.rename)}::jsonb) m on m.key = e.key
          )
      where ${surveyResponses.surveyId} = ${source.id}`);
    // #14.10: the source's share link carries over when the target has none (re-sealed for the
    // target, whose id the seal is bound to); otherwise it ends with the source.
    const shareLink = shareLinkAfterMerge({ hasShareLink: !!source.shareTokenHash }, { hasShareLink: !!target.shareTokenHash });
    const carried =
      shareLink === "carried"
        ? {
            shareTokenHash: source.shareTokenHash,
            shareTokenSealed: source.shareTokenSealed ? reseal(source.shareTokenSealed, source.id, target.id) : null,
            shareLinkCreatedAt: source.shareLinkCreatedAt,
          }
        : {};
    // The source goes first: the hash is unique, and it moves to the target.
    await tx.delete(surveys).where(eq(surveys.id, source.id));
    await tx
      .update(surveys)
      .set({ questions: [...target.questions, ...plan.added], updatedAt: new Date(), ...carried })
      .where(eq(surveys.id, target.id));
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: "survey.merged",
      subject: { type: "survey", id: target.id },
      before: {
        source: { id: source.id, title: source.title, ownerId: source.ownerId, responses: moving, questions: source.questions.length },
        target: { id: target.id, title: target.title, ownerId: target.ownerId, questions: target.questions.length },
      },
      after: { responsesMoved: moving, questionsAdded: plan.added.map((q) => q.text), sourceDeleted: true, sourceShareLink: shareLink },
    });
    return { targetId: target.id, targetTitle: target.title, sourceTitle: source.title, moved: moving, questionsAdded: plan.added.length, shareLink };
  });
}
