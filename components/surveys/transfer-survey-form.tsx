"use client";

import { useActionState } from "react";
import { transferSurveyAction } from "@/app/o/[org]/surveys/actions";
import { Button } from "@/components/ui/button";
import { MemberPicker } from "@/components/members/member-picker";
import { initialFormState } from "@/lib/form-state";

/** SPEC S2 transfer: pick the member who will own the survey. */
export function TransferSurveyForm(props: {
  orgSlug: string;
  surveyId: string;
  surveyTitle: string;
  ownerId: string;
}) {
  const [state, action, pending] = useActionState(transferSurveyAction, initialFormState);
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-2">
      <input type="hidden" name="org" value={props.orgSlug} />
      <input type="hidden" name="surveyId" value={props.surveyId} />
      <div className="w-56">
        <MemberPicker
          orgSlug={props.orgSlug}
          name="toUserId"
          label={`New owner of ${props.surveyTitle}`}
          hideLabel
          placeholder="Transfer to…"
          excludeUserIds={[props.ownerId]}
        />
      </div>
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
