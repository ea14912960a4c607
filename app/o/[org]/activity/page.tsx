import { Download } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { z } from "zod";
import { MemberPicker } from "@/components/members/member-picker";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { auditActionGroups, changedFields, describeAuditEntry } from "@/lib/audit/describe";
import { findAuditActor, listAuditEntries } from "@/lib/audit/queries";
import { requireMemberPage } from "@/lib/auth/session";
import { formatDateTime, formatRelative } from "@/lib/format";
import { canReadAudit } from "@/lib/permissions";
import { dayParam, pageParam, parseSearchParams, textParam, uuidParam } from "@/lib/search-params";

export const metadata: Metadata = { title: "Activity" };

const paramsSchema = z.object({ page: pageParam, actor: uuidParam, action: textParam(64), from: dayParam, to: dayParam });

/**
 * SPEC A1: Admins read the audit log — as sentences with names and relative times (the exact
 * time on hover), the fields an entry changed behind "Show changes", filtered by member, action
 * and date range, paginated in the database, and downloadable as CSV with the same filters.
 */
export default async function ActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ org }, sp] = await Promise.all([params, searchParams]);
  const ctx = await requireMemberPage(org);
  if (!canReadAudit(ctx.membership.role)) forbidden();
  const query = parseSearchParams(paramsSchema, sp);
  // A range given the wrong way round is read the right way round.
  const [from, to] = query.from && query.to && query.from > query.to ? [query.to, query.from] : [query.from, query.to];
  const filters = { actorId: query.actor, action: query.action || undefined, from, to };
  const [{ rows, names, total, page, pageCount }, actor] = await Promise.all([
    listAuditEntries(ctx, { ...filters, page: query.page }),
    filters.actorId ? findAuditActor(ctx, filters.actorId) : null,
  ]);
  const base = `/o/${ctx.org.slug}/activity`;
  const filterParams = {
    ...(filters.actorId ? { actor: filters.actorId } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  const filtered = Object.keys(filterParams).length > 0;
  const pageHref = (p: number) => `${base}?${new URLSearchParams({ ...filterParams, page: String(p) })}`;
  const exportHref = `/api/orgs/${ctx.org.slug}/activity.csv${filtered ? `?${new URLSearchParams(filterParams)}` : ""}`;
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Activity"
        description="Every change in this organization: who did what, to whom, and when."
        actions={
          <a href={exportHref} download className={buttonClass("secondary")}>
            <Download aria-hidden className="h-4 w-4" />
            Export CSV
          </a>
        }
      />
      <Card>
        <form className="grid items-start gap-3 border-b border-gray-200 p-4 sm:grid-cols-2 lg:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)_auto_auto_auto]" action={base}>
          <MemberPicker
            key={filters.actorId ?? "everyone"}
            orgSlug={ctx.org.slug}
            name="actor"
            label="Who"
            placeholder="Everyone"
            defaultValue={actor ? { userId: actor.userId, name: actor.name, email: actor.email } : null}
          />
          <div className="space-y-1.5">
            <label htmlFor="filter-action" className="block text-sm font-medium text-gray-900">
              What
            </label>
            <select id="filter-action" name="action" defaultValue={filters.action ?? ""} className={inputClass}>
              <option value="">Every action</option>
              {auditActionGroups.map((group) => (
                <optgroup key={group.label} label={group.label}>
                  {group.actions.map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div className="space-y-1.5">
            <label htmlFor="filter-from" className="block text-sm font-medium text-gray-900">
              From
            </label>
            <input id="filter-from" type="date" name="from" defaultValue={from ?? ""} className={inputClass} />
          </div>
          <div className="space-y-1.5">
            <label htmlFor="filter-to" className="block text-sm font-medium text-gray-900">
              To
            </label>
            <input id="filter-to" type="date" name="to" defaultValue={to ?? ""} className={inputClass} />
          </div>
          {/* Below the labels' line, level with the fields. */}
          <div className="flex gap-2 sm:col-span-2 lg:col-span-1 lg:pt-[1.625rem]">
            <button type="submit" className={buttonClass("secondary")}>
              Filter
            </button>
            {filtered ? (
              <Link href={base} className={buttonClass("ghost")}>
                Clear
              </Link>
            ) : null}
          </div>
        </form>
        <p className="border-b border-gray-200 px-4 py-2 text-xs text-gray-500" aria-live="polite">
          {total} {total === 1 ? "entry" : "entries"}
          {filtered ? " match these filters" : ""} · times in UTC
        </p>
        {rows.length === 0 ? (
          <EmptyState title={filtered ? "Nothing matches these filters" : "No activity yet"}>
            {filtered ? "Widen the date range or clear a filter." : "Changes to members, invitations, plans and surveys will appear here."}
          </EmptyState>
        ) : (
          <ol aria-label="Activity" className="divide-y divide-gray-100">
            {rows.map((entry) => {
              const sentence = describeAuditEntry(entry, names);
              const changes = changedFields(entry, names, formatDateTime);
              return (
                <li key={entry.id} className="px-4 py-3">
                  <div className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
                    <p className="min-w-0 text-sm text-gray-800 [overflow-wrap:anywhere]">
                      {sentence.map((part, i) =>
                        typeof part === "string" ? (
                          <span key={i}>{part}</span>
                        ) : (
                          <strong key={i} className="font-semibold text-gray-900">
                            {part.name}
                          </strong>
                        ),
                      )}
                    </p>
                    <time dateTime={entry.createdAt.toISOString()} title={formatDateTime(entry.createdAt)} className="shrink-0 text-xs text-gray-500">
                      {formatRelative(entry.createdAt, now)}
                    </time>
                  </div>
                  {changes.length ? (
                    <details className="group mt-1">
                      <summary className="cursor-pointer text-xs font-medium text-indigo-600 hover:text-indigo-500">
                        Show changes ({changes.length})
                      </summary>
                      <table className="mt-2 w-full max-w-2xl table-fixed text-xs">
                        <caption className="sr-only">What changed</caption>
                        <thead>
                          <tr className="text-left text-gray-500">
                            <th scope="col" className="w-1/4 py-1 pr-3 font-medium">
                              Field
                            </th>
                            <th scope="col" className="py-1 pr-3 font-medium">
                              Before
                            </th>
                            <th scope="col" className="py-1 font-medium">
                              After
                            </th>
                          </tr>
                        </thead>
                        <tbody className="align-top text-gray-700">
                          {changes.map((c) => (
                            <tr key={c.field}>
                              <th scope="row" className="py-1 pr-3 text-left font-medium text-gray-900">
                                {c.field}
                              </th>
                              <td className="py-1 pr-3 [overflow-wrap:anywhere]">{c.before}</td>
                              <td className="py-1 [overflow-wrap:anywhere]">{c.after}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </details>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
        <Pagination page={page} pageCount={pageCount} href={pageHref} />
      </Card>
    </>
  );
}
