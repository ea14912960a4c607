"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { memberAction } from "@/lib/action";
import { refreshOrganization } from "@/lib/revalidate";
import { askToCheckIn } from "@/lib/surveys/ask-to-check-in";
import { checkInSurvey } from "@/lib/surveys/check-in-survey";
import { checkOutSurvey } from "@/lib/surveys/check-out-survey";
import { createSurvey } from "@/lib/surveys/create-survey";
import { forceCheckInSurvey } from "@/lib/surveys/force-check-in-survey";
import { mergeSurveys } from "@/lib/surveys/merge-surveys";
import { disableShareLink, rotateShareLink } from "@/lib/surveys/rotate-share-link";
import { createSurveySchema, updateSurveySchema } from "@/lib/surveys/schemas";
import { shareUrl } from "@/lib/surveys/share-token";
import { transferAllSurveys } from "@/lib/surveys/transfer-all-surveys";
import { transferSurvey } from "@/lib/surveys/transfer-survey";
import { updateSurvey } from "@/lib/surveys/update-survey";
import { appBaseUrl } from "@/lib/url";

const surveyIdSchema = z.object({ surveyId: z.uuid("That survey id is not valid.") });

// POST (server action) – create a survey; the creator owns it and has it checked out (S1).
export const createSurveyAction = memberAction(createSurveySchema, async (input, ctx) => {
  const survey = await createSurvey(ctx, input);
  refreshOrganization(ctx.org.slug);
  redirect(`/o/${ctx.org.slug}/surveys/${survey.id}`);
});

// POST (server action) – save the title, description and questions of a survey one has checked out (S1).
export const updateSurveyAction = memberAction(updateSurveySchema, async (input, ctx) => {
  const result = await updateSurvey(ctx, input);
  refreshOrganization(ctx.org.slug);
  return {
    message: result.checkedIn
      ? "Saved and checked in. Anyone can check it out now."
      : result.changed
        ? "Saved. Check the survey in when you are done, so others can edit it."
        : "Nothing to save.",
    data: { questions: result.questions, checkedIn: result.checkedIn },
  };
});

// POST (server action) – Check out: become the one member who edits the survey (S1).
export const checkOutSurveyAction = memberAction(surveyIdSchema, async ({ surveyId }, ctx) => {
  await checkOutSurvey(ctx, surveyId);
  refreshOrganization(ctx.org.slug);
  return "Checked out to you. Nobody else can edit it until you check it in.";
});

// POST (server action) – Check in: release one's own check-out (S1).
export const checkInSurveyAction = memberAction(surveyIdSchema, async ({ surveyId }, ctx) => {
  await checkInSurvey(ctx, surveyId);
  refreshOrganization(ctx.org.slug);
  return "Checked in. Anyone can check it out now.";
});

// POST (server action) – ask the member holding the check-out to check the survey in (S1, #14.12).
export const askToCheckInAction = memberAction(surveyIdSchema, async ({ surveyId }, ctx) => {
  const { holderName } = await askToCheckIn(ctx, surveyId);
  refreshOrganization(ctx.org.slug);
  return `${holderName} was asked, in their inbox, to check it in.`;
});

const forceCheckInSchema = surveyIdSchema.extend({
  holderId: z.uuid().optional().catch(undefined),
});

// POST (server action) – Force check-in: release another member's check-out (S2).
export const forceCheckInSurveyAction = memberAction(forceCheckInSchema, async ({ surveyId, holderId }, ctx) => {
  await forceCheckInSurvey(ctx, surveyId, holderId);
  refreshOrganization(ctx.org.slug);
  return "Checked in. Anyone can check it out now.";
});

const transferSchema = surveyIdSchema.extend({
  toUserId: z.uuid("Choose the member who will own the survey."),
});

// POST (server action) – transfer a survey to another member, who is notified (S2).
export const transferSurveyAction = memberAction(transferSchema, async ({ surveyId, toUserId }, ctx) => {
  await transferSurvey(ctx, surveyId, toUserId, { baseUrl: await appBaseUrl() });
  refreshOrganization(ctx.org.slug);
  return "Survey transferred. The new owner was notified.";
});

const transferAllSchema = z.object({
  fromUserId: z.uuid("That member id is not valid."),
  toUserId: z.uuid("Choose the member who will own the surveys."),
});

// POST (server action) – transfer every survey of one member to another (S2, before Delete User, R5).
export const transferAllSurveysAction = memberAction(transferAllSchema, async ({ fromUserId, toUserId }, ctx) => {
  const { moved } = await transferAllSurveys(ctx, fromUserId, toUserId, { baseUrl: await appBaseUrl() });
  refreshOrganization(ctx.org.slug);
  return `${moved} survey${moved === 1 ? "" : "s"} transferred. The new owner was notified.`;
});

const mergeSchema = z.object({
  sourceId: z.uuid("That survey id is not valid."),
  targetId: z.uuid("Choose the survey to merge into."),
});

// POST (server action) – Merge: move the source's responses into the target and delete the source (S2).
// The source's page no longer exists afterwards: the answer is the target's page, saying what moved.
export const mergeSurveysAction = memberAction(mergeSchema, async ({ sourceId, targetId }, ctx) => {
  const result = await mergeSurveys(ctx, sourceId, targetId);
  refreshOrganization(ctx.org.slug);
  const link = result.shareLink === "none" ? "" : `&link=${result.shareLink}`;
  redirect(`/o/${ctx.org.slug}/surveys/${result.targetId}?merged=${result.moved}${link}`);
});

// POST (server action) – create or replace the survey's share link (its managers can copy it again, #14.9).
export const rotateShareLinkAction = memberAction(surveyIdSchema, async ({ surveyId }, ctx) => {
  const { token, replaced } = await rotateShareLink(ctx, surveyId);
  refreshOrganization(ctx.org.slug);
  return {
    message: replaced ? "New share link created. The old link no longer works." : "Share link created.",
    data: { url: shareUrl(await appBaseUrl(), token) },
  };
});

// POST (server action) – turn the share link off.
export const disableShareLinkAction = memberAction(surveyIdSchema, async ({ surveyId }, ctx) => {
  await disableShareLink(ctx, surveyId);
  refreshOrganization(ctx.org.slug);
  return "Share link turned off. Nobody can answer until you create a new one.";
});
