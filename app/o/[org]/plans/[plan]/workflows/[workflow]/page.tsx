import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { TaskTable } from "@/components/work/task-table";
import { SendTaskForm } from "@/components/work/work-forms";
import { formatDate } from "@/lib/format";
import { canCompleteTask } from "@/lib/permissions";
import { pageParam, parseSearchParams } from "@/lib/search-params";
import { requirePlanAreaPage } from "@/lib/work/page";
import { loadWorkflow } from "@/lib/work/queries";

export const metadata: Metadata = { title: "Workflow" };

/** One workflow of the product area (§6): its tasks, Send task (P5 "tasks.send"), Mark done. */
export default async function WorkflowPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; plan: string; workflow: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ org, plan: planId, workflow: workflowId }, raw] = await Promise.all([params, searchParams]);
  const { ctx, area } = await requirePlanAreaPage(org, planId);
  if (!z.uuid().safeParse(workflowId).success) notFound();
  const { page } = parseSearchParams(z.object({ page: pageParam }), raw);
  const loaded = await loadWorkflow(area, workflowId, { page });
  if (!loaded) notFound();
  const { workflow, tasks } = loaded;
  const base = `/o/${ctx.org.slug}/plans/${area.plan.id}`;
  const me = area.me.userId;
  return (
    <>
      <PageHeader
        title={workflow.title}
        description={`${area.plan.productName} · ${workflow.ownerId === me ? "Your workflow" : `${workflow.ownerName}'s workflow`} · started ${formatDate(workflow.createdAt)}`}
        actions={
          <Link href={base} className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
            Back to {area.plan.productName}
          </Link>
        }
      />
      <div className="space-y-6">
        {area.can("tasks.send") ? (
          <Card className="p-5">
            <h2 className="mb-3 text-base font-semibold text-gray-900">Send a task</h2>
            <SendTaskForm orgSlug={ctx.org.slug} planId={area.plan.id} workflowId={workflow.id} />
          </Card>
        ) : null}
        <Card>
          {tasks.rows.length === 0 ? (
            <EmptyState title="No tasks in this workflow yet" />
          ) : (
            <TaskTable
              orgSlug={ctx.org.slug}
              planId={area.plan.id}
              label="Tasks"
              showWorkflow={false}
              whenLabel="Sent"
              rows={tasks.rows.map((t) => ({
                id: t.id,
                title: t.title,
                state: t.state,
                when: formatDate(t.createdAt),
                workflowId: t.workflowId,
                workflowTitle: t.workflowTitle,
                canOpenWorkflow: true,
                senderName: t.senderId === me ? "You" : t.senderName,
                assigneeName: t.assigneeId === me ? "You" : t.assigneeName,
                canComplete: canCompleteTask(me, t),
              }))}
            />
          )}
          <Pagination page={tasks.page} pageCount={tasks.pageCount} href={(p) => `${base}/workflows/${workflow.id}?page=${p}`} summary={`${tasks.total} tasks`} />
        </Card>
      </div>
    </>
  );
}
