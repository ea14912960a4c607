// GET /scim/v2/{org}/Groups – list and filter groups · POST – create a group (SPEC C4)
import { createGroup, listGroups } from "@/lib/scim/groups";
import { scimRoute } from "@/lib/scim/route";
import { publicBaseUrl } from "@/lib/url";

export const GET = scimRoute(async (ctx, { url, baseUrl }) => ({ status: 200, body: await listGroups(ctx, url.searchParams, baseUrl) }));

export const POST = scimRoute(
  async (ctx, { body, baseUrl }) => {
    const created = await createGroup(ctx, body, { scimBaseUrl: baseUrl, appBaseUrl: publicBaseUrl() });
    return { status: 201, body: created.resource, headers: { location: `${baseUrl}/Groups/${created.id}` }, summary: created.summary };
  },
  { body: true },
);
