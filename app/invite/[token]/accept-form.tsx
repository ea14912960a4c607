"use client";

import { useActionState, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { initialFormState } from "@/lib/form-state";
import { acceptInvitationAction, declineInvitationAction } from "./actions";

/** Accept (I4) or Decline the invitation; declining asks once more, in place, before it ends the invitation. */
export function AcceptForm({ token, orgName, inviter }: { token: string; orgName: string; inviter: string }) {
  const [state, action, pending] = useActionState(acceptInvitationAction, initialFormState);
  const [declineState, decline, declining] = useActionState(declineInvitationAction, initialFormState);
  const [asking, setAsking] = useState(false);
  const declineButton = useRef<HTMLButtonElement>(null);
  return (
    <div className="space-y-3">
      <form action={action} className="space-y-3">
        <input type="hidden" name="token" value={token} />
        <FormMessage state={state} />
        <Button type="submit" className="w-full" disabled={pending || declining}>
          {pending ? "Joining…" : "Accept"}
        </Button>
      </form>
      <FormMessage state={declineState} />
      {asking ? (
        <form
          action={decline}
          role="group"
          aria-labelledby="decline-question"
          className="space-y-3 rounded-md bg-gray-50 p-3 ring-1 ring-inset ring-gray-200"
        >
          <input type="hidden" name="token" value={token} />
          <p id="decline-question" className="text-gray-700">
            Decline the invitation to {orgName}? The link stops working and {inviter} is told.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="danger" size="sm" disabled={declining} autoFocus>
              {declining ? "Declining…" : "Decline invitation"}
            </Button>
            <Button
              type="button"
              variant="secondary"
              size="sm"
              onClick={() => {
                setAsking(false);
                requestAnimationFrame(() => declineButton.current?.focus());
              }}
            >
              Keep it
            </Button>
          </div>
        </form>
      ) : (
        <Button ref={declineButton} type="button" variant="ghost" className="w-full" onClick={() => setAsking(true)} disabled={pending}>
          Decline
        </Button>
      )}
    </div>
  );
}
