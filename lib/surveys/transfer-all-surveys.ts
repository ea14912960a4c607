import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { surveys } from "@/db/schema";
import { recordAudits } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { enqueueEmail, kickEmailSender } from "@/lib/email";
import { AppError, forbidden } from "@/lib/errors";
import { displayName } from "@/lib/format";
import { lockActor, targetMember, type ActingMember } from "@/lib/members/actor";
import { canTransferSurvey } from "@/lib/permissions";
import { transaction } from "@/lib/transaction";
import { writeNotifications } from "@/lib/notifications/write-notifications";
import { emitEvents } from "@/lib/webhooks/emit";

/**
 * SPEC S2 transfer, for every survey one member owns at once — the Ecobot pre-deletion checklist
 * ("Transfer ownership of all surveys to another active team member") for a member who owns
 * hundreds. Same rule as one transfer, applied to each survey (they all have the same owner):
 * Admins and Managers for anyone, a User for themselves. One UPDATE, one audit entry per survey,
 * one notification and one email for the new owner.
 */
export async function transferAllSurveys(
  ctx: MemberContext,
  fromUserId: string,
  toUserId: string,
  options: { baseUrl: string },
): Promise<{ moved: number }> {
  const result = await transaction(async (tx) => transferAllSurveysInTx(tx, await lockActor(tx, ctx), fromUserId, toUserId, options));
  kickEmailSender();
  return result;
}

/**
 * transferAllSurveys inside the caller's transaction, after lockActor (SCIM's deprovisioning runs
 * it before Delete User in one transaction, C3). The caller kicks the email sender after commit.
 */
export async function transferAllSurveysInTx(
  tx: Tx,
  actor: ActingMember,
  fromUserId: string,
  toUserId: string,
  options: { baseUrl: string },
): Promise<{ moved: number }> {
  const from = await targetMember(tx, actor.orgId, fromUserId);
  if (!canTransferSurvey(actor, from.userId)) throw forbidden("Users transfer only the surveys they own.");
  const recipient = await targetMember(tx, actor.orgId, toUserId);
  if (recipient.userId === from.userId) throw new AppError("CONFLICT", "Choose someone other than the current owner.");
  if (recipient.status !== "active") throw new AppError("CONFLICT", "A suspended member cannot receive surveys.");
  const moved = await tx
    .update(surveys)
    .set({ ownerId: recipient.userId, updatedAt: new Date() })
    .where(and(eq(surveys.orgId, actor.orgId), eq(surveys.ownerId, from.userId)))
    .returning({ id: surveys.id, title: surveys.title });
  if (!moved.length) throw new AppError("CONFLICT", `${displayName(from)} owns no surveys.`);
  const by = actor.name ?? actor.email;
  const fromName = displayName(from);
  await writeNotifications(tx, {
    userId: recipient.userId,
    orgId: actor.orgId,
    kind: "survey_transferred",
    title: moved.length === 1 ? `You now own the survey "${moved[0].title}"` : `You now own ${moved.length} surveys of ${fromName}`,
    body: `${by} transferred ${moved.length === 1 ? "it" : "them"} to you.`,
  });
  await enqueueEmail(tx, {
    to: recipient.email,
    template: "survey-transferred",
    props: {
      orgName: actor.orgName,
      transferredBy: by,
      fromName,
      surveyTitles: moved.slice(0, 10).map((s) => s.title),
      total: moved.length,
      url: `${options.baseUrl}/o/${actor.orgSlug}/surveys?owner=${recipient.userId}`,
    },
  });
  await recordAudits(
    tx,
    moved.map((survey) => ({
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: "survey.transferred",
      target: { id: recipient.userId, email: recipient.email },
      subject: { type: "survey", id: survey.id },
      before: { ownerId: from.userId, title: survey.title },
      after: { ownerId: recipient.userId, all: true },
    })),
  );
  const data = moved.map((survey) => ({ surveyId: survey.id, title: survey.title, fromUserId: from.userId, toUserId: recipient.userId }));
  await emitEvents(tx, { orgId: actor.orgId, type: "survey.transferred", data });
  return { moved: moved.length };
}
