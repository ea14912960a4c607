import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { AreaTabs } from "@/components/work/area-tabs";
import { TaskTable } from "@/components/work/task-table";
import { CreateWorkflowForm } from "@/components/work/work-forms";
import { formatDate } from "@/lib/format";
import { canCompleteTask, canManagePlanUsers } from "@/lib/permissions";
import { productPermissionLabels } from "@/lib/work/labels";
import { requirePlanAreaPage } from "@/lib/work/page";
import { countBoxes, listTasks, listWorkflows } from "@/lib/work/queries";
import { enumParam, pageParam, parseSearchParams, uuidParam } from "@/lib/search-params";

export const metadata: Metadata = { title: "Product area" };

const searchSchema = z.object({
  view: enumParam(["workflows", "inbox", "outbox", "done"] as const),
  owner: uuidParam,
  page: pageParam,
});

/**
 * The product area of a plan (SPEC §6): only its users open it, and what they see and do follows
 * their permissions (P5), read again on every request. Workflows; the Inbox and Outbox of tasks.
 */
export default async function ProductAreaPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; plan: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ org, plan: planId }, raw] = await Promise.all([params, searchParams]);
  const { ctx, area } = await requirePlanAreaPage(org, planId);
  const sp = parseSearchParams(searchSchema, raw);
  const view = sp.view ?? "workflows";
  const base = `/o/${ctx.org.slug}/plans/${area.plan.id}`;
  const [boxes, labels] = await Promise.all([countBoxes(area), productPermissionLabels(area.plan.productId)]);
  const viewAll = area.can("workflows.view_all");
  const held = area.me.isSubscriber ? "every permission, as its subscriber" : area.me.granted.map((k) => labels.get(k) ?? k).join(", ") || "no permissions beyond your own tasks";
  return (
    <>
      <PageHeader
        title={area.plan.productName}
        description={`Your part: ${held}.`}
        actions={
          canManagePlanUsers({ userId: ctx.user.id, role: ctx.membership.role }, area.plan.subscriberId) ? (
            <Link href={`${base}/users`} className={buttonClass("secondary")}>
              Manage Users
            </Link>
          ) : null
        }
      />
      <AreaTabs base={base} current={view} inbox={boxes.inbox} outbox={boxes.outbox} />
      {view === "workflows" ? (
        <WorkflowsView base={base} orgSlug={ctx.org.slug} area={area} owner={viewAll ? sp.owner : undefined} page={sp.page} viewAll={viewAll} />
      ) : (
        <TasksView base={base} orgSlug={ctx.org.slug} area={area} box={view} page={sp.page} />
      )}
    </>
  );
}

async function WorkflowsView(props: {
  base: string;
  orgSlug: string;
  area: Awaited<ReturnType<typeof requirePlanAreaPage>>["area"];
  owner?: string;
  page: number;
  viewAll: boolean;
}) {
  const list = await listWorkflows(props.area, { ownerId: props.owner, page: props.page });
  const pageHref = (p: number) => `${props.base}?${new URLSearchParams({ ...(props.owner ? { owner: props.owner } : {}), page: String(p) })}`;
  return (
    <div className="space-y-6">
      {props.area.can("workflows.create") ? (
        <Card className="p-5">
          <CreateWorkflowForm orgSlug={props.orgSlug} planId={props.area.plan.id} />
        </Card>
      ) : null}
      <Card>
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-gray-200 px-4 py-3 text-sm">
          <p className="text-gray-600">
            {props.owner
              ? `Workflows of ${list.rows[0]?.ownerName ?? "one user"}`
              : props.viewAll
                ? "Every plan user's workflows"
                : "Your workflows"}
          </p>
          {props.owner ? (
            <Link href={props.base} className="font-medium text-indigo-600 hover:text-indigo-500">
              Show everyone&apos;s
            </Link>
          ) : null}
        </div>
        {list.rows.length === 0 ? (
          <EmptyState title="No workflows yet">
            {props.area.can("workflows.create") ? "Start one above." : "Workflows you own, or that you may see, appear here."}
          </EmptyState>
        ) : (
          <Table aria-label="Workflows">
            <thead className="bg-gray-50">
              <tr>
                <Th>Workflow</Th>
                <Th>Owner</Th>
                <Th>Open tasks</Th>
                <Th>Done</Th>
                <Th>Started</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100 bg-white">
              {list.rows.map((w) => (
                <tr key={w.id}>
                  <Td className="whitespace-normal">
                    <Link href={`${props.base}/workflows/${w.id}`} className="font-medium text-indigo-700 hover:text-indigo-500">
                      {w.title}
                    </Link>
                  </Td>
                  <Td>
                    {props.viewAll ? (
                      <Link href={`${props.base}?owner=${w.ownerId}`} className="hover:text-indigo-600">
                        {w.ownerName}
                      </Link>
                    ) : (
                      w.ownerName
                    )}
                  </Td>
                  <Td>{w.openTasks}</Td>
                  <Td>{w.doneTasks}</Td>
                  <Td>{formatDate(w.createdAt)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <Pagination page={list.page} pageCount={list.pageCount} href={pageHref} summary={`${list.total} workflows`} />
      </Card>
    </div>
  );
}

const boxCopy = {
  inbox: { label: "Inbox", empty: "No open tasks for you", hint: "Tasks sent to you appear here until they are done.", when: "Received" },
  outbox: { label: "Outbox", empty: "No open tasks you sent", hint: "Tasks you send stay here until they are done.", when: "Sent" },
  done: { label: "Done tasks", empty: "Nothing done yet", hint: "Tasks you sent or received move here when they are done.", when: "Done" },
} as const;

async function TasksView(props: {
  base: string;
  orgSlug: string;
  area: Awaited<ReturnType<typeof requirePlanAreaPage>>["area"];
  box: "inbox" | "outbox" | "done";
  page: number;
}) {
  const list = await listTasks(props.area, props.box, { page: props.page });
  const copy = boxCopy[props.box];
  const me = props.area.me.userId;
  return (
    <Card>
      {list.rows.length === 0 ? (
        <EmptyState title={copy.empty}>{copy.hint}</EmptyState>
      ) : (
        <TaskTable
          orgSlug={props.orgSlug}
          planId={props.area.plan.id}
          label={copy.label}
          showWorkflow
          whenLabel={copy.when}
          rows={list.rows.map((t) => ({
            id: t.id,
            title: t.title,
            state: t.state,
            when: formatDate(props.box === "done" && t.doneAt ? t.doneAt : t.createdAt),
            workflowId: t.workflowId,
            workflowTitle: t.workflowTitle,
            canOpenWorkflow: t.canOpenWorkflow,
            senderName: t.senderId === me ? "You" : t.senderName,
            assigneeName: t.assigneeId === me ? "You" : t.assigneeName,
            canComplete: canCompleteTask(me, t),
          }))}
        />
      )}
      <Pagination page={list.page} pageCount={list.pageCount} href={(p) => `${props.base}?view=${props.box}&page=${p}`} summary={`${list.total} tasks`} />
    </Card>
  );
}
