"use client";

import Link from "next/link";
import { useActionState } from "react";
import { completeTaskAction } from "@/app/o/[org]/plans/actions";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { initialFormState } from "@/lib/form-state";

export type TaskRow = {
  id: string;
  title: string;
  state: "open" | "done";
  when: string;
  workflowId: string | null;
  workflowTitle: string | null;
  canOpenWorkflow: boolean;
  senderName: string;
  assigneeName: string;
  canComplete: boolean;
};

/**
 * A list of tasks (§6 Inbox, Outbox, done, or a workflow's): one client component for the table,
 * with one form action for every row's Mark done and its answer shown on the row it concerns.
 */
/** Columns shown from `sm` up (a priority-column table on phones). */
const wide = "hidden sm:table-cell";

export function TaskTable(props: { orgSlug: string; planId: string; label: string; rows: TaskRow[]; showWorkflow: boolean; whenLabel: string }) {
  const [state, action, pending] = useActionState(completeTaskAction, initialFormState);
  const answered = (state.ok ? (state.data as { taskId?: string } | undefined)?.taskId : state.values?.taskId) ?? null;
  const areaBase = `/o/${props.orgSlug}/plans/${props.planId}`;
  return (
    <Table aria-label={props.label}>
      <thead className="bg-gray-50">
        <tr>
          <Th>Task</Th>
          {/* On a phone the task's cell carries these, and Mark done stays on screen. */}
          {props.showWorkflow ? <Th className={wide}>Workflow</Th> : null}
          <Th className={wide}>From</Th>
          <Th className={wide}>To</Th>
          <Th className={wide}>{props.whenLabel}</Th>
          <Th className="text-right">
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-gray-100 bg-white">
        {props.rows.map((task) => (
          <tr key={task.id}>
            <Td className="whitespace-normal font-medium text-gray-900">
              {task.title}
              <span className="mt-0.5 block text-xs font-normal text-gray-500 sm:hidden">
                {props.showWorkflow && task.workflowTitle ? `${task.workflowTitle} · ` : ""}from {task.senderName} to {task.assigneeName} · {task.when}
              </span>
            </Td>
            {props.showWorkflow ? (
              <Td className={`${wide} whitespace-normal`}>
                {task.workflowId && task.canOpenWorkflow ? (
                  <Link href={`${areaBase}/workflows/${task.workflowId}`} className="text-indigo-700 hover:text-indigo-500">
                    {task.workflowTitle}
                  </Link>
                ) : (
                  <span className="text-gray-500">{task.workflowTitle ?? "—"}</span>
                )}
              </Td>
            ) : null}
            <Td className={wide}>{task.senderName}</Td>
            <Td className={wide}>{task.assigneeName}</Td>
            <Td className={wide}>{task.when}</Td>
            <Td className="text-right">
              {task.state === "done" ? (
                <Badge tone="green">Done</Badge>
              ) : task.canComplete ? (
                <form action={action} className="inline-flex flex-col items-end gap-1">
                  <input type="hidden" name="org" value={props.orgSlug} />
                  <input type="hidden" name="planId" value={props.planId} />
                  <input type="hidden" name="taskId" value={task.id} />
                  <Button type="submit" size="sm" variant="secondary" disabled={pending} aria-label={`Mark "${task.title}" done`}>
                    Mark done
                  </Button>
                  {answered === task.id && !state.ok && state.formError ? (
                    <span role="alert" className="max-w-xs whitespace-normal text-xs text-red-600">
                      {state.formError}
                    </span>
                  ) : null}
                </form>
              ) : (
                <Badge tone="amber">Open</Badge>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
