import { z } from "zod";
import type { SurveyQuestion } from "@/db/schema/work";
import type { FieldErrors } from "@/lib/errors";
import { secretTokenPattern } from "@/lib/token-shape";

/**
 * Limits of a survey and of its answers, shared by the server (the one that counts) and the
 * forms (maxLength hints). Bounded everywhere, so no input can grow a row without limit (§10).
 */
export const SURVEY_LIMITS = {
  title: 200,
  description: 2000,
  questions: 50,
  questionText: 500,
  answer: 5000,
  respondent: 200,
} as const;

const noNul = (s: string) => !s.includes("\u0000");

export const surveyTitleSchema = z
  .string({ error: "Give the survey a title." })
  .trim()
  .min(1, "Give the survey a title.")
  .max(SURVEY_LIMITS.title, `Keep the title under ${SURVEY_LIMITS.title} characters.`);

export const surveyDescriptionSchema = z
  .string()
  .trim()
  .max(SURVEY_LIMITS.description, `Keep the description under ${SURVEY_LIMITS.description} characters.`)
  .optional()
  .transform((v) => v ?? "");

/** New survey (S1): a title and an optional description; questions are added while checked out. */
export const createSurveySchema = z.object({
  title: surveyTitleSchema,
  description: surveyDescriptionSchema,
});

/** Repeated form fields arrive as a string (one) or an array (several): always an array here. */
const list = (max: number) =>
  z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string().max(max + 100, "That text is too long.")).max(SURVEY_LIMITS.questions, `A survey has at most ${SURVEY_LIMITS.questions} questions.`),
  );

/**
 * Edit survey (S1): the details and the questions as parallel lists (questionId, questionText,
 * questionRequired "true"/"false"), in order. Per-question checks are in `normalizeQuestions`,
 * which can name the question that is wrong.
 */
export const updateSurveySchema = z.object({
  surveyId: z.uuid("That survey id is not valid."),
  title: surveyTitleSchema,
  description: surveyDescriptionSchema,
  questionId: list(40),
  questionText: list(SURVEY_LIMITS.questionText),
  questionRequired: list(5),
  /** "Save and check in" (S1, #14.1): save and release the check-out in one transaction. */
  intent: z.enum(["save", "check-in"]).optional().catch(undefined),
});
export type UpdateSurveyInput = z.output<typeof updateSurveySchema>;

/**
 * The edited question list, checked one by one (errors keyed `question.<index>`). Ids the survey
 * already has are kept, so the answers of earlier responses stay tied to their question; any
 * other id (a new question, or a forged one) gets a fresh id from `newId`.
 */
export function normalizeQuestions(
  input: Pick<UpdateSurveyInput, "questionId" | "questionText" | "questionRequired">,
  existing: SurveyQuestion[],
  newId: () => string,
): { questions: SurveyQuestion[]; fieldErrors: FieldErrors } {
  const fieldErrors: FieldErrors = {};
  const known = new Set(existing.map((q) => q.id));
  const used = new Set<string>();
  const questions: SurveyQuestion[] = [];
  input.questionText.forEach((raw, index) => {
    const text = raw.trim().replace(/\s+/g, " ");
    if (!text) fieldErrors[`question.${index}`] = ["Write the question, or remove it."];
    else if (text.length > SURVEY_LIMITS.questionText)
      fieldErrors[`question.${index}`] = [`Keep each question under ${SURVEY_LIMITS.questionText} characters.`];
    else if (!noNul(text)) fieldErrors[`question.${index}`] = ["This question contains an invisible NUL character."];
    const given = input.questionId[index] ?? "";
    const id = known.has(given) && !used.has(given) ? given : newId();
    used.add(id);
    questions.push({ id, text, required: input.questionRequired[index] === "true" });
  });
  return { questions, fieldErrors };
}

/** Public answer form (/s/[token]): the token, an optional name, and `answer.<questionId>` fields. */
export const answerSurveySchema = z.looseObject({
  token: z.string().regex(secretTokenPattern, "This survey link is not valid."),
  respondent: z
    .string()
    .trim()
    .max(SURVEY_LIMITS.respondent, `Keep your name under ${SURVEY_LIMITS.respondent} characters.`)
    .optional()
    .transform((v) => v || null),
});

/** The answers a respondent typed, checked against the survey's questions (errors keyed `answer.<id>`). */
export function validateAnswers(
  questions: SurveyQuestion[],
  fields: Record<string, unknown>,
): { answers: Record<string, string>; fieldErrors: FieldErrors; formError?: string } {
  const fieldErrors: FieldErrors = {};
  const answers: Record<string, string> = {};
  for (const question of questions) {
    const key = `answer.${question.id}`;
    const raw = fields[key];
    if (raw !== undefined && typeof raw !== "string") {
      fieldErrors[key] = ["Answer once, in the box."];
      continue;
    }
    const value = (raw ?? "").trim();
    if (!noNul(value)) fieldErrors[key] = ["This answer contains an invisible NUL character. Remove it and try again."];
    else if (value.length > SURVEY_LIMITS.answer) fieldErrors[key] = [`Keep each answer under ${SURVEY_LIMITS.answer} characters.`];
    else if (!value && question.required) fieldErrors[key] = ["This question needs an answer."];
    else if (value) answers[question.id] = value;
  }
  const formError =
    Object.keys(fieldErrors).length === 0 && Object.keys(answers).length === 0
      ? "Answer at least one question before sending."
      : undefined;
  return { answers, fieldErrors, formError };
}
