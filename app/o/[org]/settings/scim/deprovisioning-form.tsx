"use client";

import { startTransition, useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, inputClass } from "@/components/ui/field";
import { initialFormState } from "@/lib/form-state";
import { setDeprovisioningAction } from "./actions";

type Admin = { userId: string; label: string };

/**
 * C3: what a SCIM delete does to someone who owns surveys or subscribes to a plan (R5): refuse,
 * or transfer their surveys and plans to an active Admin and then delete. The Admin list is
 * chosen only with the transfer (a disabled select is not sent).
 */
export function DeprovisioningForm({
  orgSlug,
  admins,
  current,
}: {
  orgSlug: string;
  admins: Admin[];
  /** The saved choice; `transferToUserId` only when it still applies (an active Admin). */
  current: { mode: "refuse" | "transfer"; transferToUserId: string | null };
}) {
  const [state, action, pending] = useActionState(setDeprovisioningAction, initialFormState);
  const [mode, setMode] = useState<"refuse" | "transfer">(current.mode);
  const fieldError = state.ok ? undefined : state.fieldErrors?.transferToUserId?.[0];
  const modeError = state.ok ? undefined : state.fieldErrors?.mode?.[0];
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        // Sent by hand, not through `action=`: React resets a form after its action, which would
        // clear the controlled radio buttons of a refused form.
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
    >
      <input type="hidden" name="org" value={orgSlug} />
      <fieldset aria-describedby={modeError ? "deprovisioning-mode-error" : undefined}>
        <legend className="text-sm font-medium text-gray-900">When your identity provider deletes someone who owns surveys or subscribes to a plan</legend>
        <div className="mt-3 space-y-3">
          <label className="flex items-start gap-3 text-sm">
            <input type="radio" name="mode" value="refuse" checked={mode === "refuse"} onChange={() => setMode("refuse")} className="mt-0.5" />
            <span>
              <span className="font-medium text-gray-900">Refuse while the person owns surveys or subscribes to a plan (R5)</span>
              <span className="block text-gray-600">
                They stay a member; the identity provider gets an error that says what to transfer first. Someone who owns nothing is deleted.
              </span>
            </span>
          </label>
          <div className="flex items-start gap-3 text-sm">
            <input
              type="radio"
              id="deprovisioning-transfer"
              name="mode"
              value="transfer"
              checked={mode === "transfer"}
              onChange={() => setMode("transfer")}
              className="mt-0.5"
              aria-describedby="deprovisioning-transfer-hint"
            />
            <div className="min-w-0 flex-1 space-y-2">
              <label htmlFor="deprovisioning-transfer" className="font-medium text-gray-900">
                Transfer their surveys and plans to an Admin, then delete them
              </label>
              <p id="deprovisioning-transfer-hint" className="text-gray-600">
                In the same step: their surveys get the new owner, the plans they subscribe to are reassigned (O4), then Delete User runs.
              </p>
              <div className="max-w-sm space-y-1.5">
                <label htmlFor="field-transferToUserId" className="block text-sm font-medium text-gray-900">
                  Admin who receives them
                </label>
                <select
                  id="field-transferToUserId"
                  name="transferToUserId"
                  className={inputClass}
                  disabled={mode !== "transfer"}
                  defaultValue={current.transferToUserId ?? ""}
                  aria-invalid={fieldError ? true : undefined}
                  aria-describedby={fieldError ? "field-transferToUserId-error" : undefined}
                >
                  <option value="">Choose an Admin</option>
                  {admins.map((a) => (
                    <option key={a.userId} value={a.userId}>
                      {a.label}
                    </option>
                  ))}
                </select>
                {fieldError ? (
                  <p id="field-transferToUserId-error" className="text-sm text-red-600">
                    {fieldError}
                  </p>
                ) : null}
              </div>
            </div>
          </div>
        </div>
        {modeError ? (
          <p id="deprovisioning-mode-error" className="mt-2 text-sm text-red-600">
            {modeError}
          </p>
        ) : null}
      </fieldset>
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save deprovisioning"}
      </Button>
    </form>
  );
}
