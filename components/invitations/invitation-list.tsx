"use client";

import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { resendInvitationAction, restoreInvitationAction, revokeInvitationAction } from "@/app/o/[org]/invites/actions";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { initialFormState, type FormState } from "@/lib/form-state";
import { cn } from "@/lib/cn";

export type InvitationRow = {
  id: string;
  email: string;
  name: string | null;
  role: string;
  invitedBy: string;
  sent: string;
  expires: string;
  expiresExact: string;
  state: "pending" | "expired" | "revoked";
  deliveryFailed: boolean;
  /** R1: this viewer may resend, revoke and restore it. */
  canManage: boolean;
  /** For a revoked row: until when Undo works (formatted), or null when it no longer can. */
  undoUntil: string | null;
};

type Kind = "resend" | "revoke" | "restore";

function answeredId(state: FormState): string | null {
  const data = state.data as { invitationId?: string } | undefined;
  return (state.ok ? data?.invitationId : state.values?.invitationId) ?? null;
}

/** The visible one of the controls marked for this row (the table and the card list both have one). */
function visibleControl(selector: string): HTMLElement | null {
  for (const element of document.querySelectorAll<HTMLElement>(selector)) {
    if (element.checkVisibility ? element.checkVisibility() : element.offsetParent !== null) return element;
  }
  return null;
}

/**
 * Manage Invites (SPEC I3) as one client component for the whole list: a table on wide screens,
 * a card list on narrow ones, and the one confirm dialog and forms for Resend, Revoke and Undo.
 * Revoke asks first, naming the address; a revoked invitation keeps its row (now "Revoked" with
 * Undo, docs/decisions/031), so nothing moves under the pointer; every outcome is said in one
 * message line of fixed height above the list.
 */
export function InvitationList({ orgSlug, rows, summary }: { orgSlug: string; rows: InvitationRow[]; summary: string }) {
  const [resendState, resend, resending] = useActionState(resendInvitationAction, initialFormState);
  const [revokeState, revoke, revoking] = useActionState(revokeInvitationAction, initialFormState);
  const [restoreState, restore, restoring] = useActionState(restoreInvitationAction, initialFormState);
  const [last, setLast] = useState<Kind | null>(null);
  // The row whose Revoke asks for confirmation, and the revoke answer current when it was asked.
  const [asking, setAsking] = useState<{ row: InvitationRow; since: FormState } | null>(null);
  const message = useRef<HTMLDivElement>(null);
  const busy = resending || revoking || restoring;
  const states: Record<Kind, FormState> = { resend: resendState, revoke: revokeState, restore: restoreState };
  const current = last ? states[last] : null;

  const submit = (kind: Kind, invitationId: string) => {
    const data = new FormData();
    data.set("org", orgSlug);
    data.set("invitationId", invitationId);
    setLast(kind);
    startTransition(() => (kind === "resend" ? resend : kind === "revoke" ? revoke : restore)(data));
  };

  // A revocation that went through closes its dialog (focus then goes to the row's Undo); a
  // refusal keeps it open with the reason.
  const answered = asking !== null && revokeState !== asking.since;
  const confirm = asking && !(answered && revokeState.ok) ? asking.row : null;
  const setConfirm = (row: InvitationRow | null) => setAsking(row ? { row, since: revokeState } : null);
  // An Undo that went through gives the row its Revoke back: focus it, where Undo was.
  useEffect(() => {
    const id = restoreState.ok ? answeredId(restoreState) : null;
    if (id) (visibleControl(`[data-revoke-for="${id}"]`) ?? message.current)?.focus();
  }, [restoreState]);

  const controls = (row: InvitationRow) =>
    !row.canManage ? (
      <span className="text-xs text-gray-500">Admins manage this one</span>
    ) : row.state === "revoked" ? (
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
    );

  const status = (row: InvitationRow) => (
    <span className="flex flex-wrap items-start gap-1">
      {row.state === "revoked" ? <Badge>Revoked</Badge> : row.state === "expired" ? <Badge tone="red">Expired</Badge> : <Badge tone="amber">Pending</Badge>}
      {row.deliveryFailed && row.state !== "revoked" ? <Badge tone="red">Delivery failed</Badge> : null}
    </span>
  );

  return (
    <>
      <div
        ref={message}
        tabIndex={-1}
        // Room for three lines on a phone and two on a wider screen, whatever the message: the list
        // below never moves when a message appears (nothing slides under the pointer).
        className="flex min-h-[4.75rem] items-center border-b border-gray-200 px-4 py-2 text-sm focus:outline-none sm:min-h-14"
      >
        {current?.formError && !confirm ? (
          <p role="alert" className="line-clamp-3 text-red-700 sm:line-clamp-2">
            {current.formError}
          </p>
        ) : (
          <p role="status" className={cn("line-clamp-3 sm:line-clamp-2", current?.ok ? "text-green-800" : "text-gray-600")}>
            {current?.ok && current.message ? current.message : summary}
          </p>
        )}
      </div>

      {/* Wide screens: the table of SPEC I3. */}
      <div className="hidden sm:block">
        <div className="relative overflow-x-auto">
          <table aria-label="Invitations" className="min-w-full divide-y divide-gray-200 text-sm">
            <thead className="bg-gray-50">
              <tr>
                {["Email", "Role", "Invited by", "Sent", "Expires", "Status"].map((h) => (
                  <th key={h} scope="col" className="px-4 py-3 text-left text-xs font-semibold uppercase tracking-wide text-gray-500">
                    {h}
                  </th>
                ))}
                <th scope="col" className="px-4 py-3 text-right text-xs font-semibold uppercase tracking-wide text-gray-500">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100 bg-white">
              {rows.map((row) => (
                <tr key={row.id} className={row.state === "revoked" ? "bg-gray-50 text-gray-500" : undefined}>
                  <td className="max-w-72 px-4 py-3 font-medium text-gray-900 [overflow-wrap:anywhere]">
                    <span className={row.state === "revoked" ? "text-gray-500 line-through decoration-gray-400" : undefined}>{row.email}</span>
                    {row.name ? <span className="block text-xs font-normal text-gray-500">{row.name}</span> : null}
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 text-gray-700">{row.role}</td>
                  <td className="whitespace-nowrap px-4 py-3 text-gray-700">{row.invitedBy}</td>
                  <td className="whitespace-nowrap px-4 py-3 text-gray-700">{row.sent}</td>
                  <td className="whitespace-nowrap px-4 py-3 text-gray-700" title={row.expiresExact}>
                    {row.expires}
                  </td>
                  <td className="px-4 py-3">{status(row)}</td>
                  <td className="whitespace-nowrap px-4 py-3">
                    <div className="flex items-center justify-end gap-2">{controls(row)}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      {/* Narrow screens: one card per invitation, the address on a line of its own. */}
      <ul aria-label="Invitations" className="divide-y divide-gray-100 sm:hidden">
        {rows.map((row) => (
          <li key={row.id} className={cn("space-y-2 px-4 py-3", row.state === "revoked" && "bg-gray-50")}>
            <div className="flex items-start justify-between gap-3">
              <p className="min-w-0 text-sm font-medium text-gray-900 [overflow-wrap:anywhere]">
                <span className={row.state === "revoked" ? "text-gray-500 line-through decoration-gray-400" : undefined}>{row.email}</span>
                {row.name ? <span className="block text-xs font-normal text-gray-500">{row.name}</span> : null}
              </p>
              {status(row)}
            </div>
            <p className="text-xs text-gray-600">
              {row.role} · invited by {row.invitedBy} · sent {row.sent} · expires <span title={row.expiresExact}>{row.expires}</span>
            </p>
            <div className="flex flex-wrap items-center gap-2">{controls(row)}</div>
          </li>
        ))}
      </ul>

      {confirm ? (
        <Dialog
          open
          onOpenChange={(open) => {
            if (!open) setConfirm(null);
          }}
          title={`Revoke the invitation to ${confirm.email}?`}
          description={
            <>
              The link in the email to <strong className="font-medium text-gray-900 [overflow-wrap:anywhere]">{confirm.email}</strong> stops
              working and its seat ({confirm.role}) is free at once. You can undo this for 10 minutes.
            </>
          }
          returnFocus={() => visibleControl(`[data-undo-for="${confirm.id}"]`) ?? visibleControl(`[data-revoke-for="${confirm.id}"]`) ?? message.current}
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
