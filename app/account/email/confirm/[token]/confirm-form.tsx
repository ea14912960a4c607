"use client";

import { TokenConfirmForm } from "@/components/forms/token-confirm-form";
import { confirmEmailChangeAction } from "../../actions";

export function ConfirmEmailForm({ token, newEmail }: { token: string; newEmail: string }) {
  return (
    <TokenConfirmForm action={confirmEmailChangeAction} token={token} label={`Sign in as ${newEmail} from now on`} pendingLabel="Confirming…" />
  );
}
