"use client";

import Link from "next/link";
import { startTransition, useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { initialFormState } from "@/lib/form-state";
import { cn } from "@/lib/cn";
import { plural } from "@/lib/format";
import { seatsFull, seatsLeft } from "@/lib/seats/seats-left";
import { seatsToFreeHint } from "@/lib/tiers";
import { changeTierAction } from "./actions";

type Option = { tier: string; label: string; limit: number | null; fits: boolean };

const rank = (limit: number | null) => (limit === null ? Number.POSITIVE_INFINITY : limit);

/**
 * T1, T4: the tier picker. A move to a tier with fewer seats asks first, saying what changes
 * (seats in use against the new limit); the server decides again and refuses a downgrade below
 * the seats in use. A refusal is said once, next to the tiers, with the pages where seats are
 * freed, and the chosen tier stays chosen.
 */
export function TierForm({
  orgSlug,
  orgName,
  current,
  options,
  used,
  holders,
}: {
  orgSlug: string;
  orgName: string;
  current: string;
  options: Option[];
  used: number;
  holders: string;
}) {
  const [state, action, pending] = useActionState(changeTierAction, initialFormState);
  const [selected, setSelected] = useState(current);
  const [confirming, setConfirming] = useState(false);
  const chosen = options.find((o) => o.tier === selected)!;
  const now = options.find((o) => o.tier === current)!;
  const downgrade = rank(chosen.limit) < rank(now.limit);
  const refusal = state.fieldErrors?.tier?.[0] ?? (!state.ok ? state.formError : undefined);

  const send = () => {
    const data = new FormData();
    data.set("org", orgSlug);
    data.set("tier", selected);
    setConfirming(false);
    startTransition(() => action(data));
  };

  return (
    <form
      className="space-y-5"
      onSubmit={(event) => {
        event.preventDefault();
        if (selected === current) return;
        // A downgrade that fits asks first; one that does not goes to the server, which says why not.
        if (downgrade && chosen.fits) setConfirming(true);
        else send();
      }}
    >
      <fieldset aria-describedby={refusal ? "tier-error" : undefined}>
        <legend className="text-sm font-medium text-gray-900">Tier</legend>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          {options.map((o) => (
            <label
              key={o.tier}
              className={cn(
                "flex cursor-pointer items-start gap-3 rounded-lg p-4 ring-1 ring-gray-200 has-[:checked]:ring-2 has-[:checked]:ring-indigo-600",
              )}
            >
              <input
                type="radio"
                name="tier"
                value={o.tier}
                checked={selected === o.tier}
                onChange={() => setSelected(o.tier)}
                className="mt-1"
              />
              <span>
                <span className="block text-sm font-semibold text-gray-900">
                  {o.label} {o.tier === current ? <span className="font-normal text-gray-500">(current)</span> : null}
                </span>
                <span className="block text-sm text-gray-600">{o.limit === null ? "Unlimited seats" : `Up to ${o.limit} seats`}</span>
                {!o.fits && o.limit !== null ? <span className="block text-xs text-amber-800">{seatsToFreeHint(used, o.limit)}</span> : null}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {refusal ? (
        <div id="tier-error" role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-200">
          <p>{refusal}</p>
          {state.code === "SEAT_LIMIT" ? (
            <p className="mt-1">
              Free seats on{" "}
              <Link href={`/o/${orgSlug}/users`} className="font-semibold underline">
                Users
              </Link>{" "}
              (delete a member) or{" "}
              <Link href={`/o/${orgSlug}/invites`} className="font-semibold underline">
                Manage Invites
              </Link>{" "}
              (revoke an invitation).
            </p>
          ) : null}
        </div>
      ) : state.ok && state.message ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800 ring-1 ring-inset ring-green-200">
          {state.message}
        </p>
      ) : null}
      <Button type="submit" disabled={pending || selected === current}>
        {pending ? "Saving…" : "Change tier"}
      </Button>
      {confirming ? (
        <Dialog
          open
          onOpenChange={(open) => setConfirming(open)}
          title={`Move ${orgName} to ${chosen.label}?`}
          description={
            <div className="space-y-2">
              <p>
                {chosen.label} allows {chosen.limit} seats, {now.limit === null ? "instead of unlimited seats" : `${(now.limit ?? 0) - (chosen.limit ?? 0)} fewer than ${now.label}`}.{" "}
                {used} {used === 1 ? "is" : "are"} in use ({holders}).
              </p>
              <p>
                {seatsFull({ limit: chosen.limit, used })
                  ? "Every seat will be taken: nobody more can be invited or re-activated until a seat is freed."
                  : `${plural(seatsLeft({ limit: chosen.limit, used }) ?? 0, "seat")} will be left for invitations and re-activations.`}
              </p>
            </div>
          }
        >
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button onClick={send}>Move to {chosen.label}</Button>
          </div>
        </Dialog>
      ) : null}
    </form>
  );
}
