"use server";

import { publicAction } from "@/lib/action";
import { verifyDomainSchema } from "@/lib/domains/schemas";
import { verifyDomain } from "@/lib/domains/verify-domain";

// POST (server action) – verify a domain from its emailed link (D1). Never a side effect of GET.
export const verifyDomainAction = publicAction(verifyDomainSchema, async ({ token }) => {
  const result = await verifyDomain(token);
  return { message: `${result.domain} is verified for ${result.orgName}.`, data: { orgSlug: result.orgSlug } };
});
