"use server";

import { z } from "zod";
import { memberAction } from "@/lib/action";
import { refreshOrganization } from "@/lib/revalidate";
import { transferSurvey } from "@/lib/surveys/transfer-survey";

const transferSchema = z.object({
  surveyId: z.uuid("That survey id is not valid."),
  toUserId: z.uuid("Choose the member who will own the survey."),
});

// POST (server action) – transfer a survey to another member (S2).
export const transferSurveyAction = memberAction(transferSchema, async ({ surveyId, toUserId }, ctx) => {
  await transferSurvey(ctx, surveyId, toUserId);
  refreshOrganization(ctx.org.slug);
  return "Survey transferred.";
});
