import "server-only";
import { and, eq } from "drizzle-orm";
import { surveyResponses, surveys } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { hitRateLimit, type RateLimitRule } from "@/lib/rate-limit";
import { transaction } from "@/lib/transaction";
import { validateAnswers } from "./schemas";
import { findSurveyByShareToken } from "./queries";
import { hashShareToken, isShareTokenShape } from "./share-token";

/**
 * Limits on answers through a share link (docs/decisions/022, 051), all keyed on the LINK (its
 * token's hash), so a replaced link starts fresh. Per client: the address the operator's proxy
 * vouches for (`clientIp()`), else this browser's signed respondent cookie — never a header a
 * client could forge; browsers arriving without the cookie share one bucket per link. A per-link
 * ceiling holds in every case.
 */
export const answerRateLimits = {
  perAddress: { limit: 10, windowSeconds: 60 * 60 },
  perBrowser: { limit: 10, windowSeconds: 60 * 60 },
  newBrowsers: { limit: 200, windowSeconds: 60 * 60 },
  unknownAddress: { limit: 200, windowSeconds: 60 * 60 },
  perLink: { limit: 2000, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>;

const notValid = () => new AppError("NOT_FOUND", "This survey link is not valid. It may have been replaced or turned off.");

/**
 * A response through the survey's share link: no sign-in, answers checked against the current
 * questions, limited per address. A survey checked out for editing still takes answers (a
 * response is not an edit, S1). The insert holds a key-share lock on the survey row with its
 * link re-checked, so a merge or a link replaced a moment earlier wins cleanly.
 */
export async function submitSurveyResponse(
  input: { token: string; respondent: string | null; fields: Record<string, unknown> },
  options: { ip: string | null; browser?: { id: string; fresh: boolean } | null; now?: Date },
): Promise<{ responseId: string }> {
  if (!isShareTokenShape(input.token)) throw notValid();
  const tokenHash = hashShareToken(input.token);
  const survey = await findSurveyByShareToken(input.token);
  if (!survey) throw notValid();
  const { answers, fieldErrors, formError } = validateAnswers(survey.questions, input.fields);
  if (Object.keys(fieldErrors).length) throw new AppError("VALIDATION", "Please correct the highlighted answers.", { fieldErrors });
  if (formError) throw new AppError("VALIDATION", formError);

  const link = `survey-answer:${tokenHash}`;
  const at = { now: options.now };
  const limits = [hitRateLimit(link, answerRateLimits.perLink, at)];
  if (options.ip) limits.push(hitRateLimit(`${link}:ip:${options.ip}`, answerRateLimits.perAddress, at));
  else if (options.browser) {
    limits.push(hitRateLimit(`${link}:browser:${options.browser.id}`, answerRateLimits.perBrowser, at));
    if (options.browser.fresh) limits.push(hitRateLimit(`${link}:new-browsers`, answerRateLimits.newBrowsers, at));
  } else limits.push(hitRateLimit(`${link}:unknown-address`, answerRateLimits.unknownAddress, at));
  const refused = (await Promise.all(limits)).find((r) => !r.allowed);
  if (refused) {
    const minutes = Math.max(1, Math.ceil(refused.retryAfterSeconds / 60));
    throw new AppError("RATE_LIMITED", `This survey has received many answers from here. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }

  return transaction(async (tx) => {
    const [live] = await tx
      .select({ id: surveys.id })
      .from(surveys)
      .where(and(eq(surveys.id, survey.id), eq(surveys.shareTokenHash, tokenHash)))
      .for("key share");
    if (!live) throw notValid();
    const [row] = await tx
      .insert(surveyResponses)
      .values({ surveyId: live.id, respondent: input.respondent, answers, submittedAt: options.now ?? new Date() })
      .returning({ id: surveyResponses.id });
    return { responseId: row.id };
  });
}
