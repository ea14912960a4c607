"use client";

import { useActionState } from "react";
import { resendInvitationAction, revokeInvitationAction } from "@/app/o/[org]/invites/actions";
import { inviteSupplierAction } from "@/app/o/[org]/suppliers/actions";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
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
};

/** Open supplier invitations (I6, I3): one client component for the table, with Resend and Revoke. */
export function SupplierInvitesTable({ orgSlug, rows }: { orgSlug: string; rows: SupplierInvite[] }) {
  const [resendState, resend, resending] = useActionState(resendInvitationAction, initialFormState);
  const [revokeState, revoke, revoking] = useActionState(revokeInvitationAction, initialFormState);
  const last = revokeState.ok || revokeState.formError ? revokeState : resendState;
  return (
    <>
      {last.formError || last.ok ? (
        <div className="border-b border-gray-200 p-4">
          <FormMessage state={last} />
        </div>
      ) : null}
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
            <tr key={row.id}>
              <Td className="whitespace-normal sm:whitespace-nowrap">
                <span className="font-medium text-gray-900">{row.companyName}</span>
                <span className="block text-xs text-gray-500 [overflow-wrap:anywhere]">{row.email}</span>
                <span className="block text-xs text-gray-500 sm:hidden">
                  by {row.invitedBy} · expires {row.expires}
                </span>
              </Td>
              <Td className="hidden sm:table-cell">
                {row.invitedBy}
                <span className="block text-xs text-gray-500">sent {row.sent}</span>
              </Td>
              <Td className="hidden sm:table-cell">{row.expires}</Td>
              <Td>{row.expired ? <Badge tone="red">Expired</Badge> : <Badge tone="amber">Pending</Badge>}</Td>
              <Td>
                <div className="flex flex-col items-end gap-2 sm:flex-row sm:justify-end">
                  <form action={resend}>
                    <input type="hidden" name="org" value={orgSlug} />
                    <input type="hidden" name="invitationId" value={row.id} />
                    <Button type="submit" size="sm" variant="secondary" disabled={resending || revoking} aria-label={`Resend invitation to ${row.email}`}>
                      Resend
                    </Button>
                  </form>
                  <form action={revoke}>
                    <input type="hidden" name="org" value={orgSlug} />
                    <input type="hidden" name="invitationId" value={row.id} />
                    <Button type="submit" size="sm" variant="danger" disabled={resending || revoking} aria-label={`Revoke invitation to ${row.email}`}>
                      Revoke
                    </Button>
                  </form>
                </div>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
