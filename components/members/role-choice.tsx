"use client";

import { useId } from "react";
import { roleChangeEffects, roleLabels, roleSummary, type Role } from "@/lib/permissions";

/**
 * Change role's choice (issue 14.7): every role the viewer may set, each described in one line
 * read from the permission table, starting at the member's current role, so that Enter alone
 * changes nothing; once another role is chosen it says what that changes.
 */
export function RoleChoice(props: { current: Role | null; choices: Role[]; value: Role | null; onChange: (role: Role) => void; who: string | null }) {
  const id = useId();
  const effects = props.current && props.value && props.value !== props.current ? roleChangeEffects(props.current, props.value) : null;
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-gray-900">New role</legend>
      {props.choices.map((role) => (
        <label key={role} className="flex cursor-pointer items-start gap-3 rounded-md p-2 ring-1 ring-gray-200 has-[:checked]:bg-indigo-50 has-[:checked]:ring-indigo-300">
          <input
            type="radio"
            name="role"
            value={role}
            required
            checked={props.value === role}
            onChange={() => props.onChange(role)}
            aria-describedby={`${id}-${role}`}
            className="mt-1"
          />
          <span className="text-sm">
            <span className="font-medium text-gray-900">
              {roleLabels[role]}
              {role === props.current ? <span className="font-normal text-gray-600"> (current)</span> : null}
            </span>
            <span id={`${id}-${role}`} className="block text-xs text-gray-600">
              {roleSummary(role)}
            </span>
          </span>
        </label>
      ))}
      {effects ? (
        <div role="status" aria-label="What changes" className="rounded-md bg-gray-50 p-3 text-sm text-gray-700">
          {effects.gains.length ? (
            <p>
              {props.who ?? "They"} will be able to: {effects.gains.join("; ")}.
            </p>
          ) : null}
          {effects.loses.length ? (
            <p>
              {props.who ?? "They"} will no longer: {effects.loses.join("; ")}.
            </p>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}
