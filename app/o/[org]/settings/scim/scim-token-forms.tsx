"use client";

import { useActionState, useEffect, useRef } from "react";
import { RevokeTokenButton } from "@/components/api-tokens/revoke-token-button";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { initialFormState } from "@/lib/form-state";
import { createScimTokenAction, revokeScimTokenAction } from "./actions";
import { CopyValue } from "./copy-value";

/**
 * Create a SCIM token: a name and an expiry (it always acts as an Admin). Its value comes back in
 * the action's answer and is shown here once, with Copy; the server keeps only its hash (K1).
 */
export function CreateScimTokenForm({ orgSlug }: { orgSlug: string }) {
  const [state, action, pending] = useActionState(createScimTokenAction, initialFormState);
  const created = state.ok ? (state.data as { token: string; prefix: string } | undefined) : undefined;
  const tokenRef = useRef<HTMLInputElement>(null);
  // The new token gets focus, so a screen reader reads it and Ctrl+C copies it.
  useEffect(() => {
    if (created) tokenRef.current?.focus();
  }, [created]);
  const error = (name: string) => (state.ok ? undefined : state.fieldErrors?.[name]?.[0]);
  return (
    <div className="space-y-5">
      <form action={action} className="grid gap-4 sm:grid-cols-[1fr_11rem_auto] sm:items-end">
        <input type="hidden" name="org" value={orgSlug} />
        <Field
          label="Token name"
          name="name"
          required
          maxLength={80}
          placeholder="Okta"
          defaultValue={state.ok ? "" : state.values?.name}
          error={error("name")}
        />
        <Field label="Expires" name="expiresIn" error={error("expiresIn")}>
          <select id="field-expiresIn" name="expiresIn" className={inputClass} defaultValue={state.ok ? "365" : (state.values?.expiresIn ?? "365")}>
            <option value="30">In 30 days</option>
            <option value="90">In 90 days</option>
            <option value="365">In 1 year</option>
            <option value="never">Never</option>
          </select>
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create SCIM token"}
        </Button>
      </form>
      {!state.ok ? <FormMessage state={state} /> : null}
      {created ? (
        <div role="status" className="space-y-3 rounded-lg bg-amber-50 p-4 ring-1 ring-inset ring-amber-200">
          <p className="text-sm font-medium text-amber-900">
            {state.message} Copy it now into your identity provider&apos;s SCIM app: it is shown only this once, and Seatwise keeps no copy of it.
          </p>
          <CopyValue id="new-scim-token" label="New SCIM token" labelHidden copyLabel="Copy the new SCIM token" value={created.token} inputRef={tokenRef} testId="new-scim-token" />
        </div>
      ) : null}
    </div>
  );
}

/** Revoke, after a confirmation that says what stops. */
export function RevokeScimTokenButton({ orgSlug, tokenId, name }: { orgSlug: string; tokenId: string; name: string }) {
  return (
    <RevokeTokenButton
      orgSlug={orgSlug}
      tokenId={tokenId}
      name={name}
      action={revokeScimTokenAction}
      description="Your identity provider's next request with this token is refused, so provisioning stops until you give it a new token. Members it created stay as they are."
    />
  );
}
