"use client";

import { useEffect } from "react";
import { updateProfileAction } from "@/app/account/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";
import { profileSchema } from "@/lib/account/schemas";

type Profile = { firstName: string; lastName: string; email: string; phone: string };

/**
 * Your profile (R2 for oneself): name and phone apply at once; a new email only asks for the
 * change, which the link sent to the new address confirms (docs/decisions/007).
 */
export function ProfileForm({ profile }: { profile: Profile }) {
  const { form, state, pending, onSubmit, errorFor } = useActionForm(profileSchema, updateProfileAction, profile);
  const { getValues, reset } = form;
  // After a save the email field shows the address that still signs in until the link is followed.
  useEffect(() => {
    if (state.ok) reset({ ...getValues(), email: profile.email });
  }, [state, reset, getValues, profile.email]);
  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="First name" autoComplete="given-name" error={errorFor("firstName")} {...form.register("firstName")} />
        <Field label="Last name" autoComplete="family-name" error={errorFor("lastName")} {...form.register("lastName")} />
      </div>
      <Field
        label="Email address"
        type="email"
        autoComplete="email"
        error={errorFor("email")}
        hint="Your sign-in email. A new one applies once you open the link we send to it, signed in."
        {...form.register("email")}
      />
      <Field label="Phone number" type="tel" autoComplete="tel" error={errorFor("phone")} {...form.register("phone")} />
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
