"use client";

import { useActionState } from "react";
import { transferSurveyAction } from "@/app/o/[org]/surveys/actions";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { initialFormState } from "@/lib/form-state";

/** SPEC S2 transfer: pick the member who will own the survey. */
export function TransferSurveyForm(props: {
  orgSlug: string;
  surveyId: string;
  surveyTitle: string;
  ownerId: string;
  members: { userId: string; label: string }[];
}) {
  const [state, action, pending] = useActionState(transferSurveyAction, initialFormState);
  const id = `transfer-${props.surveyId}`;
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-2">
      <input type="hidden" name="org" value={props.orgSlug} />
      <input type="hidden" name="surveyId" value={props.surveyId} />
      <label htmlFor={id} className="sr-only">
        New owner of {props.surveyTitle}
      </label>
      <select id={id} name="toUserId" className={`${inputClass} w-40 py-1 text-xs`} defaultValue="">
        <option value="" disabled>
          Transfer to…
        </option>
        {props.members
          .filter((m) => m.userId !== props.ownerId)
          .map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.label}
            </option>
          ))}
      </select>
      <Button type="submit" variant="secondary" size="sm" disabled={pending} aria-label={`Transfer ${props.surveyTitle}`}>
        Transfer
      </Button>
      </div>
      {state.formError ? (
        <p role="alert" className="max-w-xs whitespace-normal text-right text-xs text-red-600">
          {state.formError}
        </p>
      ) : state.ok ? (
        <p role="status" className="text-right text-xs text-green-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
