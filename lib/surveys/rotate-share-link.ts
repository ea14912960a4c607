import "server-only";
import { eq } from "drizzle-orm";
import { surveys } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { AppError, forbidden } from "@/lib/errors";
import { lockActor } from "@/lib/members/actor";
import { canManageSurveyShareLink } from "@/lib/permissions";
import { transaction } from "@/lib/transaction";
import { lockSurvey } from "./lock-survey";
import { newShareToken, sealShareToken } from "./share-token";

/**
 * Creates the survey's share link, or replaces it: the old link stops working at once. The
 * SHA-256 of the new token finds the survey (docs/decisions/022); the token is kept sealed so those
 * who manage the survey can copy it again (docs/decisions/060). The owner, and Admins and
 * Managers on any survey.
 */
export async function rotateShareLink(ctx: MemberContext, surveyId: string): Promise<{ token: string; replaced: boolean }> {
  return transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    const survey = await lockSurvey(tx, actor.orgId, surveyId);
    if (!canManageSurveyShareLink(actor, survey.ownerId)) {
      throw forbidden("Only the survey's owner, a Manager or an Admin manages its share link.");
    }
    const { token, tokenHash } = newShareToken();
    await tx.update(surveys).set({ shareTokenHash: tokenHash, shareTokenSealed: sealShareToken(token, survey.id), shareLinkCreatedAt: new Date() }).where(eq(surveys.id, survey.id));
    const replaced = survey.shareTokenHash !== null;
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: replaced ? "survey.share_link_replaced" : "survey.share_link_created",
      subject: { type: "survey", id: survey.id },
      // Never the token: the audit log is readable by Admins, the link only by whom it is given.
      before: { shareLink: replaced ? "active" : "none", since: survey.shareLinkCreatedAt },
      after: { shareLink: "active", title: survey.title },
    });
    return { token, replaced };
  });
}

/** Turns the share link off: the link answers "not valid" until a new one is created. */
export async function disableShareLink(ctx: MemberContext, surveyId: string) {
  return transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    const survey = await lockSurvey(tx, actor.orgId, surveyId);
    if (!canManageSurveyShareLink(actor, survey.ownerId)) {
      throw forbidden("Only the survey's owner, a Manager or an Admin manages its share link.");
    }
    if (!survey.shareTokenHash) throw new AppError("CONFLICT", "This survey has no share link.");
    await tx.update(surveys).set({ shareTokenHash: null, shareTokenSealed: null, shareLinkCreatedAt: null }).where(eq(surveys.id, survey.id));
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: "survey.share_link_disabled",
      subject: { type: "survey", id: survey.id },
      before: { shareLink: "active", since: survey.shareLinkCreatedAt },
      after: { shareLink: "none", title: survey.title },
    });
  });
}
