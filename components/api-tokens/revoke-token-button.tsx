"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/field";
import { initialFormState, type FormState } from "@/lib/form-state";

/**
 * K1: Revoke for any token the machinery keeps (API tokens, SCIM tokens), after a confirmation that
 * says what stops. `action` is the page's server action; it checks the session, the organization
 * and the rule again.
 */
export function RevokeTokenButton({
  orgSlug,
  tokenId,
  name,
  description,
  action: revoke,
}: {
  orgSlug: string;
  tokenId: string;
  name: string;
  description: string;
  action: (previous: FormState, data: FormData) => Promise<FormState>;
}) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(async (previous: FormState, data: FormData) => {
    const next = await revoke(previous, data);
    if (next.ok) setOpen(false);
    return next;
  }, initialFormState);
  return (
    <>
      <Button type="button" variant="secondary" size="sm" onClick={() => setOpen(true)} aria-label={`Revoke ${name}`}>
        Revoke
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title={`Revoke “${name}”?`} description={description}>
        <form action={action} className="space-y-4">
          <input type="hidden" name="org" value={orgSlug} />
          <input type="hidden" name="tokenId" value={tokenId} />
          <FormMessage state={state} />
          <DialogActions onCancel={() => setOpen(false)} label="Revoke token" pendingLabel="Revoking…" pending={pending} />
        </form>
      </Dialog>
    </>
  );
}
