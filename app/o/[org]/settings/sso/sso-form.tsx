"use client";

import { startTransition, useActionState, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";
import { initialFormState } from "@/lib/form-state";
import { testSsoAction, updateSsoAction } from "./actions";

type Domain = { id: string; domain: string; ssoEnabled: boolean; requireSso: boolean };
type Admin = { userId: string; email: string; name: string | null; breakGlass: boolean };

/** D3, D4: the connection, the domains it covers, Require SSO per domain and the break-glass Admins. */
export function SsoForm({
  orgSlug,
  redirectUri,
  connection,
  domains,
  admins,
}: {
  orgSlug: string;
  redirectUri: string;
  connection: { issuer: string; clientId: string } | null;
  domains: Domain[];
  admins: Admin[];
}) {
  const [state, save, saving] = useActionState(updateSsoAction, initialFormState);
  const [test, runTest, testing] = useActionState(testSsoAction, initialFormState);
  const values = state.ok ? undefined : state.values;
  const form = useRef<HTMLFormElement>(null);
  // Test connection posts the fields as typed without submitting the form, so nothing typed is reset.
  const testNow = () => {
    if (form.current) {
      const data = new FormData(form.current);
      startTransition(() => runTest(data));
    }
  };
  const testOk = (test.data as { ok?: boolean } | undefined)?.ok;
  return (
    <form ref={form} action={save} className="space-y-6" noValidate>
      <input type="hidden" name="org" value={orgSlug} />
      <div className="space-y-1.5">
        <span className="block text-sm font-medium text-gray-900" id="redirect-uri-label">
          Redirect URI
        </span>
        <p className="text-xs text-gray-500">Register this sign-in redirect URI in your identity provider&apos;s app for Seatwise (scopes: openid email profile).</p>
        <code aria-labelledby="redirect-uri-label" className="block break-all rounded-md bg-gray-50 px-3 py-2 text-sm text-gray-800 ring-1 ring-inset ring-gray-200">
          {redirectUri}
        </code>
      </div>
      <Field
        label="Issuer URL"
        name="issuer"
        type="url"
        placeholder="https://acme.okta.com"
        defaultValue={values?.issuer ?? connection?.issuer}
        error={state.fieldErrors?.issuer ?? test.fieldErrors?.issuer}
        hint="Okta: https://your-org.okta.com (or …/oauth2/default). Entra ID: https://login.microsoftonline.com/<tenant id>/v2.0."
        required
      />
      <Field label="Client ID" name="clientId" defaultValue={values?.clientId ?? connection?.clientId} error={state.fieldErrors?.clientId} autoComplete="off" required />
      <Field
        label="Client secret"
        name="clientSecret"
        type="password"
        autoComplete="new-password"
        placeholder={connection ? "Stored — leave empty to keep it" : ""}
        error={state.fieldErrors?.clientSecret}
        hint="Stored encrypted; never shown again."
        required={!connection}
      />
      <fieldset aria-describedby={state.fieldErrors?.domainIds || state.fieldErrors?.requireSsoDomainIds ? "sso-domains-error" : undefined}>
        <legend className="text-sm font-medium text-gray-900">Verified domains</legend>
        {domains.length ? (
          <ul className="mt-2 divide-y divide-gray-100 rounded-md ring-1 ring-gray-200">
            {domains.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center gap-x-6 gap-y-2 px-3 py-2 text-sm">
                <span className="min-w-40 font-medium text-gray-900">{d.domain}</span>
                <label className="inline-flex items-center gap-2">
                  <input type="checkbox" name="domainIds" value={d.id} defaultChecked={d.ssoEnabled} />
                  Sign in through SSO
                </label>
                <label className="inline-flex items-center gap-2">
                  <input type="checkbox" name="requireSsoDomainIds" value={d.id} defaultChecked={d.requireSso} />
                  Require SSO (no email links)
                </label>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-sm text-gray-600">Verify a domain on the Domains page first: single sign-on covers verified domains only.</p>
        )}
        {state.fieldErrors?.domainIds || state.fieldErrors?.requireSsoDomainIds ? (
          <p id="sso-domains-error" className="mt-1 text-sm text-red-600">
            {(state.fieldErrors.domainIds ?? state.fieldErrors.requireSsoDomainIds)?.[0]}
          </p>
        ) : null}
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium text-gray-900">Break-glass Admins</legend>
        <p className="text-xs text-gray-500">They can still sign in with an email link when SSO is required, so a broken identity provider cannot lock you out.</p>
        <ul className="mt-2 space-y-1">
          {admins.map((a) => (
            <li key={a.userId}>
              <label className="inline-flex items-center gap-2 text-sm">
                <input type="checkbox" name="breakGlassUserIds" value={a.userId} defaultChecked={a.breakGlass} />
                {a.name ? `${a.name} (${a.email})` : a.email}
              </label>
            </li>
          ))}
        </ul>
        {state.fieldErrors?.breakGlassUserIds ? <p className="mt-1 text-sm text-red-600">{state.fieldErrors.breakGlassUserIds[0]}</p> : null}
      </fieldset>
      <FormMessage state={state} />
      {test.message || test.formError ? (
        <p
          role={testOk ? "status" : "alert"}
          className={
            testOk
              ? "rounded-md bg-green-50 px-3 py-2 text-sm text-green-800 ring-1 ring-inset ring-green-200"
              : "rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-200"
          }
        >
          {test.message ?? test.formError}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={saving || testing}>
          {saving ? "Saving…" : "Save"}
        </Button>
        <Button type="button" variant="secondary" onClick={testNow} disabled={saving || testing}>
          {testing ? "Testing…" : "Test connection"}
        </Button>
      </div>
    </form>
  );
}
