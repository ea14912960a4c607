"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";
import { initialFormState } from "@/lib/form-state";
import { addDomainAction } from "./actions";

/** D1: the domain and the address at it where the verification link goes. */
export function AddDomainForm({ orgSlug }: { orgSlug: string }) {
  const [state, action, pending] = useActionState(addDomainAction, initialFormState);
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="org" value={orgSlug} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Domain" name="domain" placeholder="acme.com" defaultValue={values.domain} error={state.fieldErrors?.domain} autoComplete="off" required />
        <Field
          label="Send the verification link to"
          name="email"
          type="email"
          placeholder="it@acme.com"
          defaultValue={values.email}
          error={state.fieldErrors?.email}
          hint="An address at that domain that you or your IT team can read."
          required
        />
      </div>
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Add domain"}
      </Button>
    </form>
  );
}
