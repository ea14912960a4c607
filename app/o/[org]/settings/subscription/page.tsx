import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { db } from "@/db/client";
import { requireMemberPage } from "@/lib/auth/session";
import { canChangeTier } from "@/lib/permissions";
import { seatHolders, seatUsage } from "@/lib/seats/seat-usage";
import { seatLimits, tierLabels, tiers } from "@/lib/tiers";
import { TierForm } from "./tier-form";

export const metadata: Metadata = { title: "Account subscription" };

/** SPEC T1, T4: the account subscription, for Admins. */
export default async function SubscriptionPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireMemberPage(org);
  if (!canChangeTier(ctx.membership.role)) forbidden();
  const usage = await seatUsage(db, ctx.org.id);
  const options = tiers.map((tier) => ({
    tier,
    label: tierLabels[tier],
    limit: seatLimits[tier],
    fits: seatLimits[tier] === null || usage.used <= (seatLimits[tier] as number),
  }));
  return (
    <>
      <PageHeader
        title="Account subscription"
        description={`${ctx.org.name} is on the ${tierLabels[usage.tier]} tier: ${usage.used} seat${usage.used === 1 ? "" : "s"} in use (${seatHolders(usage)}).`}
      />
      <Card className="max-w-2xl p-6">
        <TierForm
          orgSlug={ctx.org.slug}
          orgName={ctx.org.name}
          current={usage.tier}
          options={options}
          used={usage.used}
          holders={seatHolders(usage)}
        />
      </Card>
    </>
  );
}
