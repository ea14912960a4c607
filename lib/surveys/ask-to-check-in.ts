import "server-only";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { lockActor } from "@/lib/members/actor";
import { canAskToCheckIn } from "@/lib/permissions";
import { hitRateLimit, type RateLimitRule } from "@/lib/rate-limit";
import { transaction } from "@/lib/transaction";
import { lockSurvey } from "./lock-survey";
import { writeNotifications } from "@/lib/notifications/write-notifications";

/** One request per asker per survey per hour (a fixed window, counted in rate_limits): a nudge, not a flood. */
export const askToCheckInRule: RateLimitRule = { limit: 1, windowSeconds: 60 * 60 };

/**
 * S1, #14.12: a member who finds a survey checked out by someone else asks the holder, by an inbox
 * notice linking to the survey, to check it in. Refused when nobody else holds it; at most once
 * an hour per asker and survey (RATE_LIMITED, nothing written). docs/decisions/062.
 */
export async function askToCheckIn(ctx: MemberContext, surveyId: string, options: { now?: Date } = {}) {
  return transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    const survey = await lockSurvey(tx, actor.orgId, surveyId);
    if (!survey.checkedOutById) throw new AppError("CONFLICT", "This survey is checked in already: check it out yourself.");
    if (!canAskToCheckIn(actor, survey.checkedOutById)) throw new AppError("CONFLICT", "You have this survey checked out yourself.");
    const [holder] = await tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, survey.checkedOutById));
    const holderName = holder.name ?? holder.email;
    const limit = await hitRateLimit(`ask-check-in:${survey.id}:${actor.userId}`, askToCheckInRule, { db: tx, now: options.now });
    if (!limit.allowed) {
      const minutes = Math.max(1, Math.ceil(limit.retryAfterSeconds / 60));
      throw new AppError("RATE_LIMITED", `You asked ${holderName} already. You can ask again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
    }
    const me = actor.name ?? actor.email;
    await writeNotifications(tx, {
      userId: holder.id,
      orgId: actor.orgId,
      surveyId: survey.id,
      kind: "checkin_requested",
      title: `${me} asks you to check in "${survey.title}"`,
      body: `${me} would like to edit it. Save your changes and check it in when you can.`,
    });
    return { holderName };
  });
}
