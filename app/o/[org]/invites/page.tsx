import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ActionButton } from "@/components/ui/action-button";
import { buttonClass } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { requireMemberPage } from "@/lib/auth/session";
import { formatDate, formatDateTime } from "@/lib/format";
import { listOpenInvitations } from "@/lib/invitations/queries";
import { canManageInvitation, canManageInvitations, roleLabels } from "@/lib/permissions";
import { resendInvitationAction, revokeInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Manage Invites" };

/** SPEC I3: live and expired invitations, with Resend and Revoke. */
export default async function ManageInvitesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireMemberPage(org);
  if (!canManageInvitations(ctx.membership.role)) notFound();
  const invites = await listOpenInvitations(ctx);
  return (
    <>
      <PageHeader
        title="Manage Invites"
        description="Invitations that have not been accepted yet. A live invitation holds a seat; an expired one does not."
        actions={
          <>
            <Link href={`/o/${ctx.org.slug}/users`} className={buttonClass("secondary")}>
              Back to Users
            </Link>
            <Link href={`/o/${ctx.org.slug}/users/invite`} className={buttonClass("primary")}>
              Invite Teammate
            </Link>
          </>
        }
      />
      <Card>
        {invites.length === 0 ? (
          <EmptyState title="No pending invitations">Invitations you send appear here until they are accepted.</EmptyState>
        ) : (
          <Table aria-label="Invitations">
            <thead className="bg-gray-50">
              <tr>
                <Th>Email</Th>
                <Th>Role</Th>
                <Th>Invited by</Th>
                <Th>Sent</Th>
                <Th>Expires</Th>
                <Th>Status</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100 bg-white">
              {invites.map((inv) => {
                const allowed = canManageInvitation(ctx.membership.role, inv.role);
                return (
                  <tr key={inv.id}>
                    <Td className="max-w-56 whitespace-normal break-all font-medium text-gray-900">
                      {inv.email}
                      {inv.firstName || inv.lastName ? (
                        <span className="block text-xs font-normal text-gray-500">{[inv.firstName, inv.lastName].filter(Boolean).join(" ")}</span>
                      ) : null}
                    </Td>
                    <Td>{roleLabels[inv.role]}</Td>
                    <Td>{inv.invitedByName ?? inv.invitedByEmail}</Td>
                    <Td>{formatDate(inv.sentAt)}</Td>
                    <Td title={formatDateTime(inv.expiresAt)}>{formatDate(inv.expiresAt)}</Td>
                    <Td>
                      <span className="flex flex-col items-start gap-1">
                        {inv.state === "expired" ? <Badge tone="red">Expired</Badge> : <Badge tone="amber">Pending</Badge>}
                        {inv.delivery === "failed" ? <Badge tone="red">Delivery failed</Badge> : null}
                      </span>
                    </Td>
                    <Td>
                      {allowed ? (
                        <div className="flex items-start justify-end gap-2">
                          <ActionButton action={resendInvitationAction} fields={{ org: ctx.org.slug, invitationId: inv.id }} aria-label={`Resend invitation to ${inv.email}`} size="sm">
                            Resend
                          </ActionButton>
                          <ActionButton
                            action={revokeInvitationAction}
                            fields={{ org: ctx.org.slug, invitationId: inv.id }}
                            variant="danger"
                            size="sm"
                            aria-label={`Revoke invitation to ${inv.email}`}
                          >
                            Revoke
                          </ActionButton>
                        </div>
                      ) : (
                        <span className="text-xs text-gray-500">Admins manage this one</span>
                      )}
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
