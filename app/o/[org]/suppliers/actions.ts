"use server";

import { memberAction } from "@/lib/action";
import { refreshOrganization } from "@/lib/revalidate";
import { inviteSupplier } from "@/lib/suppliers/invite-supplier";
import { inviteSupplierSchema } from "@/lib/suppliers/schemas";
import { appBaseUrl } from "@/lib/url";

// POST (server action) – an Admin invites a supplier company (I6).
export const inviteSupplierAction = memberAction(inviteSupplierSchema, async (input, ctx) => {
  const result = await inviteSupplier(ctx, input, { baseUrl: await appBaseUrl() });
  refreshOrganization(ctx.org.slug);
  return result.resent
    ? `${input.email} had a live supplier invitation: it was sent again with a new link.`
    : `Supplier invitation sent to ${input.email} for ${input.companyName}.`;
});
