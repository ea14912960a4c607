import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { InviteForm } from "@/components/members/invite-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireMemberPage } from "@/lib/auth/session";
import { canChangeTier, canManageInvitations, canOfferPlanOnInvite, grantableRoles } from "@/lib/permissions";
import { memberEmailDomains } from "@/lib/members/queries";
import { listOrgPlans } from "@/lib/plans/queries";
import { seatHelp } from "@/lib/seats/seat-help";
import { seatUsage } from "@/lib/seats/seat-usage";
import { seatsLeft } from "@/lib/seats/seats-left";
import { db } from "@/db/client";
import { tierLabels } from "@/lib/tiers";

export const metadata: Metadata = { title: "Invite Teammate" };

export default async function InvitePage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireMemberPage(org);
  if (!canManageInvitations(ctx.membership.role)) forbidden();
  const [seats, orgPlans, knownDomains] = await Promise.all([seatUsage(db, ctx.org.id), listOrgPlans(ctx), memberEmailDomains(ctx)]);
  // I1 with P7: the plans this inviter may add people to, with their free plan seats.
  const actor = { userId: ctx.user.id, role: ctx.membership.role };
  const plans = orgPlans
    .filter((plan) => canOfferPlanOnInvite(actor, plan))
    .map((plan) => ({
      id: plan.id,
      name: plan.productName,
      seatsLeft: seatsLeft(plan.usage),
    }));
  const left = seatsLeft(seats);
  const help = await seatHelp(db, { orgId: ctx.org.id, orgSlug: ctx.org.slug, role: ctx.membership.role }, seats);
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
          <div className="flex flex-wrap items-center gap-4">
            {/* #14.14: the invitations already sent are one step away. */}
            <Link href={`/o/${ctx.org.slug}/invites`} className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
              Manage Invites
            </Link>
            <Link href={`/o/${ctx.org.slug}/users`} className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
              Back to Users
            </Link>
          </div>
        }
      />
      <Card className="max-w-2xl p-6">
        <InviteForm
          orgSlug={ctx.org.slug}
          roles={grantableRoles(ctx.membership.role)}
          plans={plans}
          knownDomains={knownDomains}
          seats={{
            left,
            limit: seats.limit,
            tier: tierLabels[seats.tier],
            // T4: only Admins change the tier; Managers are told to ask one.
            subscriptionHref: canChangeTier(ctx.membership.role) ? `/o/${ctx.org.slug}/settings/subscription` : null,
            upgradeLabel: help.upgrade?.label ?? null,
            askAdmins: help.askAdmins,
          }}
        />
      </Card>
    </>
  );
}
