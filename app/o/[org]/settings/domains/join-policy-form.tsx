"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { initialFormState } from "@/lib/form-state";
import { setJoinPolicyAction } from "./actions";

/** D2: who may join through this verified domain. */
export function JoinPolicyForm({ orgSlug, domainId, domain, current }: { orgSlug: string; domainId: string; domain: string; current: string }) {
  const [state, action, pending] = useActionState(setJoinPolicyAction, initialFormState);
  const id = `policy-${domainId}`;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="org" value={orgSlug} />
      <input type="hidden" name="domainId" value={domainId} />
      <label htmlFor={id} className="sr-only">
        Who may join through {domain}
      </label>
      <select id={id} name="joinPolicy" defaultValue={current} className="rounded-md border-0 py-1.5 pl-2 pr-8 text-sm ring-1 ring-inset ring-gray-300">
        <option value="off">Off: invitations only</option>
        <option value="join">Anyone at {domain} may join as User</option>
        <option value="ask">Anyone at {domain} may ask to join</option>
      </select>
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
      {state.formError ? (
        <span role="alert" className="text-xs text-red-600">{state.formError}</span>
      ) : state.ok && state.message ? (
        <span role="status" className="text-xs text-green-700">Saved</span>
      ) : null}
    </form>
  );
}
