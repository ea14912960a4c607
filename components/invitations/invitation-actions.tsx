"use client";

import { startTransition, useActionState, useEffect, useRef, useState, type ReactNode } from "react";
import { resendInvitationAction, restoreInvitationAction, revokeInvitationAction } from "@/app/o/[org]/invites/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { initialFormState, type FormState } from "@/lib/form-state";

/**
 * Resend, Revoke (asked first) and Undo of an invitation, as Manage Invites and the Suppliers page
 * both offer them (docs/decisions/031): one hook for the three actions and where focus goes, one
 * fixed-height message line, the row's controls and the confirm dialog.
 */
type Kind = "resend" | "revoke" | "restore";
type Row = { id: string; email: string };

function answeredId(state: FormState): string | null {
  const data = state.data as { invitationId?: string } | undefined;
  return (state.ok ? data?.invitationId : state.values?.invitationId) ?? null;
}

/** The visible one of the controls marked for this row (a table and a card list may both have one). */
function visibleControl(selector: string): HTMLElement | null {
  for (const element of document.querySelectorAll<HTMLElement>(selector)) {
    if (element.checkVisibility ? element.checkVisibility() : element.offsetParent !== null) return element;
  }
  return null;
}

export function useInvitationActions<R extends Row>(orgSlug: string) {
  const [resendState, resend, resending] = useActionState(resendInvitationAction, initialFormState);
  const [revokeState, revoke, revoking] = useActionState(revokeInvitationAction, initialFormState);
  const [restoreState, restore, restoring] = useActionState(restoreInvitationAction, initialFormState);
  const [last, setLast] = useState<Kind | null>(null);
  // The row whose Revoke asks for confirmation, and the revoke answer current when it was asked.
  const [asking, setAsking] = useState<{ row: R; since: FormState } | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const states: Record<Kind, FormState> = { resend: resendState, revoke: revokeState, restore: restoreState };

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
  // An Undo that went through gives the row its Revoke back: focus it, where Undo was.
  useEffect(() => {
    const id = restoreState.ok ? answeredId(restoreState) : null;
    if (id) (visibleControl(`[data-revoke-for="${id}"]`) ?? messageRef.current)?.focus();
  }, [restoreState]);

  return {
    busy: resending || revoking || restoring,
    revoking,
    current: last ? states[last] : null,
    submit,
    confirm,
    setConfirm: (row: R | null) => setAsking(row ? { row, since: revokeState } : null),
    /** The refusal to show inside the dialog, once the revocation asked there was answered. */
    refusal: answered ? revokeState.formError : undefined,
    messageRef,
  };
}

type Actions<R extends Row> = ReturnType<typeof useInvitationActions<R>>;

/**
 * Every outcome in one line above the list, with room for three lines on a phone and two on a wider
 * screen whatever the message: the list below never moves (nothing slides under the pointer).
 */
export function InvitationMessageLine<R extends Row>({ actions, summary }: { actions: Actions<R>; summary: string }) {
  const { current, confirm, messageRef } = actions;
  return (
    <div
      ref={messageRef}
      tabIndex={-1}
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
  );
}

/** A row's controls: Undo where Resend and Revoke were once it is revoked (while Undo still can). */
export function InvitationControls<R extends Row>({
  actions,
  row,
  revoked,
  undoUntil,
}: {
  actions: Actions<R>;
  row: R;
  revoked: boolean;
  undoUntil: string | null;
}) {
  const { busy, submit } = actions;
  if (revoked) {
    return undoUntil ? (
      <Button
        size="sm"
        variant="secondary"
        data-undo-for={row.id}
        aria-label={`Undo revoking the invitation to ${row.email}`}
        title={`Undo works until ${undoUntil}`}
        disabled={busy}
        onClick={() => submit("restore", row.id)}
      >
        Undo
      </Button>
    ) : null;
  }
  return (
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
        onClick={() => actions.setConfirm(row)}
      >
        Revoke
      </Button>
    </>
  );
}

/** Revoke asks first; focus then goes to the row's Undo (or back to its Revoke when cancelled). */
export function RevokeInvitationDialog<R extends Row>({
  actions,
  title,
  description,
}: {
  actions: Actions<R>;
  title: (row: R) => string;
  description: (row: R) => ReactNode;
}) {
  const { confirm, setConfirm, submit, refusal, revoking, messageRef } = actions;
  if (!confirm) return null;
  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open) setConfirm(null);
      }}
      title={title(confirm)}
      description={description(confirm)}
      returnFocus={() => visibleControl(`[data-undo-for="${confirm.id}"]`) ?? visibleControl(`[data-revoke-for="${confirm.id}"]`) ?? messageRef.current}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit("revoke", confirm.id);
        }}
        className="space-y-4"
      >
        <FormError message={refusal} />
        <DialogActions onCancel={() => setConfirm(null)} label="Revoke invitation" pendingLabel="Revoking…" pending={revoking} />
      </form>
    </Dialog>
  );
}
