import "server-only";
import { and, asc, eq, gt, inArray, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberships, surveyResponses, surveys, users, type SurveyQuestion, type SurveyResponse } from "@/db/schema";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { forbidden, notFound } from "@/lib/errors";
import { canExportMemberSurveys, type Role } from "@/lib/permissions";
import { csvHeader, csvRow } from "@/lib/csv";
import { streamChunks } from "@/lib/stream";

/** Surveys and responses are read in batches of these sizes: memory stays flat however many. */
export const EXPORT_BATCH = { surveys: 100, responses: 500 } as const;

export type ExportedSurvey = {
  id: string;
  title: string;
  description: string;
  questions: SurveyQuestion[];
  ownerId: string;
  checkedOutById: string | null;
  checkedOutAt: string | null;
  createdAt: string;
  updatedAt: string;
};
export type ExportedResponse = { id: string; respondent: string | null; submittedAt: string; answers: Record<string, string> };

type ExportEvent =
  | { kind: "survey"; survey: ExportedSurvey }
  | { kind: "response"; survey: ExportedSurvey; response: ExportedResponse }
  | { kind: "end-survey"; survey: ExportedSurvey; responses: number };

/**
 * SPEC S3: every survey a member owns in one organization, each followed by its responses, read
 * with keyset pagination (surveys by id, responses by (survey_id, id)) — never the whole set in
 * memory. Not one snapshot: a response arriving during a long download may or may not be in it.
 */
export async function* memberSurveyEvents(
  db: DbOrTx,
  orgId: string,
  ownerId: string,
  batch: { surveys: number; responses: number } = EXPORT_BATCH,
): AsyncGenerator<ExportEvent> {
  let afterSurvey: string | null = null;
  for (;;) {
    const rows = await db
      .select()
      .from(surveys)
      .where(and(eq(surveys.orgId, orgId), eq(surveys.ownerId, ownerId), afterSurvey ? gt(surveys.id, afterSurvey) : undefined))
      .orderBy(asc(surveys.id))
      .limit(batch.surveys);
    if (!rows.length) return;
    afterSurvey = rows[rows.length - 1].id;
    const list: ExportedSurvey[] = rows.map((s) => ({
      id: s.id,
      title: s.title,
      description: s.description,
      questions: s.questions,
      ownerId: s.ownerId,
      checkedOutById: s.checkedOutById,
      checkedOutAt: s.checkedOutAt?.toISOString() ?? null,
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
    }));
    let index = 0;
    let counted = 0;
    yield { kind: "survey", survey: list[0] };
    let cursor: { surveyId: string; id: string } | null = null;
    for (;;) {
      const responses: SurveyResponse[] = await db
        .select()
        .from(surveyResponses)
        .where(
          and(
            inArray(surveyResponses.surveyId, list.map((s) => s.id)),
            cursor
              ? or(
                  gt(surveyResponses.surveyId, cursor.surveyId),
                  and(eq(surveyResponses.surveyId, cursor.surveyId), gt(surveyResponses.id, cursor.id)),
                )
              : undefined,
          ),
        )
        .orderBy(asc(surveyResponses.surveyId), asc(surveyResponses.id))
        .limit(batch.responses);
      for (const response of responses) {
        // Both lists are in id order: move on to the survey this response belongs to.
        while (list[index].id !== response.surveyId) {
          yield { kind: "end-survey", survey: list[index], responses: counted };
          index++;
          counted = 0;
          yield { kind: "survey", survey: list[index] };
        }
        counted++;
        yield {
          kind: "response",
          survey: list[index],
          response: {
            id: response.id,
            respondent: response.respondent,
            submittedAt: response.submittedAt.toISOString(),
            answers: response.answers,
          },
        };
      }
      if (responses.length < batch.responses) break;
      const last: SurveyResponse = responses[responses.length - 1];
      cursor = { surveyId: last.surveyId, id: last.id };
    }
    for (;;) {
      yield { kind: "end-survey", survey: list[index], responses: counted };
      counted = 0;
      if (++index >= list.length) break;
      yield { kind: "survey", survey: list[index] };
    }
  }
}

export type ExportHeader = {
  exportedAt: string;
  organization: { id: string; name: string; slug: string };
  member: { id: string; email: string; name: string | null };
};

/** The JSON export, piece by piece: `{ …header, "surveys": [ { …survey, "responses": [ … ] } ] }`. */
export async function* jsonExportChunks(events: AsyncIterable<ExportEvent>, header: ExportHeader): AsyncGenerator<string> {
  yield `${JSON.stringify({ format: "seatwise.member-surveys.v1", ...header }).slice(0, -1)},"surveys":[`;
  let firstSurvey = true;
  let firstResponse = true;
  for await (const event of events) {
    if (event.kind === "survey") {
      yield `${firstSurvey ? "" : ","}\n${JSON.stringify(event.survey).slice(0, -1)},"responses":[`;
      firstSurvey = false;
      firstResponse = true;
    } else if (event.kind === "response") {
      yield `${firstResponse ? "" : ","}\n${JSON.stringify(event.response)}`;
      firstResponse = false;
    } else {
      yield "]}";
    }
  }
  yield "\n]}\n";
}

export const CSV_COLUMNS = [
  "survey_id",
  "survey_title",
  "survey_created_at",
  "survey_updated_at",
  "response_id",
  "respondent",
  "submitted_at",
  "question_id",
  "question",
  "answer",
] as const;

/**
 * The CSV export: one row per answer (long format, so surveys with different questions share
 * one header); a survey without responses still has one row. Answers to questions since removed
 * come last, with an empty question.
 */
export async function* csvExportChunks(events: AsyncIterable<ExportEvent>): AsyncGenerator<string> {
  // A byte-order mark, so spreadsheets read the UTF-8 as UTF-8.
  yield csvHeader(CSV_COLUMNS);
  for await (const event of events) {
    const s = event.survey;
    const base = [s.id, s.title, s.createdAt, s.updatedAt];
    if (event.kind === "end-survey" && event.responses === 0) {
      yield csvRow([...base, "", "", "", "", "", ""]);
    } else if (event.kind === "response") {
      const r = event.response;
      const asked = new Set(s.questions.map((q) => q.id));
      let chunk = "";
      for (const question of s.questions) {
        if (question.id in r.answers) chunk += csvRow([...base, r.id, r.respondent, r.submittedAt, question.id, question.text, r.answers[question.id]]);
      }
      for (const [key, answer] of Object.entries(r.answers)) {
        if (!asked.has(key)) chunk += csvRow([...base, r.id, r.respondent, r.submittedAt, key, "", answer]);
      }
      if (!chunk) chunk = csvRow([...base, r.id, r.respondent, r.submittedAt, "", "", ""]);
      yield chunk;
    }
  }
}


/** The member whose surveys are exported, if they are a member of this organization. */
export async function exportedMember(db: DbOrTx, orgId: string, userId: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row ?? null;
}

/** "una-user" from a name or email, for the file name. */
export function fileSlug(text: string): string {
  return text.toLowerCase().replace(/@.*$/, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "member";
}

/**
 * The whole S3 answer of the two export routes: the rule again (Admins and Managers), the member
 * (another organization's id is not found), an audit entry, then the streamed file.
 */
export async function memberSurveysExportResponse(
  db: DbOrTx,
  ctx: { user: { id: string; email: string }; org: { id: string; name: string; slug: string }; membership: { role: Role } },
  userId: string,
  format: "csv" | "json",
  options: { now?: Date } = {},
): Promise<Response> {
  if (!canExportMemberSurveys(ctx.membership.role)) throw forbidden("Only Admins and Managers export a member's surveys.");
  if (!z.uuid().safeParse(userId).success) throw notFound("This member");
  const member = await exportedMember(db, ctx.org.id, userId);
  if (!member) throw notFound("This member");
  const now = options.now ?? new Date();
  await recordAudit(db, {
    orgId: ctx.org.id,
    actor: { id: ctx.user.id, email: ctx.user.email },
    action: "member.surveys_exported",
    target: { id: member.id, email: member.email },
    subject: { type: "membership", id: member.id },
    after: { format },
  });
  const events = memberSurveyEvents(db, ctx.org.id, member.id);
  const chunks =
    format === "json"
      ? jsonExportChunks(events, {
          exportedAt: now.toISOString(),
          organization: { id: ctx.org.id, name: ctx.org.name, slug: ctx.org.slug },
          member,
        })
      : csvExportChunks(events);
  const filename = `surveys-${fileSlug(member.name ?? member.email)}-${now.toISOString().slice(0, 10)}.${format}`;
  return new Response(streamChunks(chunks), {
    headers: {
      "Content-Type": format === "json" ? "application/json; charset=utf-8" : "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
