"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { initialFormState } from "@/lib/form-state";
import { cn } from "@/lib/cn";
import { changeTierAction } from "./actions";

type Option = { tier: string; label: string; limit: number | null; fits: boolean };

export function TierForm({ orgSlug, current, options, used }: { orgSlug: string; current: string; options: Option[]; used: number }) {
  const [state, action, pending] = useActionState(changeTierAction, initialFormState);
  return (
    <form action={action} className="space-y-5">
      <input type="hidden" name="org" value={orgSlug} />
      <fieldset>
        <legend className="text-sm font-medium text-gray-900">Tier</legend>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          {options.map((o) => (
            <label
              key={o.tier}
              className={cn(
                "flex cursor-pointer items-start gap-3 rounded-lg p-4 ring-1 ring-gray-200 has-[:checked]:ring-2 has-[:checked]:ring-indigo-600",
              )}
            >
              <input type="radio" name="tier" value={o.tier} defaultChecked={o.tier === current} className="mt-1" />
              <span>
                <span className="block text-sm font-semibold text-gray-900">
                  {o.label} {o.tier === current ? <span className="font-normal text-gray-500">(current)</span> : null}
                </span>
                <span className="block text-sm text-gray-600">{o.limit === null ? "Unlimited seats" : `Up to ${o.limit} seats`}</span>
                {!o.fits ? (
                  <span className="block text-xs text-amber-700">
                    Free {used - (o.limit ?? 0)} seat{used - (o.limit ?? 0) === 1 ? "" : "s"} first
                  </span>
                ) : null}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {state.fieldErrors?.tier ? <p className="text-sm text-red-600">{state.fieldErrors.tier[0]}</p> : null}
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Change tier"}
      </Button>
    </form>
  );
}
