"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { initialFormState } from "@/lib/form-state";
import { verifyDomainAction } from "./actions";

export function VerifyDomainForm({ token, domain }: { token: string; domain: string }) {
  const [state, action, pending] = useActionState(verifyDomainAction, initialFormState);
  if (state.ok) {
    return (
      <div className="space-y-3">
        <FormMessage state={state} />
        <Link href="/" className="font-medium text-indigo-600 hover:text-indigo-500">
          Open Seatwise
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Verifying…" : `Verify ${domain}`}
      </Button>
    </form>
  );
}
