"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { initialFormState, type FormState } from "@/lib/form-state";

/**
 * The one-button form behind a link that proves something (an email change, a domain): GET shows
 * it, only this POST acts, and the answer says what happened with a way on into the app.
 */
export function TokenConfirmForm(props: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  token: string;
  label: string;
  pendingLabel: string;
}) {
  const [state, action, pending] = useActionState(props.action, initialFormState);
  if (state.ok) {
    return (
      <div className="space-y-4">
        <FormMessage state={state} />
        <Link href="/" className="inline-block font-medium text-indigo-600 hover:text-indigo-500">
          Open Seatwise
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={props.token} />
      <FormMessage state={state} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? props.pendingLabel : props.label}
      </Button>
    </form>
  );
}
