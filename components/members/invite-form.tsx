"use client";

import Link from "next/link";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { Badge } from "@/components/ui/card";
import { useActionForm } from "@/components/forms/use-action-form";
import { inviteMembersAction } from "@/app/o/[org]/users/actions";
import { suggestDomain } from "@/lib/invitations/domain-suggestion";
import { inviteMembersSchema, splitEmails } from "@/lib/invitations/schemas";
import { roleLabels, type Role } from "@/lib/permissions";

type InviteResult = { email: string; outcome: string; message: string };

const outcomeLabel: Record<string, { text: string; tone: "green" | "indigo" | "amber" | "red" | "gray" }> = {
  invited: { text: "invited", tone: "green" },
  resent: { text: "resent", tone: "indigo" },
  already_member: { text: "already a member", tone: "gray" },
  malformed: { text: "not an email address", tone: "red" },
  no_seat: { text: "no seat left", tone: "amber" },
  no_plan_seat: { text: "no plan seat left", tone: "amber" },
  rate_limited: { text: "try later", tone: "amber" },
  refused: { text: "not allowed", tone: "red" },
};

/** Outcomes worth another try: these addresses stay in the box after a send. */
const failed = new Set(["malformed", "no_seat", "no_plan_seat", "rate_limited", "refused"]);
const sent = new Set(["invited", "resent"]);

export type PlanToJoin = { id: string; name: string; seatsLeft: number | null };

/** T1 up front: how many seats are left, and whether this inviter can change the tier (T4). */
export type SeatsUpFront = {
  left: number | null;
  limit: number | null;
  tier: string;
  subscriptionHref: string | null;
  /** #14.8 (lib/seats/seat-help): "Upgrade to Pro for 10 seats" for an Admin; the Admins to ask, by name, for others. */
  upgradeLabel?: string | null;
  askAdmins?: string | null;
};

function summaryOf(results: InviteResult[]) {
  const ok = results.filter((r) => sent.has(r.outcome)).length;
  const bad = results.filter((r) => failed.has(r.outcome)).length;
  const head = `${ok} of ${results.length} invitation${results.length === 1 ? "" : "s"} sent.`;
  if (!bad) return { text: head, tone: "green" as const };
  return {
    text: `${head} ${bad === 1 ? "The address that failed is" : `The ${bad} addresses that failed are`} still in the box: correct ${bad === 1 ? "it" : "them"} and send again.`,
    tone: "amber" as const,
  };
}

/**
 * Invite Teammate: one or many emails, a role this inviter may grant (R1), optional names,
 * optional plans to join (I1). The seats left show before anything is typed (T1); with none left
 * the form says what to do instead of sending. After a send, focus moves to the results, and the
 * addresses that failed stay in the box to be corrected.
 */
export function InviteForm({
  orgSlug,
  roles,
  plans = [],
  seats,
  knownDomains = [],
}: {
  orgSlug: string;
  roles: Role[];
  plans?: PlanToJoin[];
  seats: SeatsUpFront;
  /** The domains of the members' addresses, for "did you mean …?" (issue 14.15). */
  knownDomains?: string[];
}) {
  const { form, state, pending, onSubmit, errorFor } = useActionForm(inviteMembersSchema, inviteMembersAction, {
    emails: "",
    role: roles.includes("user") ? "user" : roles[0],
    firstName: "",
    lastName: "",
    planIds: [],
  });
  const results = (state.ok ? state.data : undefined) as InviteResult[] | undefined;
  const resultsRef = useRef<HTMLDivElement>(null);
  const { reset, getValues } = form;
  // After a send: the addresses that failed stay for another try (the others are done), the role
  // stays, and focus goes to the results so they are read first.
  useEffect(() => {
    if (!state.ok) return;
    const list = (state.data as InviteResult[] | undefined) ?? [];
    const retry = list.filter((r) => failed.has(r.outcome)).map((r) => r.email);
    reset({ ...getValues(), emails: retry.join("\n"), ...(retry.length ? {} : { firstName: "", lastName: "", planIds: [] }) });
    resultsRef.current?.focus();
  }, [state, reset, getValues]);
  // Issue 14.15: an address whose domain looks like a typo of the members' asks before sending.
  const [typos, setTypos] = useState<{ typed: string; suggested: string }[]>([]);
  const confirmedAsTyped = useRef<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  function submit(event: FormEvent<HTMLFormElement>) {
    const emails = getValues().emails ?? "";
    const found = splitEmails(emails).flatMap((typed) => {
      const suggested = suggestDomain(typed, knownDomains);
      return suggested ? [{ typed, suggested }] : [];
    });
    if (found.length && confirmedAsTyped.current !== emails) {
      event.preventDefault();
      setTypos(found);
      return;
    }
    // Only when a question was showing: a needless re-render here would run before the form's data
    // is read, and React would put back what a controlled field held.
    if (typos.length) setTypos([]);
    return onSubmit(event);
  }
  function applySuggestions() {
    let emails = getValues().emails ?? "";
    for (const t of typos) emails = emails.split(t.typed).join(t.suggested);
    form.setValue("emails", emails);
    setTypos([]);
    form.setFocus("emails");
  }
  function sendAsTyped() {
    confirmedAsTyped.current = getValues().emails ?? "";
    setTypos([]);
    formRef.current?.requestSubmit();
  }
  const noSeat = seats.left === 0;
  const summary = results ? summaryOf(results) : null;
  const onlyRole = roles.length === 1 ? roles[0] : null;
  return (
    <form ref={formRef} onSubmit={submit} className="space-y-5" noValidate>
      <input type="hidden" name="org" value={orgSlug} />
      {noSeat ? (
        <div role="note" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
          <p className="font-semibold">All {seats.limit} seats of the {seats.tier} tier are in use.</p>
          <p className="mt-1">
            {seats.subscriptionHref ? (
              <>
                <Link href={seats.subscriptionHref} className="font-semibold underline">
                  {seats.upgradeLabel ?? "Move to a larger tier"}
                </Link>{" "}
                on Account subscription, or free a seat: revoke a pending invitation on{" "}
              </>
            ) : (
              <>Ask {seats.askAdmins ? `${seats.askAdmins} (Admin)` : "an Admin"} to move to a larger tier, or free a seat: revoke a pending invitation on </>
            )}
            <Link href={`/o/${orgSlug}/invites`} className="font-semibold underline">
              Manage Invites
            </Link>{" "}
            or remove a member on{" "}
            <Link href={`/o/${orgSlug}/users`} className="font-semibold underline">
              Users
            </Link>
            .
          </p>
        </div>
      ) : null}
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
      {onlyRole ? (
        <div className="space-y-1.5">
          <p id="field-role-label" className="text-sm font-medium text-gray-900">
            Role
          </p>
          <p aria-labelledby="field-role-label" aria-describedby="field-role-hint" className="text-sm text-gray-900">
            {roleLabels[onlyRole]}
          </p>
          <input type="hidden" {...form.register("role")} />
          <p id="field-role-hint" className="text-xs text-gray-500">
            {onlyRole === "user"
              ? "Managers invite Users. Making someone a Manager or an Admin is a promotion, which only Admins make."
              : `You can grant the ${roleLabels[onlyRole]} role only.`}
          </p>
        </div>
      ) : (
        <Field label="Role" name="role" error={errorFor("role")}>
          <select id="field-role" className={inputClass} {...form.register("role")}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {roleLabels[role]}
              </option>
            ))}
          </select>
        </Field>
      )}
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
      {typos.length ? (
        <div role="alert" className="space-y-2 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
          {typos.map((t) => (
            <p key={t.typed}>
              <span className="[overflow-wrap:anywhere]">{t.typed}</span>: did you mean{" "}
              <strong className="[overflow-wrap:anywhere]">{t.suggested}</strong>? Your members use {t.suggested.split("@")[1]}.
            </p>
          ))}
          <div className="flex flex-wrap gap-2">
            <Button type="button" size="sm" onClick={applySuggestions} autoFocus>
              {typos.length === 1 ? `Use ${typos[0].suggested}` : "Use the suggested addresses"}
            </Button>
            <Button type="button" size="sm" variant="secondary" onClick={sendAsTyped}>
              Send as typed
            </Button>
          </div>
        </div>
      ) : null}
      <div ref={resultsRef} tabIndex={-1} className="space-y-3 focus:outline-none">
        {summary ? (
          // Green when every address went out; amber as soon as one failed.
          <p
            role="status"
            className={
              summary.tone === "green"
                ? "rounded-md bg-green-50 px-3 py-2 text-sm text-green-800 ring-1 ring-inset ring-green-200"
                : "rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200"
            }
          >
            {summary.text}
          </p>
        ) : (
          <FormMessage state={state} />
        )}
        {results?.length ? (
          <ul aria-label="Invitation results" className="divide-y divide-gray-100 rounded-md ring-1 ring-gray-200">
            {results.map((r, i) => (
              <li key={`${i}-${r.email}`} className="flex items-start justify-between gap-3 px-3 py-2 text-sm">
                <span className="min-w-0">
                  <span className="font-medium text-gray-900 [overflow-wrap:anywhere]">{r.email}</span>
                  <span className="block text-xs text-gray-500">{r.message}</span>
                </span>
                <span className="shrink-0 whitespace-nowrap">
                  <Badge tone={outcomeLabel[r.outcome]?.tone ?? "gray"}>{outcomeLabel[r.outcome]?.text ?? r.outcome}</Badge>
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <Button type="submit" disabled={pending || noSeat}>
        {pending ? "Sending…" : "Send Invitation"}
      </Button>
    </form>
  );
}
