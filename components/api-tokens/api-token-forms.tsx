"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { createApiTokenAction, revokeApiTokenAction } from "@/app/o/[org]/settings/api-tokens/actions";
import { RevokeTokenButton } from "@/components/api-tokens/revoke-token-button";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { initialFormState } from "@/lib/form-state";

type RoleOption = { value: string; label: string };

/**
 * K1: create a token (a name, a role no higher than the creator's, an expiry of at most a year).
 * Its value is shown here once, with Copy; the server keeps only its hash.
 */
export function CreateApiTokenForm({ orgSlug, roles }: { orgSlug: string; roles: RoleOption[] }) {
  const [state, action, pending] = useActionState(createApiTokenAction, initialFormState);
  const [copiedToken, setCopiedToken] = useState<string | null>(null);
  const created = state.ok ? (state.data as { token: string; prefix: string } | undefined) : undefined;
  const copied = !!created && copiedToken === created.token;
  const tokenRef = useRef<HTMLInputElement>(null);
  // The new token gets focus, so a screen reader reads it and Ctrl+C copies it.
  useEffect(() => {
    if (created) tokenRef.current?.focus();
  }, [created]);
  const error = (name: string) => state.fieldErrors?.[name]?.[0];
  return (
    <div className="space-y-5">
      <form action={action} className="grid gap-4 sm:grid-cols-[1fr_10rem_10rem_auto] sm:items-end">
        <input type="hidden" name="org" value={orgSlug} />
        <Field label="Name" name="name" required maxLength={80} placeholder="HR sync" defaultValue={state.ok ? "" : state.values?.name} error={error("name")} />
        <Field label="Role" name="role" error={error("role")}>
          <select id="field-role" name="role" className={inputClass} defaultValue={state.values?.role ?? roles[roles.length - 1]?.value}>
            {roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Expires" name="expiresIn" error={error("expiresIn")}>
          <select id="field-expiresIn" name="expiresIn" className={inputClass} defaultValue={state.values?.expiresIn ?? "90"}>
            <option value="7">In 7 days</option>
            <option value="30">In 30 days</option>
            <option value="90">In 90 days</option>
            <option value="365">In 1 year</option>
            <option value="never">Never</option>
          </select>
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </Button>
      </form>
      {!state.ok ? <FormMessage state={state} /> : null}
      {created ? (
        <div role="status" className="space-y-3 rounded-lg bg-amber-50 p-4 ring-1 ring-inset ring-amber-200">
          <p className="text-sm font-medium text-amber-900">
            {state.message} Copy it now: it is shown only this once, and Seatwise keeps no copy of it.
          </p>
          <div className="flex flex-col gap-2 sm:flex-row">
            <label htmlFor="new-api-token" className="sr-only">
              New API token
            </label>
            <input
              id="new-api-token"
              ref={tokenRef}
              readOnly
              value={created.token}
              onFocus={(e) => e.currentTarget.select()}
              className={`${inputClass} font-mono`}
              data-testid="new-api-token"
            />
            <Button
              type="button"
              variant="secondary"
              onClick={async () => {
                try {
                  await navigator.clipboard.writeText(created.token);
                  setCopiedToken(created.token);
                } catch {
                  tokenRef.current?.select();
                }
              }}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** K1: revoke, after a confirmation that says what stops. */
export function RevokeApiTokenButton({ orgSlug, tokenId, name }: { orgSlug: string; tokenId: string; name: string }) {
  return (
    <RevokeTokenButton
      orgSlug={orgSlug}
      tokenId={tokenId}
      name={name}
      action={revokeApiTokenAction}
      description="Every request made with this token is refused from now on. This cannot be undone: a new token must be created and given to the tool that used it."
    />
  );
}
