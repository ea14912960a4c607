"use client";

import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { resendInvitationAction, restoreInvitationAction, revokeInvitationAction } from "@/app/o/[org]/invites/actions";
import { inviteSupplierAction } from "@/app/o/[org]/suppliers/actions";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Field, FormError, FormMessage } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { initialFormState, type FormState } from "@/lib/form-state";

/** I6: invite a supplier company: its name and the person who will be its Admin. */
export function InviteSupplierForm({ orgSlug }: { orgSlug: string }) {
  const [state, action, pending] = useActionState(inviteSupplierAction, initialFormState);
  const values = state.ok ? {} : (state.values ?? {});
  const error = (name: string) => state.fieldErrors?.[name]?.[0];
  return (
    <form action={action} className="space-y-4" noValidate key={state.ok ? state.message : "form"}>
      <input type="hidden" name="org" value={orgSlug} />
      <Field label="Company name" name="companyName" id="supplier-company" defaultValue={values.companyName} error={error("companyName")} />
      <Field label="Email" name="email" id="supplier-email" type="email" autoComplete="off" defaultValue={values.email} error={error("email")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="First name (optional)" name="firstName" id="supplier-first-name" defaultValue={values.firstName} error={error("firstName")} />
        <Field label="Last name (optional)" name="lastName" id="supplier-last-name" defaultValue={values.lastName} error={error("lastName")} />
      </div>
      <FormMessage state={{ ...state, formError: Object.keys(state.fieldErrors ?? {}).length ? undefined : state.formError }} />
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send Invitation"}
      </Button>
    </form>
  );
}

export type SupplierInvite = {
  id: string;
  companyName: string;
  email: string;
  invitedBy: string;
  sent: string;
  expires: string;
  expired: boolean;
  /** Revoked within the undo window: the row stays, marked Revoked (docs/decisions/031). */
  revoked: boolean;
  /** For a revoked row: until when Undo works (formatted), or null when it no longer can. */
  undoUntil: string | null;
};

type Act = "resend" | "revoke" | "restore";

function answeredId(state: FormState): string | null {
  const data = state.data as { invitationId?: string } | undefined;
  return (state.ok ? data?.invitationId : state.values?.invitationId) ?? null;
}

function control(selector: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(selector);
}

/**
 * Open supplier invitations (I6, I3): one client component for the table, with Resend, Revoke and
 * Undo, as Manage Invites has them (components/invitations/invitation-list.tsx). Revoke asks first,
 * naming the company and the address; a revoked invitation keeps its row for the undo window
 * (marked Revoked, Undo where its buttons were), so nothing moves under the pointer; every
 * outcome is said in one message line of fixed height above the table.
 */
export function SupplierInvitesTable({ orgSlug, rows, summary }: { orgSlug: string; rows: SupplierInvite[]; summary: string }) {
  const [resendState, resend, resending] = useActionState(resendInvitationAction, initialFormState);
  const [revokeState, revoke, revoking] = useActionState(revokeInvitationAction, initialFormState);
  const [restoreState, restore, restoring] = useActionState(restoreInvitationAction, initialFormState);
  const [last, setLast] = useState<Act | null>(null);
  // The row whose Revoke asks for confirmation, and the revoke answer current when it was asked.
  const [asking, setAsking] = useState<{ row: SupplierInvite; since: FormState } | null>(null);
  const message = useRef<HTMLDivElement>(null);
  const busy = resending || revoking || restoring;
  const states: Record<Act, FormState> = { resend: resendState, revoke: revokeState, restore: restoreState };
  const current = last ? states[last] : null;

  const submit = (act: Act, invitationId: string) => {
    const data = new FormData();
    data.set("org", orgSlug);
    data.set("invitationId", invitationId);
    setLast(act);
    startTransition(() => (act === "resend" ? resend : act === "revoke" ? revoke : restore)(data));
  };

  // A revocation that went through closes its dialog (focus then goes to the row's Undo); a
  // refusal keeps it open with the reason.
  const answered = asking !== null && revokeState !== asking.since;
  const confirm = asking && !(answered && revokeState.ok) ? asking.row : null;
  const setConfirm = (row: SupplierInvite | null) => setAsking(row ? { row, since: revokeState } : null);
  // An Undo that went through gives the row its Revoke back: focus it, where Undo was.
  useEffect(() => {
    const id = restoreState.ok ? answeredId(restoreState) : null;
    if (id) (control(`[data-revoke-for="${id}"]`) ?? message.current)?.focus();
  }, [restoreState]);

  return (
    <>
      <div
        ref={message}
        tabIndex={-1}
        // Room for three lines on a phone and two on a wider screen, whatever the message: the table
        // below never moves when a message appears (nothing slides under the pointer).
        className="flex min-h-[4.75rem] items-center border-b border-gray-200 px-4 py-2 text-sm focus:outline-none sm:min-h-14"
      >
        {current?.formError && !confirm ? (
          <p role="alert" className="line-clamp-3 text-red-700 sm:line-clamp-2">
            {current.formError}
          </p>
        ) : (
          <p role="status" aria-live="polite" className={cn("line-clamp-3 sm:line-clamp-2", current?.ok ? "text-green-800" : "text-gray-600")}>
            {current?.ok && current.message ? current.message : summary}
          </p>
        )}
      </div>
      <Table aria-label="Supplier invitations">
        <thead className="bg-gray-50">
          <tr>
            <Th>Company</Th>
            {/* On a phone the company's cell carries these, and the buttons stay on screen. */}
            <Th className="hidden sm:table-cell">Invited by</Th>
            <Th className="hidden sm:table-cell">Expires</Th>
            <Th>Status</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100 bg-white">
          {rows.map((row) => (
            <tr key={row.id} className={row.revoked ? "bg-gray-50 text-gray-500" : undefined}>
              <Td className="whitespace-normal sm:whitespace-nowrap">
                <span className={cn("font-medium", row.revoked ? "text-gray-500 line-through decoration-gray-400" : "text-gray-900")}>{row.companyName}</span>
                <span className={cn("block text-xs text-gray-500 [overflow-wrap:anywhere]", row.revoked && "line-through decoration-gray-400")}>{row.email}</span>
                <span className="block text-xs text-gray-500 sm:hidden">
                  by {row.invitedBy} · expires {row.expires}
                </span>
              </Td>
              <Td className="hidden sm:table-cell">
                {row.invitedBy}
                <span className="block text-xs text-gray-500">sent {row.sent}</span>
              </Td>
              <Td className="hidden sm:table-cell">{row.expires}</Td>
              <Td>{row.revoked ? <Badge>Revoked</Badge> : row.expired ? <Badge tone="red">Expired</Badge> : <Badge tone="amber">Pending</Badge>}</Td>
              <Td>
                <div className="flex flex-col items-end gap-2 sm:flex-row sm:justify-end">
                  {row.revoked ? (
                    row.undoUntil ? (
                      <Button
                        size="sm"
                        variant="secondary"
                        data-undo-for={row.id}
                        aria-label={`Undo revoking the invitation to ${row.email}`}
                        title={`Undo works until ${row.undoUntil}`}
                        disabled={busy}
                        onClick={() => submit("restore", row.id)}
                      >
                        Undo
                      </Button>
                    ) : null
                  ) : (
                    <>
                      <Button size="sm" variant="secondary" aria-label={`Resend invitation to ${row.email}`} disabled={busy} onClick={() => submit("resend", row.id)}>
                        Resend
                      </Button>
                      <Button
                        size="sm"
                        variant="danger"
                        data-revoke-for={row.id}
                        aria-label={`Revoke invitation to ${row.email}`}
                        disabled={busy}
                        onClick={() => setConfirm(row)}
                      >
                        Revoke
                      </Button>
                    </>
                  )}
                </div>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>

      {confirm ? (
        <Dialog
          open
          onOpenChange={(open) => {
            if (!open) setConfirm(null);
          }}
          title={`Revoke the supplier invitation to ${confirm.companyName}?`}
          description={
            <>
              The link in the email to <strong className="font-medium text-gray-900 [overflow-wrap:anywhere]">{confirm.email}</strong> stops
              working: {confirm.companyName} can no longer join through it. You can undo this for 10 minutes.
            </>
          }
          returnFocus={() => control(`[data-undo-for="${confirm.id}"]`) ?? control(`[data-revoke-for="${confirm.id}"]`) ?? message.current}
        >
          <form
            onSubmit={(event) => {
              event.preventDefault();
              submit("revoke", confirm.id);
            }}
            className="space-y-4"
          >
            {answered ? <FormError message={revokeState.formError} /> : null}
            <DialogActions onCancel={() => setConfirm(null)} label="Revoke invitation" pendingLabel="Revoking…" pending={revoking} />
          </form>
        </Dialog>
      ) : null}
    </>
  );
}
