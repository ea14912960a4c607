"use client";

import { useActionState } from "react";
import { markAllNotificationsReadAction } from "@/app/o/[org]/inbox/actions";
import { Button } from "@/components/ui/button";
import { initialFormState } from "@/lib/form-state";

/** N1: mark every notification read; the header's unread count goes down with it. */
export function MarkAllReadButton({ orgSlug, disabled }: { orgSlug: string; disabled: boolean }) {
  const [state, action, pending] = useActionState(markAllNotificationsReadAction, initialFormState);
  return (
    <form action={action} className="flex items-center gap-3">
      <input type="hidden" name="org" value={orgSlug} />
      {state.formError ? (
        <span role="alert" className="text-sm text-red-600">
          {state.formError}
        </span>
      ) : null}
      <Button type="submit" variant="secondary" disabled={pending || disabled}>
        {pending ? "Marking…" : "Mark all as read"}
      </Button>
    </form>
  );
}
