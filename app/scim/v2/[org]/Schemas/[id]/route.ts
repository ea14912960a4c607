// GET /scim/v2/{org}/Schemas/{urn} – one schema
import { ScimError } from "@/lib/scim/errors";
import { schemas } from "@/lib/scim/resources";
import { scimRoute } from "@/lib/scim/route";

export const GET = scimRoute(async (_ctx, { baseUrl, params }) => {
  const schema = schemas(baseUrl).find((s) => s.id === params.id);
  if (!schema) throw new ScimError(404, `There is no schema ${params.id}.`);
  return { status: 200, body: schema };
});
