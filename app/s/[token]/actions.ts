"use server";

import { publicAction } from "@/lib/action";
import { answerSurveySchema } from "@/lib/surveys/schemas";
import { respondentOfThisBrowser } from "@/lib/surveys/respondent-cookie";
import { submitSurveyResponse } from "@/lib/surveys/submit-response";
import { clientIp } from "@/lib/url";

// POST (server action) – answer a survey through its share link: no sign-in, limited per address.
export const answerSurveyAction = publicAction(answerSurveySchema, async (input) => {
  const { token, respondent, ...fields } = input;
  const ip = await clientIp();
  // Issue 14.18: without a declared proxy, this browser's signed cookie tells respondents apart.
  await submitSurveyResponse({ token, respondent, fields }, { ip, browser: ip ? null : await respondentOfThisBrowser() });
  return "Thank you. Your answers were recorded.";
});
