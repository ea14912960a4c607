"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";
import { initialFormState } from "@/lib/form-state";
import { createOrganizationAction } from "./actions";

/** I5: the organization's name, and the person's own name when they have none yet. */
export function CreateOrgForm({ askName }: { askName: boolean }) {
  const [state, action, pending] = useActionState(createOrganizationAction, initialFormState);
  return (
    <form action={action} className="space-y-5" noValidate>
      {askName ? (
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-gray-900">Your name</legend>
          <p className="text-xs text-gray-500">Your teammates see it beside your email address.</p>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field
              label="First name"
              name="firstName"
              required
              maxLength={80}
              autoComplete="given-name"
              defaultValue={state.values?.firstName}
              error={state.fieldErrors?.firstName}
            />
            <Field
              label="Last name"
              name="lastName"
              maxLength={80}
              autoComplete="family-name"
              defaultValue={state.values?.lastName}
              error={state.fieldErrors?.lastName}
            />
          </div>
        </fieldset>
      ) : null}
      <Field
        label="Organization name"
        name="name"
        required
        maxLength={80}
        placeholder="Your company or team"
        hint="The name your teammates will see in their invitations. You can have several organizations."
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
