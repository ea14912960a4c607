import "server-only";
import { and, eq } from "drizzle-orm";
import { notifications, surveys } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { lockActor, targetMember } from "@/lib/members/actor";
import { transaction } from "@/lib/transaction";
import { canTransferSurvey } from "@/lib/permissions";

/**
 * SPEC S2 transfer: give a survey another owner, who is notified. Admins and Managers on any
 * survey, Users on their own. The new owner must be a member of the same organization.
 */
export async function transferSurvey(ctx: MemberContext, surveyId: string, toUserId: string) {
  return transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    const [survey] = await tx
      .select()
      .from(surveys)
      .where(and(eq(surveys.id, surveyId), eq(surveys.orgId, actor.orgId)))
      .for("update");
    if (!survey) throw notFound("This survey");
    if (!canTransferSurvey(actor, survey.ownerId)) throw forbidden("Users transfer only the surveys they own.");
    const recipient = await targetMember(tx, actor.orgId, toUserId);
    if (recipient.userId === survey.ownerId) throw new AppError("CONFLICT", "That member already owns this survey.");
    if (recipient.status !== "active") throw new AppError("CONFLICT", "A suspended member cannot receive a survey.");
    await tx.update(surveys).set({ ownerId: recipient.userId, updatedAt: new Date() }).where(eq(surveys.id, survey.id));
    await tx.insert(notifications).values({
      userId: recipient.userId,
      orgId: actor.orgId,
      kind: "survey_transferred",
      title: `You now own the survey "${survey.title}"`,
      body: `${actor.name ?? actor.email} transferred it to you.`,
    });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: "survey.transferred",
      target: { id: recipient.userId, email: recipient.email },
      subject: { type: "survey", id: survey.id },
      before: { ownerId: survey.ownerId, title: survey.title },
      after: { ownerId: recipient.userId },
    });
  });
}
