// PUT /api/v1/orgs/{org}/sso – set the OpenID Connect connection, its domains, Require SSO and break-glass Admins (D3, D4)
import { updateSsoEndpoint } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { updateSsoConnection } from "@/lib/sso/manage-sso";

export const PUT = apiRoute(updateSsoEndpoint, (ctx, { body }) => updateSsoConnection(ctx, body));
