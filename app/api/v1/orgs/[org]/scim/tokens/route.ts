// POST /api/v1/orgs/{org}/scim/tokens – create a SCIM token for the identity provider (issue 17, Admins)
import { createScimTokenEndpoint } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { createScimToken } from "@/lib/scim/settings";
import { publicBaseUrl } from "@/lib/url";

export const POST = apiRoute(createScimTokenEndpoint, async (ctx, { body }) => {
  const created = await createScimToken(ctx, body, { baseUrl: publicBaseUrl() });
  return { id: created.id, name: created.name, token: created.token, prefix: created.prefix, expiresAt: created.expiresAt?.toISOString() ?? null };
});
