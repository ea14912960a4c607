"use server";

import { memberAction } from "@/lib/action";
import { changeTierSchema } from "@/lib/members/schemas";
import { changeTier } from "@/lib/orgs/change-tier";
import { refreshOrganization } from "@/lib/revalidate";
import { tierLabels } from "@/lib/tiers";

// POST (server action) – change the account subscription's tier (T4).
export const changeTierAction = memberAction(changeTierSchema, async ({ tier }, ctx) => {
  await changeTier(ctx, tier);
  refreshOrganization(ctx.org.slug);
  return `${ctx.org.name} is now on the ${tierLabels[tier]} tier.`;
});
