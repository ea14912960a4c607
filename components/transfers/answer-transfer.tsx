"use client";

import Link from "next/link";
import { useActionState } from "react";
import { acceptTransferAction, declineTransferAction } from "@/app/o/[org]/plans/actions";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { initialFormState } from "@/lib/form-state";

/** O1, O2: Accept or Decline on the page the transfer email links to; the chosen one has focus. */
export function AnswerTransfer(props: {
  orgSlug: string;
  transferId: string;
  planHref: string;
  intent: "accept" | "decline" | null;
  /** The plan's name, when several requests can be on one page (My Subscriptions): names the buttons. */
  label?: string;
}) {
  const [acceptState, accept, accepting] = useActionState(acceptTransferAction, initialFormState);
  const [declineState, decline, declining] = useActionState(declineTransferAction, initialFormState);
  const done = acceptState.ok || declineState.ok;
  return (
    <div className="space-y-3">
      <FormMessage state={acceptState.ok || acceptState.formError ? acceptState : declineState} />
      {acceptState.ok ? (
        <Link href={props.planHref} className="inline-block text-sm font-medium text-indigo-600 hover:text-indigo-500">
          Open the plan
        </Link>
      ) : null}
      {done ? null : (
        <div className="flex gap-2">
          <form action={accept}>
            <input type="hidden" name="org" value={props.orgSlug} />
            <input type="hidden" name="transferId" value={props.transferId} />
            <Button
              type="submit"
              disabled={accepting || declining}
              autoFocus={props.intent === "accept"}
              aria-label={props.label ? `Accept ${props.label}` : undefined}
            >
              {accepting ? "Accepting…" : "Accept"}
            </Button>
          </form>
          <form action={decline}>
            <input type="hidden" name="org" value={props.orgSlug} />
            <input type="hidden" name="transferId" value={props.transferId} />
            <Button
              type="submit"
              variant="secondary"
              disabled={accepting || declining}
              autoFocus={props.intent === "decline"}
              aria-label={props.label ? `Decline ${props.label}` : undefined}
            >
              {declining ? "Declining…" : "Decline"}
            </Button>
          </form>
        </div>
      )}
    </div>
  );
}
