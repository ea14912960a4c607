"use server";

import { publicAction } from "@/lib/action";
import { answerSurveySchema } from "@/lib/surveys/schemas";
import { submitSurveyResponse } from "@/lib/surveys/submit-response";
import { clientIp } from "@/lib/url";

// POST (server action) – answer a survey through its share link: no sign-in, limited per address.
export const answerSurveyAction = publicAction(answerSurveySchema, async (input) => {
  const { token, respondent, ...fields } = input;
  await submitSurveyResponse({ token, respondent, fields }, { ip: await clientIp() });
  return "Thank you. Your answers were recorded.";
});
