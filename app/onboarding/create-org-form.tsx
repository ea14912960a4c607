"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";
import { initialFormState } from "@/lib/form-state";
import { createOrganizationAction } from "./actions";

export function CreateOrgForm() {
  const [state, action, pending] = useActionState(createOrganizationAction, initialFormState);
  return (
    <form action={action} className="space-y-5" noValidate>
      <Field
        label="Organization name"
        name="name"
        required
        maxLength={80}
        placeholder="Acme Castings"
        autoComplete="organization"
        defaultValue={state.values?.name}
        error={state.fieldErrors?.name}
      />
      <FormMessage state={state} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating…" : "Create organization"}
      </Button>
    </form>
  );
}
