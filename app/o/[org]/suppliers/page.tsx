import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { InviteSupplierForm, SupplierInvitesTable } from "@/components/suppliers/supplier-forms";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireMemberPage } from "@/lib/auth/session";
import { formatDate, formatDateTime } from "@/lib/format";
import { canInviteSupplier } from "@/lib/permissions";
import { listSuppliers } from "@/lib/suppliers/queries";

export const metadata: Metadata = { title: "Suppliers" };

/**
 * SPEC I6: an Admin of a client organization invites supplier companies and follows their
 * invitations (Resend, Revoke with confirmation, and Undo for a recent revocation: I3, decision 031).
 */
export default async function SuppliersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireMemberPage(org);
  if (!canInviteSupplier(ctx.membership.role, ctx.org.kind)) forbidden();
  const { joined, open } = await listSuppliers(ctx);
  const pending = open.filter((i) => i.state === "pending").length;
  const expired = open.filter((i) => i.state === "expired").length;
  const summary =
    `${pending} pending supplier invitation${pending === 1 ? "" : "s"}` +
    (expired ? `; ${expired} expired (Resend sends a new link)` : "") +
    ". Supplier invitations hold no seat.";
  return (
    <>
      <PageHeader
        title="Suppliers"
        description={`Invite the companies that supply ${ctx.org.name}. Accepting creates their own organization, with Service to serve you.`}
      />
      <div className="space-y-6">
        <Card className="max-w-2xl p-6">
          <h2 className="mb-4 text-base font-semibold text-gray-900">Invite a supplier</h2>
          <InviteSupplierForm orgSlug={ctx.org.slug} />
        </Card>
        <div className="min-w-0 space-y-6">
          <Card className="h-fit">
            <h2 className="border-b border-gray-200 px-4 py-3 text-sm font-semibold text-gray-900">Your suppliers on Seatwise</h2>
            {joined.length === 0 ? (
              <EmptyState title="No supplier has joined yet">Suppliers appear here once they accept your invitation.</EmptyState>
            ) : (
              <ul className="divide-y divide-gray-100" aria-label="Suppliers">
                {joined.map((s) => (
                  <li key={s.id} className="flex items-center justify-between px-4 py-3 text-sm">
                    <span className="font-medium text-gray-900">{s.name}</span>
                    <span className="text-gray-500">joined {formatDate(s.createdAt)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card>
            <h2 className="border-b border-gray-200 px-4 py-3 text-sm font-semibold text-gray-900">Open supplier invitations</h2>
            {open.length === 0 ? (
              <EmptyState title="No open supplier invitations" />
            ) : (
              <SupplierInvitesTable
                orgSlug={ctx.org.slug}
                summary={summary}
                rows={open.map((i) => ({
                  id: i.id,
                  companyName: i.companyName ?? "—",
                  email: i.email,
                  invitedBy: i.invitedByName ?? i.invitedByEmail,
                  sent: formatDate(i.sentAt),
                  expires: formatDate(i.expiresAt),
                  expired: i.state === "expired",
                  revoked: i.state === "revoked",
                  undoUntil: i.undoUntil ? formatDateTime(i.undoUntil) : null,
                }))}
              />
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
