// GET|POST /api/v1/orgs/{org}/domains – list domains, add one and send its verification link (D1, Admins)
import { addDomainEndpoint, listDomainsEndpoint } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { addDomain } from "@/lib/domains/add-domain";
import { listDomains } from "@/lib/domains/manage-domains";
import { publicBaseUrl } from "@/lib/url";

export const GET = apiRoute(listDomainsEndpoint, async (ctx) => {
  const domains = await listDomains(ctx);
  return {
    data: domains.map((d) => ({
      ...d,
      linkExpiresAt: d.linkExpiresAt?.toISOString() ?? null,
      verifiedAt: d.verifiedAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
    })),
  };
});

export const POST = apiRoute(addDomainEndpoint, (ctx, { body }) => addDomain(ctx, body, { baseUrl: publicBaseUrl() }));
