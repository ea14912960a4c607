// GET /scim/v2/{org}/Schemas – the User and Group schemas (RFC 7643 §7)
import { listResponse, schemas } from "@/lib/scim/resources";
import { scimRoute } from "@/lib/scim/route";

export const GET = scimRoute(async (_ctx, { baseUrl }) => {
  const all = schemas(baseUrl);
  return { status: 200, body: listResponse(all, all.length, 1) };
});
