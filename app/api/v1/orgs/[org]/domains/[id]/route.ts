// DELETE /api/v1/orgs/{org}/domains/{id} – remove a domain, its join policy and its single sign-on (D1, Admins)
import { removeDomainEndpoint } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { removeDomain } from "@/lib/domains/manage-domains";

export const DELETE = apiRoute(removeDomainEndpoint, async (ctx, { params }) => {
  await removeDomain(ctx, params.id);
});
