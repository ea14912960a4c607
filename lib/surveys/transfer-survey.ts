import "server-only";
import { eq } from "drizzle-orm";
import { surveys } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { enqueueEmail, kickEmailSender } from "@/lib/email";
import { AppError, forbidden } from "@/lib/errors";
import { lockActor, targetMember } from "@/lib/members/actor";
import { canTransferSurvey } from "@/lib/permissions";
import { transaction } from "@/lib/transaction";
import { lockSurvey } from "./lock-survey";
import { writeNotifications } from "@/lib/notifications/write-notifications";
import { emitEvent } from "@/lib/webhooks/emit";

/**
 * SPEC S2 transfer: give a survey another owner, who is notified in the inbox (N1) and by email
 * (E1, written in the same transaction). Admins and Managers on any survey, Users on their own.
 * The new owner must be an active member of the same organization. A check-out is about editing,
 * not owning: it stays as it is.
 */
export async function transferSurvey(ctx: MemberContext, surveyId: string, toUserId: string, options: { baseUrl: string }) {
  await transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    // Membership before the survey row: the lock order every path keeps (organization →
    // membership → rows), so a recipient checking this survey out at the same moment (membership
    // FOR SHARE, then the survey) cannot deadlock with it (docs/decisions/065).
    const recipient = await targetMember(tx, actor.orgId, toUserId);
    const survey = await lockSurvey(tx, actor.orgId, surveyId);
    if (!canTransferSurvey(actor, survey.ownerId)) throw forbidden("Users transfer only the surveys they own.");
    if (recipient.userId === survey.ownerId) throw new AppError("CONFLICT", "That member already owns this survey.");
    if (recipient.status !== "active") throw new AppError("CONFLICT", "A suspended member cannot receive a survey.");
    await tx.update(surveys).set({ ownerId: recipient.userId, updatedAt: new Date() }).where(eq(surveys.id, survey.id));
    const by = actor.name ?? actor.email;
    await writeNotifications(tx, {
      userId: recipient.userId,
      orgId: actor.orgId,
      kind: "survey_transferred",
      title: `You now own the survey "${survey.title}"`,
      body: `${by} transferred it to you.`,
    });
    await enqueueEmail(tx, {
      to: recipient.email,
      template: "survey-transferred",
      props: {
        orgName: actor.orgName,
        transferredBy: by,
        surveyTitles: [survey.title],
        total: 1,
        url: `${options.baseUrl}/o/${actor.orgSlug}/surveys/${survey.id}`,
      },
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
    const data = { surveyId: survey.id, title: survey.title, fromUserId: survey.ownerId, toUserId: recipient.userId };
    await emitEvent(tx, { orgId: actor.orgId, type: "survey.transferred", data });
  });
  kickEmailSender();
}
