"use client";

import { useActionState } from "react";
import { changePlanSeatsAction } from "@/app/o/[org]/plans/actions";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { initialFormState } from "@/lib/form-state";

/** P1: the subscriber or an Admin changes a plan's seats, never below the seats in use. */
export function SeatsForm(props: { orgSlug: string; planId: string; seats: number }) {
  const [state, action, pending] = useActionState(changePlanSeatsAction, initialFormState);
  const error = state.fieldErrors?.seats?.[0] ?? state.formError;
  return (
    <form action={action} className="flex flex-col gap-1" noValidate>
      <input type="hidden" name="org" value={props.orgSlug} />
      <input type="hidden" name="planId" value={props.planId} />
      <div className="flex items-end gap-2">
        <div className="w-24 space-y-1">
          <label htmlFor="plan-seats" className="block text-xs font-medium text-gray-700">
            Plan seats
          </label>
          <input
            id="plan-seats"
            name="seats"
            type="number"
            inputMode="numeric"
            min={1}
            max={10000}
            defaultValue={props.seats}
            key={props.seats}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "plan-seats-error" : undefined}
            className={inputClass}
          />
        </div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Change seats"}
        </Button>
      </div>
      {error ? (
        <p id="plan-seats-error" role="alert" className="max-w-sm text-sm text-red-600">
          {error}
        </p>
      ) : state.ok && state.message ? (
        <p role="status" className="text-sm text-green-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
