"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { initialFormState } from "@/lib/form-state";
import { removeGroupMappingAction, setGroupMappingAction } from "./actions";

type Option = { value: string; label: string; disabled?: boolean; note?: string };

/**
 * C4: map a group name to a role or to a plan's users. One "Maps to" select holds both (its
 * option groups say which is which); the server checks the plan, the name and the rule again.
 */
export function GroupMappingForm({ orgSlug, roles, plans }: { orgSlug: string; roles: Option[]; plans: Option[] }) {
  const [state, action, pending] = useActionState(setGroupMappingAction, initialFormState);
  const error = (name: string) => (state.ok ? undefined : state.fieldErrors?.[name]?.[0]);
  const targetError = error("target");
  return (
    <div className="space-y-3">
      <form action={action} className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
        <input type="hidden" name="org" value={orgSlug} />
        <Field
          label="Group name"
          name="groupName"
          required
          maxLength={255}
          placeholder="Sales EMEA"
          defaultValue={state.ok ? "" : state.values?.groupName}
          error={error("groupName")}
          hint="Exactly as your identity provider pushes it (upper and lower case do not matter)."
          autoComplete="off"
        />
        <Field label="Maps to" name="target" error={targetError}>
          <select
            id="field-target"
            name="target"
            required
            className={inputClass}
            defaultValue={state.ok ? "" : (state.values?.target ?? "")}
            aria-invalid={targetError ? true : undefined}
            aria-describedby={targetError ? "field-target-error" : undefined}
          >
            <option value="" disabled>
              Choose a role or a plan
            </option>
            <optgroup label="Role">
              {roles.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
            {plans.length ? (
              <optgroup label="Users of a plan">
                {plans.map((o) => (
                  <option key={o.value} value={o.value} disabled={o.disabled}>
                    {o.label}
                    {o.note ? ` (${o.note})` : ""}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
        </Field>
        <Button type="submit" disabled={pending} className="sm:mt-7">
          {pending ? "Saving…" : "Save mapping"}
        </Button>
      </form>
      <FormMessage state={state} />
    </div>
  );
}

/** Removing a mapping: the group goes back to its default meaning (none for a name without one). */
export function RemoveGroupMappingButton({ orgSlug, mappingId, groupName }: { orgSlug: string; mappingId: string; groupName: string }) {
  const [state, action, pending] = useActionState(removeGroupMappingAction, initialFormState);
  return (
    <form action={action} className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="org" value={orgSlug} />
      <input type="hidden" name="mappingId" value={mappingId} />
      <Button type="submit" variant="secondary" size="sm" disabled={pending} aria-label={`Remove the mapping of ${groupName}`}>
        {pending ? "Removing…" : "Remove"}
      </Button>
      {state.formError ? (
        <span role="alert" className="max-w-xs whitespace-normal text-xs text-red-600">
          {state.formError}
        </span>
      ) : null}
    </form>
  );
}
