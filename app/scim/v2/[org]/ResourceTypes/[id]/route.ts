// GET /scim/v2/{org}/ResourceTypes/{User|Group} – one resource type
import { ScimError } from "@/lib/scim/errors";
import { resourceTypes } from "@/lib/scim/resources";
import { scimRoute } from "@/lib/scim/route";

export const GET = scimRoute(async (_ctx, { baseUrl, params }) => {
  const type = resourceTypes(baseUrl).find((t) => t.id === params.id);
  if (!type) throw new ScimError(404, `There is no resource type ${params.id}.`);
  return { status: 200, body: type };
});
