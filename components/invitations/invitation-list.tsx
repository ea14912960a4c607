"use client";

import { InvitationControls, InvitationMessageLine, RevokeInvitationDialog, useInvitationActions } from "@/components/invitations/invitation-actions";
import { Badge } from "@/components/ui/card";
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

/**
 * Manage Invites (SPEC I3) as one client component for the whole list: a table on wide screens,
 * a card list on narrow ones, and the one confirm dialog and forms for Resend, Revoke and Undo.
 * Revoke asks first, naming the address; a revoked invitation keeps its row (now "Revoked" with
 * Undo, docs/decisions/031), so nothing moves under the pointer; every outcome is said in one
 * message line of fixed height above the list.
 */
export function InvitationList({ orgSlug, rows, summary }: { orgSlug: string; rows: InvitationRow[]; summary: string }) {
  const actions = useInvitationActions<InvitationRow>(orgSlug);
  const controls = (row: InvitationRow) =>
    row.canManage ? (
      <InvitationControls actions={actions} row={row} revoked={row.state === "revoked"} undoUntil={row.undoUntil} />
    ) : (
      <span className="text-xs text-gray-500">Admins manage this one</span>
    );

  const status = (row: InvitationRow) => (
    <span className="flex flex-wrap items-start gap-1">
      {row.state === "revoked" ? <Badge>Revoked</Badge> : row.state === "expired" ? <Badge tone="red">Expired</Badge> : <Badge tone="amber">Pending</Badge>}
      {row.deliveryFailed && row.state !== "revoked" ? <Badge tone="red">Delivery failed</Badge> : null}
    </span>
  );

  return (
    <>
      <InvitationMessageLine actions={actions} summary={summary} />

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

      <RevokeInvitationDialog
        actions={actions}
        title={(row) => `Revoke the invitation to ${row.email}?`}
        description={(row) => (
          <>
            The link in the email to <strong className="font-medium text-gray-900 [overflow-wrap:anywhere]">{row.email}</strong> stops working
            and its seat ({row.role}) is free at once. You can undo this for 10 minutes.
          </>
        )}
      />
    </>
  );
}
