import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { listAuditEntries } from "@/lib/audit/queries";
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

/** SPEC A1: Admins read the audit log. */
export default async function ActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const [{ org }, sp] = await Promise.all([params, searchParams]);
  const ctx = await requireMemberPage(org);
  if (!canReadAudit(ctx.membership.role)) notFound();
  const { rows, page, pageCount } = await listAuditEntries(ctx, { page: Number(sp.page) || 1 });
  const base = `/o/${ctx.org.slug}/activity`;
  return (
    <>
      <PageHeader title="Activity" description="Every change in this organization: who, what, to whom, before and after, when." />
      <Card>
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
        {pageCount > 1 ? (
          <nav aria-label="Pagination" className="flex justify-between border-t border-gray-200 px-4 py-3 text-sm">
            <span>
              Page {page} of {pageCount}
            </span>
            <span className="flex gap-3">
              {page > 1 ? <Link href={`${base}?page=${page - 1}`}>Previous</Link> : null}
              {page < pageCount ? <Link href={`${base}?page=${page + 1}`}>Next</Link> : null}
            </span>
          </nav>
        ) : null}
      </Card>
    </>
  );
}
