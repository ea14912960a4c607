// GET /scim/v2/{org}/Groups/{id} – one group · PUT – replace · PATCH – change (204) · DELETE – delete (SPEC C4)
import { deleteGroup, getGroup, patchGroup, replaceGroup } from "@/lib/scim/groups";
import { scimRoute } from "@/lib/scim/route";
import { publicBaseUrl } from "@/lib/url";

export const GET = scimRoute(async (ctx, { params, url, baseUrl }) => ({ status: 200, body: await getGroup(ctx, params.id, url.searchParams, baseUrl) }));

export const PUT = scimRoute(
  async (ctx, { params, body, baseUrl }) => {
    const replaced = await replaceGroup(ctx, params.id, body, { scimBaseUrl: baseUrl, appBaseUrl: publicBaseUrl() });
    return { status: 200, body: replaced.resource, summary: replaced.summary };
  },
  { body: true },
);

// Entra asks for 204 without a body ("returning a body with a list of all the members isn't
// advisable"); Okta accepts it. The change is applied or refused as a whole, never half.
export const PATCH = scimRoute(
  async (ctx, { params, body, baseUrl }) => {
    const patched = await patchGroup(ctx, params.id, body, { scimBaseUrl: baseUrl, appBaseUrl: publicBaseUrl() });
    return { status: 204, summary: patched.summary };
  },
  { body: true },
);

export const DELETE = scimRoute(async (ctx, { params, baseUrl }) => {
  const deleted = await deleteGroup(ctx, params.id, { scimBaseUrl: baseUrl, appBaseUrl: publicBaseUrl() });
  return { status: 204, summary: deleted.summary };
});
