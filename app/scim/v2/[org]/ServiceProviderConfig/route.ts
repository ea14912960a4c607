// GET /scim/v2/{org}/ServiceProviderConfig – what this service provider supports (RFC 7643 §5)
import { serviceProviderConfig } from "@/lib/scim/resources";
import { scimRoute } from "@/lib/scim/route";

export const GET = scimRoute(async (_ctx, { baseUrl }) => ({ status: 200, body: serviceProviderConfig(baseUrl) }));
