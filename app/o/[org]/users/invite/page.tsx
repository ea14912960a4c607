import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InviteForm } from "@/components/members/invite-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireMemberPage } from "@/lib/auth/session";
import { canManageInvitations, grantableRoles } from "@/lib/permissions";
import { seatUsage } from "@/lib/seats/seat-usage";
import { db } from "@/db/client";
import { tierLabels } from "@/lib/tiers";

export const metadata: Metadata = { title: "Invite Teammate" };

export default async function InvitePage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireMemberPage(org);
  if (!canManageInvitations(ctx.membership.role)) notFound();
  const seats = await seatUsage(db, ctx.org.id);
  const left = seats.limit === null ? null : Math.max(0, seats.limit - seats.used);
  return (
    <>
      <PageHeader
        title="Invite Teammate"
        description={
          left === null
            ? `${tierLabels[seats.tier]} tier: unlimited seats.`
            : `${left} of ${seats.limit} seats left on the ${tierLabels[seats.tier]} tier. Each invitation holds a seat until it is accepted, revoked or expires.`
        }
        actions={
          <Link href={`/o/${ctx.org.slug}/users`} className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
            Back to Users
          </Link>
        }
      />
      <Card className="max-w-2xl p-6">
        <InviteForm orgSlug={ctx.org.slug} roles={grantableRoles(ctx.membership.role)} />
      </Card>
    </>
  );
}
