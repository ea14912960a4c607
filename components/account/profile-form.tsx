"use client";

import { useEffect } from "react";
import { updateProfileAction } from "@/app/account/actions";
import { PersonFields } from "@/components/forms/person-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
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
      <PersonFields
        register={(name) => form.register(name)}
        errorFor={errorFor}
        emailHint="Your sign-in email. A new one applies once you open the link we send to it, signed in."
      />
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
