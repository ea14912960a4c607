"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { Badge } from "@/components/ui/card";
import { useActionForm } from "@/components/forms/use-action-form";
import { inviteMembersAction } from "@/app/o/[org]/users/actions";
import { inviteMembersSchema } from "@/lib/invitations/schemas";
import { roleLabels, type Role } from "@/lib/permissions";

type InviteResult = { email: string; outcome: string; message: string };

const outcomeLabel: Record<string, { text: string; tone: "green" | "indigo" | "amber" | "red" | "gray" }> = {
  invited: { text: "invited", tone: "green" },
  resent: { text: "resent", tone: "indigo" },
  already_member: { text: "already a member", tone: "gray" },
  malformed: { text: "malformed", tone: "red" },
  no_seat: { text: "no seat left", tone: "amber" },
  no_plan_seat: { text: "no plan seat left", tone: "amber" },
  rate_limited: { text: "try later", tone: "amber" },
};

export type PlanToJoin = { id: string; name: string; seatsLeft: number | null };

/** Invite Teammate: one or many emails, a role this inviter may grant (R1), optional names, optional plans to join (I1). */
export function InviteForm({ orgSlug, roles, plans = [] }: { orgSlug: string; roles: Role[]; plans?: PlanToJoin[] }) {
  const { form, state, pending, onSubmit, errorFor } = useActionForm(inviteMembersSchema, inviteMembersAction, {
    emails: "",
    role: "user",
    firstName: "",
    lastName: "",
    planIds: [],
  });
  const results = (state.ok ? state.data : undefined) as InviteResult[] | undefined;
  const { reset, getValues } = form;
  // After a send, clear the addresses for the next batch and keep the role; results stay shown.
  useEffect(() => {
    if (state.ok) reset({ ...getValues(), emails: "", firstName: "", lastName: "", planIds: [] });
  }, [state, reset, getValues]);
  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      <input type="hidden" name="org" value={orgSlug} />
      <Field label="Email addresses" name="emails" error={errorFor("emails")} hint="One address, or several: one per line or separated by commas.">
        <textarea
          id="field-emails"
          rows={3}
          aria-invalid={errorFor("emails") ? true : undefined}
          aria-describedby="field-emails-hint field-emails-error"
          className={inputClass}
          placeholder="colleague@company.com"
          {...form.register("emails")}
        />
      </Field>
      <Field label="Role" name="role" error={errorFor("role")}>
        <select id="field-role" className={inputClass} {...form.register("role")}>
          {roles.map((role) => (
            <option key={role} value={role}>
              {roleLabels[role]}
            </option>
          ))}
        </select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="First name (optional)" error={errorFor("firstName")} {...form.register("firstName")} />
        <Field label="Last name (optional)" error={errorFor("lastName")} {...form.register("lastName")} />
      </div>
      {plans.length ? (
        <fieldset aria-describedby="plans-to-join-hint">
          <legend className="text-sm font-medium text-gray-900">Plans to join (optional)</legend>
          <p id="plans-to-join-hint" className="mt-1 text-xs text-gray-500">
            Each invitee takes a seat of every plan you tick, from the moment the invitation is sent.
          </p>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {plans.map((plan) => (
              <label key={plan.id} className="flex items-center gap-2 rounded-md px-3 py-2 text-sm ring-1 ring-inset ring-gray-200">
                <input
                  type="checkbox"
                  value={plan.id}
                  disabled={plan.seatsLeft === 0}
                  className="h-4 w-4 rounded border-gray-300 text-indigo-600 focus:ring-indigo-600"
                  {...form.register("planIds")}
                />
                <span className="font-medium text-gray-900">{plan.name}</span>
                <span className="ml-auto text-xs text-gray-500">
                  {plan.seatsLeft === null ? "unlimited" : plan.seatsLeft === 0 ? "no seat left" : `${plan.seatsLeft} seat${plan.seatsLeft === 1 ? "" : "s"} left`}
                </span>
              </label>
            ))}
          </div>
          {errorFor("planIds") ? <p className="mt-1 text-sm text-red-600">{errorFor("planIds")}</p> : null}
        </fieldset>
      ) : null}
      {state.ok ? (
        // Green when something was sent, amber when every address was refused.
        <p
          role="status"
          className={
            results?.some((r) => r.outcome === "invited" || r.outcome === "resent")
              ? "rounded-md bg-green-50 px-3 py-2 text-sm text-green-800 ring-1 ring-inset ring-green-200"
              : "rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200"
          }
        >
          {state.message}
        </p>
      ) : (
        <FormMessage state={state} />
      )}
      {results?.length ? (
        <ul aria-label="Invitation results" className="divide-y divide-gray-100 rounded-md ring-1 ring-gray-200">
          {results.map((r) => (
            <li key={r.email} className="flex items-start justify-between gap-3 px-3 py-2 text-sm">
              <span>
                <span className="font-medium text-gray-900">{r.email}</span>
                <span className="block text-xs text-gray-500">{r.message}</span>
              </span>
              <span className="shrink-0 whitespace-nowrap">
                <Badge tone={outcomeLabel[r.outcome]?.tone ?? "gray"}>{outcomeLabel[r.outcome]?.text ?? r.outcome}</Badge>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send Invitation"}
      </Button>
    </form>
  );
}
