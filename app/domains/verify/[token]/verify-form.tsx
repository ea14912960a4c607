"use client";

import { TokenConfirmForm } from "@/components/forms/token-confirm-form";
import { verifyDomainAction } from "./actions";

export function VerifyDomainForm({ token, domain }: { token: string; domain: string }) {
  return <TokenConfirmForm action={verifyDomainAction} token={token} label={`Verify ${domain}`} pendingLabel="Verifying…" />;
}
