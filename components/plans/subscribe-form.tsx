"use client";

import { useActionState } from "react";
import { subscribeAction } from "@/app/o/[org]/products/actions";
import { Button } from "@/components/ui/button";
import { FormMessage, inputClass } from "@/components/ui/field";
import { initialFormState } from "@/lib/form-state";

/** P1: subscribe to one product; "several"-user products ask for their seats. */
export function SubscribeForm(props: {
  orgSlug: string;
  productId: string;
  productName: string;
  asksSeats: boolean;
  /** The plan seats to start with (lib/tiers defaultPlanSeats: within the tier, #14.8). */
  defaultSeats: number;
  /** One line on how plan seats relate to the organization's seats. */
  seatsHint: string;
}) {
  const [state, action, pending] = useActionState(subscribeAction, initialFormState);
  const seatsError = state.fieldErrors?.seats?.[0];
  const id = `seats-${props.productId}`;
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="org" value={props.orgSlug} />
      <input type="hidden" name="productId" value={props.productId} />
      <div className="flex items-end gap-2">
        {props.asksSeats ? (
          <div className="w-28 space-y-1">
            <label htmlFor={id} className="block text-xs font-medium text-gray-700">
              Seats
            </label>
            <input
              id={id}
              name="seats"
              type="number"
              inputMode="numeric"
              min={1}
              max={10000}
              defaultValue={state.values?.seats ?? String(props.defaultSeats)}
              aria-invalid={seatsError ? true : undefined}
              aria-describedby={seatsError ? `${id}-error ${id}-hint` : `${id}-hint`}
              className={inputClass}
            />
          </div>
        ) : null}
        <Button type="submit" disabled={pending} aria-label={`Subscribe to ${props.productName}`}>
          {pending ? "Subscribing…" : "Subscribe"}
        </Button>
      </div>
      {props.asksSeats ? (
        <p id={`${id}-hint`} className="text-xs text-gray-500">
          {props.seatsHint}
        </p>
      ) : null}
      {seatsError ? (
        <p id={`${id}-error`} className="text-sm text-red-600">
          {seatsError}
        </p>
      ) : null}
      {state.ok ? null : <FormMessage state={{ ...state, formError: seatsError ? undefined : state.formError }} />}
    </form>
  );
}
