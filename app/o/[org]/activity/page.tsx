import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { listAuditEntries, listAuditFilters } from "@/lib/audit/queries";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { z } from "zod";
import { pageParam, parseSearchParams, textParam, uuidParam } from "@/lib/search-params";
import { requireMemberPage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { canReadAudit } from "@/lib/permissions";

export const metadata: Metadata = { title: "Activity" };

function summarize(value: unknown) {
  if (value === null || value === undefined) return "—";
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(", ");
}

const paramsSchema = z.object({ page: pageParam, actor: uuidParam, action: textParam(64) });

/** SPEC A1: Admins read the audit log. */
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
  const actorId = query.actor;
  const action = query.action || undefined;
  const [{ rows, page, pageCount }, filters] = await Promise.all([
    listAuditEntries(ctx, { page: query.page, actorId, action }),
    listAuditFilters(ctx),
  ]);
  const base = `/o/${ctx.org.slug}/activity`;
  const pageHref = (p: number) =>
    `${base}?${new URLSearchParams({ ...(actorId ? { actor: actorId } : {}), ...(action ? { action } : {}), page: String(p) })}`;
  return (
    <>
      <PageHeader title="Activity" description="Every change in this organization: who, what, to whom, before and after, when." />
      <Card>
        <form className="flex flex-wrap items-end gap-3 border-b border-gray-200 p-4" action={base}>
          <div>
            <label htmlFor="filter-actor" className="block text-xs font-medium text-gray-700">
              Member
            </label>
            <select id="filter-actor" name="actor" defaultValue={actorId ?? ""} className={`${inputClass} mt-1 w-56`}>
              <option value="">Everyone</option>
              {filters.actors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.email}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="filter-action" className="block text-xs font-medium text-gray-700">
              Action
            </label>
            <select id="filter-action" name="action" defaultValue={action ?? ""} className={`${inputClass} mt-1 w-56`}>
              <option value="">All actions</option>
              {filters.actions.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            Filter
          </button>
        </form>
        {rows.length === 0 ? (
          <EmptyState title="No activity yet" />
        ) : (
          <Table aria-label="Activity">
            <thead className="bg-gray-50">
              <tr>
                <Th>When</Th>
                <Th>Who</Th>
                <Th>What</Th>
                <Th>To whom</Th>
                <Th>Before</Th>
                <Th>After</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100 bg-white">
              {rows.map((e) => (
                <tr key={e.id}>
                  <Td>{formatDateTime(e.createdAt)}</Td>
                  <Td>{e.actorEmail ?? "system"}</Td>
                  <Td className="font-medium text-gray-900">{e.action}</Td>
                  <Td>{e.targetEmail ?? "—"}</Td>
                  <Td className="whitespace-normal text-xs">{summarize(e.before)}</Td>
                  <Td className="whitespace-normal text-xs">{summarize(e.after)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <Pagination page={page} pageCount={pageCount} href={pageHref} />
      </Card>
    </>
  );
}
