import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { InvitationList, type InvitationRow } from "@/components/invitations/invitation-list";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { requireMemberPage } from "@/lib/auth/session";
import { formatDate, formatDateTime } from "@/lib/format";
import { listOpenInvitations } from "@/lib/invitations/queries";
import { canManageInvitation, canManageInvitations, roleLabels } from "@/lib/permissions";

export const metadata: Metadata = { title: "Manage Invites" };

/** SPEC I3: live and expired invitations, with Resend and Revoke (and Undo for a recent revocation). */
export default async function ManageInvitesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireMemberPage(org);
  if (!canManageInvitations(ctx.membership.role)) forbidden();
  const invites = await listOpenInvitations(ctx);
  const rows: InvitationRow[] = invites.map((inv) => ({
    id: inv.id,
    email: inv.email,
    name: [inv.firstName, inv.lastName].filter(Boolean).join(" ") || null,
    role: roleLabels[inv.role],
    invitedBy: inv.invitedByName ?? inv.invitedByEmail,
    sent: formatDate(inv.sentAt),
    expires: formatDate(inv.expiresAt),
    expiresExact: formatDateTime(inv.expiresAt),
    state: inv.state === "revoked" ? "revoked" : inv.state === "expired" ? "expired" : "pending",
    deliveryFailed: inv.delivery === "failed",
    canManage: canManageInvitation(ctx.membership.role, inv.role),
    undoUntil: inv.undoUntil ? formatDateTime(inv.undoUntil) : null,
  }));
  const live = rows.filter((r) => r.state === "pending").length;
  const expired = rows.filter((r) => r.state === "expired").length;
  const summary =
    `${live} pending invitation${live === 1 ? "" : "s"} holding ${live === 1 ? "a seat" : `${live} seats`}` +
    (expired ? `; ${expired} expired (no seat — Resend renews one)` : "") +
    ".";
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
        {rows.length === 0 ? (
          <EmptyState title="No pending invitations">Invitations you send appear here until they are accepted.</EmptyState>
        ) : (
          <InvitationList orgSlug={ctx.org.slug} rows={rows} summary={summary} />
        )}
      </Card>
    </>
  );
}
