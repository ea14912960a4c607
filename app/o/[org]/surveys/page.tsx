import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { MemberPicker } from "@/components/members/member-picker";
import { OwnerFilterActions } from "@/components/surveys/owner-filter-actions";
import { SurveyTable, type SurveyRow } from "@/components/surveys/survey-table";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { requireMemberPage } from "@/lib/auth/session";
import { cn } from "@/lib/cn";
import { displayName, formatDate, formatDateTime } from "@/lib/format";
import { canExportMemberSurveys, canForceCheckIn, canMergeIntoOthersSurveys, canMergeSurveyAway, canTransferSurvey } from "@/lib/permissions";
import { pageParam, parseSearchParams, textParam } from "@/lib/search-params";
import { listSurveys } from "@/lib/surveys/queries";

export const metadata: Metadata = { title: "Surveys" };

const searchSchema = z.object({
  q: textParam(100),
  page: pageParam,
  // "me", or a member's id; anything else means every owner.
  owner: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.union([z.literal("me"), z.uuid()])).optional().catch(undefined),
});

export default async function SurveysPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ org }, sp] = await Promise.all([params, searchParams]);
  const ctx = await requireMemberPage(org);
  const filters = parseSearchParams(searchSchema, sp);
  const { rows, total, page, pageCount, q, ownerFilter } = await listSurveys(ctx, filters);
  const actor = { userId: ctx.user.id, role: ctx.membership.role };
  const base = `/o/${ctx.org.slug}/surveys`;
  const ownerParam = ownerFilter ? (ownerFilter.isMe ? "me" : ownerFilter.id) : undefined;
  const href = (changes: { owner?: string | null; q?: string; page?: number }) => {
    const owner = changes.owner === undefined ? ownerParam : changes.owner;
    const text = changes.q ?? q;
    const search = new URLSearchParams({ ...(owner ? { owner } : {}), ...(text ? { q: text } : {}), ...(changes.page && changes.page > 1 ? { page: String(changes.page) } : {}) });
    return search.size ? `${base}?${search}` : base;
  };
  const ownerLabel = ownerFilter?.member ? displayName(ownerFilter.member) : null;
  const tableRows: SurveyRow[] = rows.map((s) => ({
    id: s.id,
    title: s.title,
    ownerId: s.ownerId,
    ownerName: s.ownerName ?? s.ownerEmail,
    ownerEmail: s.ownerEmail,
    checkedOutById: s.checkedOutById,
    checkedOutByName: s.checkedOutByName ?? s.checkedOutByEmail,
    checkedOutSince: s.checkedOutAt ? formatDateTime(s.checkedOutAt) : null,
    checkedOutByMe: s.checkedOutById === ctx.user.id,
    responses: s.responses,
    updatedOn: formatDate(s.updatedAt),
    canForceCheckIn: canForceCheckIn(actor, s.ownerId),
    canTransfer: canTransferSurvey(actor, s.ownerId),
    // A User merges only surveys they own, both of them: their picker offers only their own.
    canMerge: canMergeSurveyAway(actor, s.ownerId),
  }));
  const tab = (label: string, owner: string | null, active: boolean) => (
    <Link
      href={href({ owner, page: 1 })}
      aria-current={active ? "page" : undefined}
      className={cn(
        "rounded-md px-3 py-2 text-sm font-medium",
        active ? "bg-indigo-50 text-indigo-700" : "text-gray-600 hover:bg-gray-100 hover:text-gray-900",
      )}
    >
      {label}
    </Link>
  );
  return (
    <>
      <PageHeader
        title="Surveys"
        description={`Every survey of ${ctx.org.name}, with its owner and who has it checked out. To edit one, open it and check it out.`}
        actions={
          <Link href={`${base}/new`} className={buttonClass("primary")}>
            New survey
          </Link>
        }
      />
      <Card>
        <div className="flex flex-wrap items-end justify-between gap-3 border-b border-gray-200 p-4">
          <nav aria-label="Survey filters" className="flex gap-1">
            {tab("All surveys", null, !ownerFilter)}
            {tab("Mine", "me", !!ownerFilter?.isMe)}
          </nav>
          <form role="search" action={base} className="flex flex-wrap items-end gap-2">
            <div className="space-y-1.5">
              <label htmlFor="survey-search" className="block text-xs font-medium text-gray-700">
                Search titles
              </label>
              <input
                id="survey-search"
                name="q"
                type="search"
                defaultValue={q}
                maxLength={100}
                placeholder="Part of a title"
                className={`${inputClass} w-56`}
              />
            </div>
            {/* -mb-1.5: the picker keeps room under its input for its list; align the inputs instead. */}
            <div className="-mb-1.5 w-64 [&_label]:text-xs [&_label]:font-medium [&_label]:text-gray-700">
              <MemberPicker
                key={ownerFilter?.id ?? "none"}
                orgSlug={ctx.org.slug}
                name="owner"
                label="Owner"
                placeholder="Any owner"
                defaultValue={ownerFilter?.member ? { userId: ownerFilter.member.userId, name: ownerFilter.member.name, email: ownerFilter.member.email } : null}
              />
            </div>
            <button type="submit" className={buttonClass("secondary")}>
              Filter
            </button>
          </form>
        </div>
        {ownerFilter && !ownerFilter.isMe ? (
          <div className="flex flex-wrap items-center justify-between gap-3 border-b border-gray-200 bg-gray-50 px-4 py-3 text-sm">
            <p className="text-gray-700">
              {ownerLabel ? (
                <>
                  Surveys owned by <span className="font-medium text-gray-900">{ownerLabel}</span>
                  {ownerFilter.member?.status === "suspended" ? " (suspended)" : ""}: {total}
                </>
              ) : (
                "That member is not in this organization."
              )}{" "}
              · <Link href={href({ owner: null, page: 1 })} className="font-medium text-indigo-600 hover:text-indigo-500">Clear filter</Link>
            </p>
            {ownerFilter.member ? (
              <OwnerFilterActions
                orgSlug={ctx.org.slug}
                owner={{ userId: ownerFilter.member.userId, name: ownerLabel ?? ownerFilter.member.email }}
                count={total}
                // The count is of all their surveys only without a title search.
                canTransferAll={!q && canTransferSurvey(actor, ownerFilter.member.userId)}
                exportBase={canExportMemberSurveys(actor.role) ? `/api/orgs/${ctx.org.slug}/members/${ownerFilter.member.userId}/surveys` : null}
              />
            ) : null}
          </div>
        ) : null}
        {rows.length === 0 ? (
          <EmptyState title={q || ownerFilter ? "No surveys match these filters" : "No surveys yet"}>
            {q || ownerFilter ? (
              <Link href={base} className="font-medium text-indigo-600 hover:text-indigo-500">
                Show every survey
              </Link>
            ) : (
              "Create the first one with New survey."
            )}
          </EmptyState>
        ) : (
          <SurveyTable orgSlug={ctx.org.slug} rows={tableRows} mineOnlyMerge={!canMergeIntoOthersSurveys(actor)} />
        )}
        <Pagination page={page} pageCount={pageCount} href={(p) => href({ page: p })} summary={`${total} surveys`} />
      </Card>
    </>
  );
}
