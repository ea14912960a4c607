import "server-only";
import { alias } from "drizzle-orm/pg-core";
import { and, count, desc, eq, ilike, inArray, notInArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { memberships, organizations, surveyResponses, surveys, users } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { likePattern } from "@/lib/members/queries";
import { hashShareToken, isShareTokenShape, shareLinkAfterMerge } from "./share-token";
import { planMerge } from "./merge-plan";

export const SURVEYS_PAGE_SIZE = 25;
export const RESPONSES_PAGE_SIZE = 10;
export const SURVEY_SEARCH_LIMIT = 20;

/** The number of responses of the survey in the row, counted in the same statement (index-only). */
const responseCount = sql<number>`(select count(*)::int from ${surveyResponses} where ${surveyResponses.surveyId} = ${surveys.id})`;

export type SurveyListOptions = { owner?: string; q?: string; page?: number };

/**
 * The Surveys page (SPEC §7): the organization's surveys with owner, check-out holder (since
 * when), responses and last change; filtered by owner ("me" or a member's id) and title, and
 * paginated in the database — four statements whatever the organization's size.
 */
export async function listSurveys(ctx: MemberContext, options: SurveyListOptions = {}) {
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const ownerId = options.owner === "me" ? ctx.user.id : options.owner;
  const q = options.q?.trim().slice(0, 100);
  const owner = alias(users, "owner");
  const holder = alias(users, "holder");
  const where = and(
    eq(surveys.orgId, ctx.org.id),
    ownerId ? eq(surveys.ownerId, ownerId) : undefined,
    q ? ilike(surveys.title, likePattern(q)) : undefined,
  );
  const [rows, [{ total }], ownerRows] = await Promise.all([
    db
      .select({
        id: surveys.id,
        title: surveys.title,
        ownerId: surveys.ownerId,
        ownerName: owner.name,
        ownerEmail: owner.email,
        checkedOutById: surveys.checkedOutById,
        checkedOutAt: surveys.checkedOutAt,
        checkedOutByName: holder.name,
        checkedOutByEmail: holder.email,
        updatedAt: surveys.updatedAt,
      })
      .from(surveys)
      .innerJoin(owner, eq(owner.id, surveys.ownerId))
      .leftJoin(holder, eq(holder.id, surveys.checkedOutById))
      .where(where)
      .orderBy(desc(surveys.updatedAt), desc(surveys.id))
      .limit(SURVEYS_PAGE_SIZE)
      .offset((page - 1) * SURVEYS_PAGE_SIZE),
    db.select({ total: count() }).from(surveys).where(where),
    // The member the list is filtered by (a member of this organization, or nobody).
    ownerId
      ? db
          .select({ userId: users.id, name: users.name, email: users.email, status: memberships.status })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(and(eq(memberships.orgId, ctx.org.id), eq(memberships.userId, ownerId)))
      : Promise.resolve([]),
  ]);
  // Response counts of this page's rows only, in one grouped statement (a count in the row query
  // would be computed for every row an OFFSET skips: 0.8 s at page 2,000 of 50,000 surveys).
  const counts = rows.length
    ? await db
        .select({ surveyId: surveyResponses.surveyId, n: count() })
        .from(surveyResponses)
        .where(inArray(surveyResponses.surveyId, rows.map((r) => r.id)))
        .groupBy(surveyResponses.surveyId)
    : [];
  const responses = new Map(counts.map((c) => [c.surveyId, c.n]));
  return {
    rows: rows.map((row) => ({ ...row, responses: responses.get(row.id) ?? 0 })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / SURVEYS_PAGE_SIZE)),
    q: q ?? "",
    ownerFilter: ownerId ? { id: ownerId, member: ownerRows[0] ?? null, isMe: ownerId === ctx.user.id } : null,
  };
}

/** One survey of the caller's organization for its page; another organization's id is null. */
export async function findSurvey(ctx: MemberContext, surveyId: string) {
  const owner = alias(users, "owner");
  const holder = alias(users, "holder");
  const [row] = await db
    .select({
      id: surveys.id,
      title: surveys.title,
      description: surveys.description,
      questions: surveys.questions,
      ownerId: surveys.ownerId,
      ownerName: owner.name,
      ownerEmail: owner.email,
      checkedOutById: surveys.checkedOutById,
      checkedOutAt: surveys.checkedOutAt,
      checkedOutByName: holder.name,
      checkedOutByEmail: holder.email,
      hasShareLink: sql<boolean>`${surveys.shareTokenHash} is not null`,
      shareTokenSealed: surveys.shareTokenSealed,
      shareLinkCreatedAt: surveys.shareLinkCreatedAt,
      createdAt: surveys.createdAt,
      updatedAt: surveys.updatedAt,
      responses: responseCount,
    })
    .from(surveys)
    .innerJoin(owner, eq(owner.id, surveys.ownerId))
    .leftJoin(holder, eq(holder.id, surveys.checkedOutById))
    .where(and(eq(surveys.id, surveyId), eq(surveys.orgId, ctx.org.id)));
  return row ?? null;
}

/** A page of a survey's responses, newest first; a survey of another organization has none. */
export async function listResponses(ctx: MemberContext, surveyId: string, options: { page?: number } = {}) {
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const scoped = and(eq(surveyResponses.surveyId, surveyId), eq(surveys.orgId, ctx.org.id));
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: surveyResponses.id,
        respondent: surveyResponses.respondent,
        answers: surveyResponses.answers,
        submittedAt: surveyResponses.submittedAt,
      })
      .from(surveyResponses)
      .innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
      .where(scoped)
      .orderBy(desc(surveyResponses.submittedAt), desc(surveyResponses.id))
      .limit(RESPONSES_PAGE_SIZE)
      .offset((page - 1) * RESPONSES_PAGE_SIZE),
    db
      .select({ total: count() })
      .from(surveyResponses)
      .innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
      .where(scoped),
  ]);
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / RESPONSES_PAGE_SIZE)) };
}

/**
 * The survey picker's search (Merge): surveys of the caller's organization whose title contains
 * the text, at most SURVEY_SEARCH_LIMIT, searched in the database so it serves an organization
 * of 50,000 surveys. `ownerId` keeps to one owner's surveys (a User merges only their own).
 */
export async function searchSurveys(ctx: MemberContext, options: { q: string; excludeIds?: string[]; ownerId?: string }) {
  const owner = alias(users, "owner");
  return db
    .select({
      id: surveys.id,
      title: surveys.title,
      ownerName: sql<string>`coalesce(${owner.name}, ${owner.email})`,
      checkedOutById: surveys.checkedOutById,
      responses: responseCount,
    })
    .from(surveys)
    .innerJoin(owner, eq(owner.id, surveys.ownerId))
    .where(
      and(
        eq(surveys.orgId, ctx.org.id),
        options.q ? ilike(surveys.title, likePattern(options.q)) : undefined,
        options.ownerId ? eq(surveys.ownerId, options.ownerId) : undefined,
        options.excludeIds?.length ? notInArray(surveys.id, options.excludeIds) : undefined,
      ),
    )
    .orderBy(desc(surveys.updatedAt), desc(surveys.id))
    .limit(SURVEY_SEARCH_LIMIT);
}

/**
 * What a merge of `sourceId` into `targetId` would do, for the dialog's preview (S2): the
 * responses that move, the questions that join the target, and why it would be refused now.
 * The merge itself decides again under its locks.
 */
export async function mergePreview(ctx: MemberContext, sourceId: string, targetId: string) {
  const holder = alias(users, "holder");
  const rows = await db
    .select({
      id: surveys.id,
      title: surveys.title,
      ownerId: surveys.ownerId,
      questions: surveys.questions,
      checkedOutById: surveys.checkedOutById,
      checkedOutAt: surveys.checkedOutAt,
      holderName: sql<string | null>`coalesce(${holder.name}, ${holder.email})`,
      hasShareLink: sql<boolean>`${surveys.shareTokenHash} is not null`,
      responses: responseCount,
    })
    .from(surveys)
    .leftJoin(holder, eq(holder.id, surveys.checkedOutById))
    .where(and(eq(surveys.orgId, ctx.org.id), inArray(surveys.id, [sourceId, targetId])));
  const source = rows.find((r) => r.id === sourceId);
  const target = rows.find((r) => r.id === targetId);
  if (!source || !target || source.id === target.id) return null;
  let n = 0;
  const plan = planMerge(source.questions, target.questions, () => `new-${++n}`);
  const blockedBy = [source, target]
    .filter((s) => s.checkedOutById && s.checkedOutById !== ctx.user.id)
    .map((s) => ({ title: s.title, holderName: s.holderName ?? "another member", since: s.checkedOutAt }));
  return {
    source: { id: source.id, title: source.title, ownerId: source.ownerId, responses: source.responses },
    target: { id: target.id, title: target.title, ownerId: target.ownerId, responses: target.responses },
    questionsAdded: plan.added.map((q) => q.text),
    questionsMatched: plan.matched.length,
    shareLink: shareLinkAfterMerge(source, target),
    blockedBy,
  };
}

/** The public answer page: the survey behind a share link (its token hashed), or null. */
export async function findSurveyByShareToken(token: string) {
  if (!isShareTokenShape(token)) return null;
  const [row] = await db
    .select({ id: surveys.id, title: surveys.title, description: surveys.description, questions: surveys.questions, orgName: organizations.name })
    .from(surveys)
    .innerJoin(organizations, eq(organizations.id, surveys.orgId))
    .where(eq(surveys.shareTokenHash, hashShareToken(token)));
  return row ?? null;
}

/** How many surveys a member owns here (their profile's export section, S3). */
export async function countMemberSurveys(ctx: MemberContext, userId: string) {
  const [{ n }] = await db
    .select({ n: count() })
    .from(surveys)
    .where(and(eq(surveys.orgId, ctx.org.id), eq(surveys.ownerId, userId)));
  return n;
}
