// GET /scim/v2/{org}/ResourceTypes – User and Group (RFC 7643 §6)
import { listResponse, resourceTypes } from "@/lib/scim/resources";
import { scimRoute } from "@/lib/scim/route";

export const GET = scimRoute(async (_ctx, { baseUrl }) => {
  const all = resourceTypes(baseUrl);
  return { status: 200, body: listResponse(all, all.length, 1) };
});
