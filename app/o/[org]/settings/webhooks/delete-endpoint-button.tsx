"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { initialFormState } from "@/lib/form-state";
import { deleteWebhookEndpointAction } from "./actions";

/** Delete, after a confirmation that says what goes with the endpoint (its delivery log). */
export function DeleteEndpointButton({ orgSlug, endpointId, url }: { orgSlug: string; endpointId: string; url: string }) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(async (previous: typeof initialFormState, data: FormData) => {
    const result = await deleteWebhookEndpointAction(previous, data);
    if (result.ok) setOpen(false);
    return result;
  }, initialFormState);
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} aria-label={`Delete endpoint ${url}`}>
        Delete
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title="Delete this endpoint?"
        description={
          <>
            Seatwise stops sending events to <span className="break-all font-mono text-xs">{url}</span> at once, and its delivery log is deleted.
          </>
        }
      >
        <form action={action} className="space-y-4">
          <input type="hidden" name="org" value={orgSlug} />
          <input type="hidden" name="endpointId" value={endpointId} />
          {state.formError ? (
            <p role="alert" className="text-sm text-red-600">
              {state.formError}
            </p>
          ) : null}
          <DialogActions onCancel={() => setOpen(false)} label="Delete endpoint" pendingLabel="Deleting…" pending={pending} />
        </form>
      </Dialog>
    </>
  );
}
