"use client";

import { useActionState } from "react";
import { inviteSupplierAction } from "@/app/o/[org]/suppliers/actions";
import { InvitationControls, InvitationMessageLine, RevokeInvitationDialog, useInvitationActions } from "@/components/invitations/invitation-actions";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { initialFormState } from "@/lib/form-state";

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

/**
 * Open supplier invitations (I6, I3): one client component for the table, with Resend, Revoke and
 * Undo, as Manage Invites has them (components/invitations/invitation-list.tsx). Revoke asks first,
 * naming the company and the address; a revoked invitation keeps its row for the undo window
 * (marked Revoked, Undo where its buttons were), so nothing moves under the pointer; every
 * outcome is said in one message line of fixed height above the table.
 */
export function SupplierInvitesTable({ orgSlug, rows, summary }: { orgSlug: string; rows: SupplierInvite[]; summary: string }) {
  const actions = useInvitationActions<SupplierInvite>(orgSlug);
  return (
    <>
      <InvitationMessageLine actions={actions} summary={summary} />
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
                  <InvitationControls actions={actions} row={row} revoked={row.revoked} undoUntil={row.undoUntil} />
                </div>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>

      <RevokeInvitationDialog
        actions={actions}
        title={(row) => `Revoke the supplier invitation to ${row.companyName}?`}
        description={(row) => (
          <>
            The link in the email to <strong className="font-medium text-gray-900 [overflow-wrap:anywhere]">{row.email}</strong> stops working:{" "}
            {row.companyName} can no longer join through it. You can undo this for 10 minutes.
          </>
        )}
      />
    </>
  );
}
