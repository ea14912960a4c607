"use client";

import { useActionState, useState } from "react";
import { addPlanUserAction, invitePlanUserAction } from "@/app/o/[org]/plans/actions";
import { MemberPicker } from "@/components/members/member-picker";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";
import { initialFormState } from "@/lib/form-state";

/** P3: pick an existing member who is not on the plan (search-as-you-type, any organization size). */
export function AddExistingMemberForm(props: { orgSlug: string; planId: string; productName: string; disabled?: boolean; mayInvite?: boolean }) {
  const [state, action, pending] = useActionState(addPlanUserAction, initialFormState);
  // A new picker after each success, so the next person can be picked straight away.
  const [round, setRound] = useState(0);
  const [lastState, setLastState] = useState(state);
  if (state !== lastState) {
    setLastState(state);
    if (state.ok) setRound((r) => r + 1);
  }
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="org" value={props.orgSlug} />
      <input type="hidden" name="planId" value={props.planId} />
      <MemberPicker
        key={round}
        orgSlug={props.orgSlug}
        name="userId"
        label="Existing user"
        hint={
          props.mayInvite
            ? `Members of your company who are not on ${props.productName} yet, and people already invited (marked Invited).`
            : `Members of your company who are not on ${props.productName} yet.`
        }
        notOnPlanId={props.planId}
        includeInvitees={props.mayInvite}
        emptyHint={
          props.mayInvite ? (
            <>
              Not a member yet?{" "}
              <a href="#invite-new-person" className="font-medium text-indigo-600 underline hover:text-indigo-500">
                Invite a new person
              </a>{" "}
              instead.
            </>
          ) : (
            "Only members are listed. To add someone new, ask an Admin or Manager to invite them."
          )
        }
        error={state.fieldErrors?.userId?.[0]}
      />
      <FormMessage state={state} />
      <Button type="submit" disabled={pending || props.disabled}>
        {pending ? "Adding…" : "Add User To Plan"}
      </Button>
    </form>
  );
}

/** P3: invite a new person (email, first name, last name): on the plan at once, holding seats. */
export function InviteToPlanForm(props: { orgSlug: string; planId: string; disabled?: boolean }) {
  const [state, action, pending] = useActionState(invitePlanUserAction, initialFormState);
  const values = state.ok ? {} : (state.values ?? {});
  const error = (name: string) => state.fieldErrors?.[name]?.[0];
  return (
    <form action={action} className="space-y-4" noValidate key={state.ok ? state.message : "form"}>
      <input type="hidden" name="org" value={props.orgSlug} />
      <input type="hidden" name="planId" value={props.planId} />
      <Field label="Email" name="email" id="invite-email" type="email" autoComplete="off" defaultValue={values.email} error={error("email")} required />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="First name" name="firstName" id="invite-first-name" defaultValue={values.firstName} error={error("firstName")} />
        <Field label="Last name" name="lastName" id="invite-last-name" defaultValue={values.lastName} error={error("lastName")} />
      </div>
      <FormMessage state={{ ...state, formError: error("email") ? undefined : state.formError }} />
      <Button type="submit" disabled={pending || props.disabled}>
        {pending ? "Sending…" : "Send Invitation"}
      </Button>
    </form>
  );
}
