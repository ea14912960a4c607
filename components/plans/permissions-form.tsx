"use client";

import { useActionState } from "react";
import { updatePlanUserPermissionsAction } from "@/app/o/[org]/plans/actions";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { initialFormState } from "@/lib/form-state";

/** Edit User Permissions (P5): one checkbox per permission of the product, with what it allows. */
export function PermissionsForm(props: {
  orgSlug: string;
  planId: string;
  planUserId: string;
  permissions: { key: string; label: string; description: string }[];
  granted: string[];
}) {
  const [state, action, pending] = useActionState(updatePlanUserPermissionsAction, initialFormState);
  const error = state.fieldErrors?.permissions?.[0];
  return (
    <form action={action} className="space-y-5">
      <input type="hidden" name="org" value={props.orgSlug} />
      <input type="hidden" name="planId" value={props.planId} />
      <input type="hidden" name="planUserId" value={props.planUserId} />
      <fieldset aria-describedby={error ? "permissions-error" : undefined}>
        <legend className="text-sm font-medium text-gray-900">Permissions</legend>
        <div className="mt-3 space-y-4">
          {props.permissions.map((p) => (
            <div key={p.key} className="flex items-start gap-3">
              <input
                id={`perm-${p.key}`}
                type="checkbox"
                name="permissions"
                value={p.key}
                defaultChecked={props.granted.includes(p.key)}
                aria-describedby={`perm-${p.key}-hint`}
                className="mt-0.5 h-4 w-4 rounded border-gray-300 text-indigo-600 focus:ring-indigo-600"
              />
              <label htmlFor={`perm-${p.key}`} className="text-sm">
                <span className="font-medium text-gray-900">{p.label}</span>
                <span id={`perm-${p.key}-hint`} className="block text-gray-500">
                  {p.description}
                </span>
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {error ? (
        <p id="permissions-error" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
      <FormMessage state={{ ...state, formError: error ? undefined : state.formError }} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save permissions"}
      </Button>
    </form>
  );
}
