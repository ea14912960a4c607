import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ShareLinkPanel } from "@/components/surveys/share-link-panel";
import type { SurveyRef } from "@/components/surveys/survey-dialogs";
import { SurveyEditor } from "@/components/surveys/survey-editor";
import { SurveyHeaderActions } from "@/components/surveys/survey-header-actions";
import { UnsavedChangesGuard } from "@/components/surveys/unsaved-changes";
import { Card, EmptyState } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { requireMemberPage } from "@/lib/auth/session";
import { formatDate, formatDateTime } from "@/lib/format";
import { askToCheckInAction } from "@/app/o/[org]/surveys/actions";
import { ActionButton } from "@/components/ui/action-button";
import {
  canAskToCheckIn,
  canCheckInSurvey,
  canCheckOutSurvey,
  canEditSurvey,
  canForceCheckIn,
  canManageSurveyShareLink,
  canMergeIntoOthersSurveys,
  canMergeSurveyAway,
  canTransferSurvey,
} from "@/lib/permissions";
import { pageParam, parseSearchParams } from "@/lib/search-params";
import { findSurvey, listResponses } from "@/lib/surveys/queries";
import { shareLinkForManager } from "@/lib/surveys/share-token";
import { appBaseUrl } from "@/lib/url";

export const metadata: Metadata = { title: "Survey" };

const searchSchema = z.object({
  page: pageParam,
  merged: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.coerce.number().int().min(0).max(10_000_000)).optional().catch(undefined),
  link: z.enum(["carried", "ends"]).optional().catch(undefined),
});

function Section({ title, description, children, id }: { title: string; description?: string; children: React.ReactNode; id: string }) {
  return (
    <Card className="overflow-hidden">
      <section aria-labelledby={id}>
        <div className="border-b border-gray-200 px-5 py-4">
          <h2 id={id} className="text-base font-semibold text-gray-900">
            {title}
          </h2>
          {description ? <p className="mt-0.5 text-sm text-gray-600">{description}</p> : null}
        </div>
        <div className="p-5">{children}</div>
      </section>
    </Card>
  );
}

/**
 * A survey (SPEC §7): its questions and responses. Checked out by the caller, it is editable;
 * checked out by someone else, it is read-only and says by whom since when (S1); S2's actions
 * show where the role table allows them, and the server decides again.
 */
export default async function SurveyPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; surveyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ org, surveyId }, sp] = await Promise.all([params, searchParams]);
  const ctx = await requireMemberPage(org);
  if (!z.uuid().safeParse(surveyId).success) notFound();
  const { page, merged, link: mergedLink } = parseSearchParams(searchSchema, sp);
  const [survey, responses] = await Promise.all([findSurvey(ctx, surveyId), listResponses(ctx, surveyId, { page })]);
  if (!survey) notFound();
  const actor = { userId: ctx.user.id, role: ctx.membership.role };
  const mine = survey.checkedOutById === ctx.user.id;
  const holder = survey.checkedOutByName ?? survey.checkedOutByEmail;
  const since = survey.checkedOutAt ? formatDateTime(survey.checkedOutAt) : null;
  const ref: SurveyRef = {
    id: survey.id,
    title: survey.title,
    ownerId: survey.ownerId,
    ownerName: survey.ownerName ?? survey.ownerEmail,
    checkedOutById: survey.checkedOutById,
    checkedOutByName: holder,
    checkedOutSince: since,
    responses: survey.responses,
  };
  const base = `/o/${ctx.org.slug}/surveys/${survey.id}`;
  const managesLink = canManageSurveyShareLink(actor, survey.ownerId);
  // #14.9: only those who manage the link get it (decrypted on the server, for them alone).
  const link = managesLink ? shareLinkForManager(survey, await appBaseUrl()) : null;
  const asked = new Set(survey.questions.map((q) => q.id));
  // Answers in the order of the questions; answers to questions since removed come last.
  const answersOf = (answers: Record<string, string>) => [
    ...survey.questions.filter((q) => q.id in answers).map((q) => ({ key: q.id, question: q.text, answer: answers[q.id] })),
    ...Object.entries(answers)
      .filter(([key]) => !asked.has(key))
      .map(([key, answer]) => ({ key, question: "A question since removed", answer })),
  ];
  return (
    <UnsavedChangesGuard>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={`/o/${ctx.org.slug}/surveys`} className="font-medium text-indigo-600 hover:text-indigo-500">
          Surveys
        </Link>
        <span aria-hidden className="mx-2 text-gray-400">/</span>
        <span className="text-gray-600">{survey.title}</span>
      </nav>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 flex-1 basis-96">
          <h1 className="text-2xl font-semibold tracking-tight text-gray-900">{survey.title}</h1>
          <p className="mt-1 text-sm text-gray-600">
            Owned by <span className="font-medium text-gray-800">{ref.ownerName}</span> · created {formatDate(survey.createdAt)} · last
            change {formatDateTime(survey.updatedAt)}
          </p>
        </div>
        <SurveyHeaderActions
          orgSlug={ctx.org.slug}
          survey={ref}
          can={{
            checkOut: canCheckOutSurvey(actor, survey.checkedOutById),
            checkIn: canCheckInSurvey(actor, survey.checkedOutById),
            forceCheckIn: !!survey.checkedOutById && !mine && canForceCheckIn(actor, survey.ownerId),
            transfer: canTransferSurvey(actor, survey.ownerId),
            merge: canMergeSurveyAway(actor, survey.ownerId),
            mergeMineOnly: !canMergeIntoOthersSurveys(actor),
          }}
        />
      </div>

      {merged !== undefined ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 px-4 py-3 text-sm text-green-800 ring-1 ring-inset ring-green-200">
          Merge complete: {merged} response{merged === 1 ? "" : "s"} moved into this survey, and the other survey was deleted.
          {mergedLink === "carried" ? " Its share link now opens this survey." : mergedLink === "ends" ? " Its share link no longer works." : ""}
        </p>
      ) : null}
      <p
        data-testid="checkout-status"
        className={
          mine
            ? "mb-6 rounded-md bg-indigo-50 px-4 py-3 text-sm text-indigo-900 ring-1 ring-inset ring-indigo-200"
            : survey.checkedOutById
              ? "mb-6 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200"
              : "mb-6 rounded-md bg-gray-50 px-4 py-3 text-sm text-gray-700 ring-1 ring-inset ring-gray-200"
        }
      >
        {mine
          ? `You have this survey checked out since ${since}. Nobody else can edit it until you check it in.`
          : survey.checkedOutById
            ? `Read-only: checked out by ${holder} since ${since}. Only they can edit it until it is checked in.`
            : "Checked in. Check it out to edit it; answers keep arriving either way."}
      </p>
      {canAskToCheckIn(actor, survey.checkedOutById) ? (
        // #14.12: the reader can ask the holder instead of waiting or forcing.
        <div className="-mt-4 mb-6">
          <ActionButton action={askToCheckInAction} fields={{ org: ctx.org.slug, surveyId: survey.id }} size="sm" pendingLabel="Asking…">
            Ask {holder} to check it in
          </ActionButton>
        </div>
      ) : null}

      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-6">
          <Section id="questions-heading" title={canEditSurvey(actor, survey.checkedOutById) ? "Edit survey" : "Questions"}>
            {canEditSurvey(actor, survey.checkedOutById) ? (
              <SurveyEditor
                orgSlug={ctx.org.slug}
                survey={{ id: survey.id, title: survey.title, description: survey.description, questions: survey.questions }}
              />
            ) : (
              <div className="space-y-4">
                {survey.description ? <p className="whitespace-pre-line text-sm text-gray-700">{survey.description}</p> : null}
                {survey.questions.length ? (
                  <ol className="list-decimal space-y-2 pl-5 text-sm text-gray-900">
                    {survey.questions.map((q) => (
                      <li key={q.id}>
                        {q.text}
                        {q.required ? <span className="ml-2 text-xs text-gray-500">(required)</span> : null}
                      </li>
                    ))}
                  </ol>
                ) : (
                  <p className="text-sm text-gray-500">No questions yet.</p>
                )}
              </div>
            )}
          </Section>

          <Section id="responses-heading" title={`Responses (${survey.responses})`} description="Newest first. Answering never needs a check-out.">
            {responses.rows.length === 0 ? (
              <EmptyState title="No responses yet">Share the survey&apos;s link to collect answers.</EmptyState>
            ) : (
              <ul className="-my-5 divide-y divide-gray-100" aria-label="Responses">
                {responses.rows.map((r) => (
                  <li key={r.id} className="py-4">
                    <p className="text-xs text-gray-500">
                      <span className="font-medium text-gray-800">{r.respondent ?? "Anonymous"}</span> · {formatDateTime(r.submittedAt)}
                    </p>
                    <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)]">
                      {answersOf(r.answers).map(({ key, question, answer }) => (
                        <div key={key} className="contents">
                          <dt className="text-gray-500">{question}</dt>
                          <dd className="whitespace-pre-line break-words text-gray-900">{answer}</dd>
                        </div>
                      ))}
                    </dl>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          {responses.pageCount > 1 ? (
            <Card>
              <Pagination page={responses.page} pageCount={responses.pageCount} href={(p) => `${base}?page=${p}`} summary={`${responses.total} responses`} />
            </Card>
          ) : null}
        </div>
        <aside className="space-y-6">
          <Section id="share-heading" title="Share link">
            <ShareLinkPanel
              orgSlug={ctx.org.slug}
              surveyId={survey.id}
              active={survey.hasShareLink}
              activeSince={survey.shareLinkCreatedAt ? formatDateTime(survey.shareLinkCreatedAt) : null}
              canManage={managesLink}
              url={link?.state === "shown" ? link.url : null}
              hasQuestions={survey.questions.length > 0}
            />
          </Section>
        </aside>
      </div>
    </UnsavedChangesGuard>
  );
}
