"use client";

import { useEffect } from "react";
import { updateMemberAction } from "@/app/o/[org]/users/actions";
import { PersonFields } from "@/components/forms/person-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { updateMemberSchema } from "@/lib/members/schemas";
import { roleLabels, type Role } from "@/lib/permissions";

type Member = { userId: string; firstName: string; lastName: string; email: string; phone: string; role: Role };

/**
 * The pencil's form (SPEC R2, R3). Only the controls this person may use are shown; the others
 * travel as their current values, and the server checks every change again anyway.
 */
export function EditMemberForm(props: { orgSlug: string; member: Member; canEditProfile: boolean; roles: Role[]; isSelf: boolean }) {
  const { member } = props;
  const { form, state, pending, onSubmit, errorFor } = useActionForm(updateMemberSchema, updateMemberAction, member);
  const { getValues, reset } = form;
  // A new email is only asked for (R2): after a save the field shows the email that still signs in.
  useEffect(() => {
    if (state.ok) reset({ ...getValues(), email: member.email });
  }, [state, reset, getValues, member.email]);
  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      <input type="hidden" name="org" value={props.orgSlug} />
      <input type="hidden" {...form.register("userId")} />
      {props.canEditProfile ? (
        <PersonFields
          register={(name) => form.register(name)}
          errorFor={errorFor}
          emailHint="The sign-in email. A new one changes only after a link sent to it is confirmed by this person, signed in."
        />
      ) : (
        <>
          <input type="hidden" {...form.register("firstName")} />
          <input type="hidden" {...form.register("lastName")} />
          <input type="hidden" {...form.register("email")} />
          <input type="hidden" {...form.register("phone")} />
        </>
      )}
      {props.roles.length > 1 ? (
        <Field
          label="Role"
          name="role"
          error={errorFor("role")}
          hint={props.isSelf && member.role === "admin" ? "Stepping down works while another Admin remains." : undefined}
        >
          <select id="field-role" className={inputClass} {...form.register("role")}>
            {props.roles.map((role) => (
              <option key={role} value={role}>
                {roleLabels[role]}
              </option>
            ))}
          </select>
        </Field>
      ) : (
        <input type="hidden" {...form.register("role")} />
      )}
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
