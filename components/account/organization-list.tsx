"use client";

import Link from "next/link";
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { leaveOrganizationAction } from "@/app/account/actions";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { initialFormState, type FormState } from "@/lib/form-state";

export type OrganizationItem = {
  slug: string;
  name: string;
  role: string;
  suspended: boolean;
  joined: string;
  leaveBlocked: string | null;
};

/**
 * The person's organizations, each with Leave organization: one client component for the list
 * and its one confirm dialog. What would stop a leave (R7, R5) is said before anyone clicks; the
 * server decides again.
 */
export function OrganizationList({ items }: { items: OrganizationItem[] }) {
  const [state, leave, leaving] = useActionState(leaveOrganizationAction, initialFormState);
  const [asking, setAsking] = useState<{ item: OrganizationItem; since: FormState } | null>(null);
  const answered = asking !== null && state !== asking.since;
  const confirm = asking && !(answered && state.ok) ? asking.item : null;
  const left = state.ok ? (state.data as { org?: string } | undefined)?.org : undefined;
  const status = useRef<HTMLParagraphElement>(null);
  // After a leave the organization's row (and its button) is gone: focus goes to the message.
  useEffect(() => {
    if (state.ok) status.current?.focus();
  }, [state]);
  return (
    <>
      {state.ok && state.message ? (
        <p ref={status} tabIndex={-1} role="status" className="mb-3 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800 ring-1 ring-inset ring-green-200">
          {state.message}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="text-sm text-gray-600">
          You belong to no organization now.{" "}
          <Link href="/onboarding" className="font-medium text-indigo-600 hover:text-indigo-500">
            Create one
          </Link>{" "}
          or open an invitation you received.
        </p>
      ) : (
        <ul aria-label="Your organizations" className="divide-y divide-gray-100 rounded-md ring-1 ring-gray-200">
          {items
            .filter((item) => item.slug !== left)
            .map((item) => (
              <li key={item.slug} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3">
                <div className="min-w-0">
                  <p className="text-sm font-medium text-gray-900">
                    {item.suspended ? (
                      item.name
                    ) : (
                      <Link href={`/o/${item.slug}/users`} className="hover:text-indigo-600">
                        {item.name}
                      </Link>
                    )}{" "}
                    <Badge tone={item.role === "Admin" ? "indigo" : "gray"}>{item.role}</Badge>
                    {item.suspended ? (
                      <>
                        {" "}
                        <Badge tone="amber">Suspended</Badge>
                      </>
                    ) : null}
                  </p>
                  <p className="text-xs text-gray-500">Member since {item.joined}</p>
                  {item.leaveBlocked && !item.suspended ? (
                    <p id={`leave-blocked-${item.slug}`} className="mt-1 text-xs text-amber-800">
                      {item.leaveBlocked}
                    </p>
                  ) : null}
                </div>
                {item.suspended ? (
                  <span className="text-xs text-gray-500">Ask an Admin to re-activate you, or to remove you.</span>
                ) : (
                  <Button
                    variant="secondary"
                    size="sm"
                    aria-label={`Leave ${item.name}`}
                    // R7, R5: shown disabled with the reason, like Delete User; the server refuses too.
                    disabled={leaving || !!item.leaveBlocked}
                    aria-describedby={item.leaveBlocked ? `leave-blocked-${item.slug}` : undefined}
                    onClick={() => setAsking({ item, since: state })}
                  >
                    Leave organization
                  </Button>
                )}
              </li>
            ))}
        </ul>
      )}
      {confirm ? (
        <Dialog
          open
          onOpenChange={(open) => {
            if (!open) setAsking(null);
          }}
          title={`Leave ${confirm.name}?`}
          description={
            <>
              You lose access to {confirm.name} at once and your seat is freed. You leave its plans; your open tasks there move to each
              plan&apos;s subscriber. Your account and your other organizations stay. To come back, someone must invite you again.
            </>
          }
        >
          <form
            onSubmit={(event) => {
              event.preventDefault();
              const data = new FormData();
              data.set("org", confirm.slug);
              startTransition(() => leave(data));
            }}
            className="space-y-4"
          >
            {answered ? <FormError message={state.formError} /> : null}
            <DialogActions onCancel={() => setAsking(null)} label={`Leave ${confirm.name}`} pendingLabel="Leaving…" pending={leaving} />
          </form>
        </Dialog>
      ) : null}
    </>
  );
}
