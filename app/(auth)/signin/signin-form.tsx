"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";
import { initialFormState } from "@/lib/form-state";
import { requestSignInLink } from "./actions";

export function SignInForm({ redirectTo, email }: { redirectTo?: string; email?: string }) {
  const [state, action, pending] = useActionState(requestSignInLink, initialFormState);
  return (
    <form action={action} className="space-y-5" noValidate>
      {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
      <Field
        label="Work email"
        name="email"
        type="email"
        autoComplete="email"
        required
        placeholder="you@company.com"
        defaultValue={state.values?.email ?? email}
        error={state.fieldErrors?.email}
      />
      <FormMessage state={state} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Email me a sign-in link"}
      </Button>
      {/* D3, D4: an address whose company uses single sign-on goes to its identity provider; its break-glass Admins can still ask for a link. */}
      <p className="text-xs text-gray-500">
        If your company signs in through single sign-on, you go to its sign-in page instead.{" "}
        <button type="submit" name="method" value="link" disabled={pending} className="font-medium text-indigo-600 underline hover:text-indigo-500">
          Send me an email link anyway
        </button>
      </p>
    </form>
  );
}
