import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PlanUserNav } from "@/components/plans/plan-user-nav";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import { requirePlanUserPage } from "@/lib/plans/plan-user-page";
import { listUserWorkflows } from "@/lib/plans/queries";
import { pageParam, parseSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Workflows of a user" };

/** See workflows for this user (SPEC P4): the plan's managers review one user's workflows in the plan. */
export default async function PlanUserWorkflowsPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; plan: string; planUser: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ org, plan: planId, planUser }, raw] = await Promise.all([params, searchParams]);
  const { ctx, plan, place } = await requirePlanUserPage(org, planId, planUser);
  if (!place.userId) notFound();
  const { page } = parseSearchParams(z.object({ page: pageParam }), raw);
  const list = await listUserWorkflows(ctx, plan.id, place.userId, { page });
  const base = `/o/${ctx.org.slug}/plans/${plan.id}/users/${place.planUserId}`;
  return (
    <>
      <PageHeader
        title={`Workflows of ${place.displayName}`}
        description={`${place.displayName}'s workflows in ${plan.productName}, newest first.`}
        actions={
          <Link href={`/o/${ctx.org.slug}/plans/${plan.id}/users`} className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
            Back to Manage Users
          </Link>
        }
      />
      <PlanUserNav base={base} current="workflows" hasAccount />
      <Card>
        {list.rows.length === 0 ? (
          <EmptyState title={`${place.displayName} has no workflows in ${plan.productName}`} />
        ) : (
          <Table aria-label={`Workflows of ${place.displayName}`}>
            <thead className="bg-gray-50">
              <tr>
                <Th>Workflow</Th>
                <Th>Open tasks</Th>
                <Th>Done</Th>
                <Th>Started</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100 bg-white">
              {list.rows.map((w) => (
                <tr key={w.id}>
                  <Td className="whitespace-normal font-medium text-gray-900">{w.title}</Td>
                  <Td>{w.openTasks}</Td>
                  <Td>{w.doneTasks}</Td>
                  <Td>{formatDate(w.createdAt)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <Pagination page={list.page} pageCount={list.pageCount} href={(p) => `${base}/workflows?page=${p}`} summary={`${list.total} workflows`} />
      </Card>
    </>
  );
}
