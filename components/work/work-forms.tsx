"use client";

import { useActionState, useState } from "react";
import { createWorkflowAction, sendTaskAction } from "@/app/o/[org]/plans/actions";
import { MemberPicker } from "@/components/members/member-picker";
import { Button } from "@/components/ui/button";
import { FormMessage, inputClass } from "@/components/ui/field";
import { initialFormState } from "@/lib/form-state";

/** §6: start a workflow (needs the product's "workflows.create" permission, checked on the server). */
export function CreateWorkflowForm(props: { orgSlug: string; planId: string }) {
  const [state, action, pending] = useActionState(createWorkflowAction, initialFormState);
  const error = state.fieldErrors?.title?.[0];
  return (
    <form action={action} className="space-y-2" noValidate key={state.ok ? state.message : "form"}>
      <input type="hidden" name="org" value={props.orgSlug} />
      <input type="hidden" name="planId" value={props.planId} />
      <label htmlFor="workflow-title" className="block text-sm font-medium text-gray-900">
        New workflow
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id="workflow-title"
          name="title"
          maxLength={200}
          placeholder="Quarterly evaluation of Bolt Supply Co"
          defaultValue={state.ok ? "" : state.values?.title}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "workflow-title-error" : undefined}
          className={`${inputClass} max-w-md flex-1`}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create workflow"}
        </Button>
      </div>
      {error ? (
        <p id="workflow-title-error" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
      <FormMessage state={{ ...state, formError: error ? undefined : state.formError }} />
    </form>
  );
}

/** §6: send a task to a user of the plan (needs "tasks.send"), inside this workflow. */
export function SendTaskForm(props: { orgSlug: string; planId: string; workflowId: string }) {
  const [state, action, pending] = useActionState(sendTaskAction, initialFormState);
  const [round, setRound] = useState(0);
  const [lastState, setLastState] = useState(state);
  if (state !== lastState) {
    setLastState(state);
    if (state.ok) setRound((r) => r + 1);
  }
  const error = (name: string) => state.fieldErrors?.[name]?.[0];
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="org" value={props.orgSlug} />
      <input type="hidden" name="planId" value={props.planId} />
      <input type="hidden" name="workflowId" value={props.workflowId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <MemberPicker
          key={round}
          orgSlug={props.orgSlug}
          name="assigneeId"
          label="Assign to"
          placeholder="Type a plan user's name"
          onPlanId={props.planId}
          error={error("assigneeId")}
        />
        <div className="space-y-1.5">
          <label htmlFor="task-title" className="block text-sm font-medium text-gray-900">
            Task
          </label>
          <input
            key={round}
            id="task-title"
            name="title"
            maxLength={200}
            placeholder="Upload the alloy certificate"
            defaultValue={state.ok ? "" : state.values?.title}
            aria-invalid={error("title") ? true : undefined}
            aria-describedby={error("title") ? "task-title-error" : undefined}
            className={inputClass}
          />
          {error("title") ? (
            <p id="task-title-error" className="text-sm text-red-600">
              {error("title")}
            </p>
          ) : null}
        </div>
      </div>
      <FormMessage state={{ ...state, formError: error("title") || error("assigneeId") ? undefined : state.formError }} />
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send task"}
      </Button>
    </form>
  );
}
