import type { MemberContext } from "@/lib/auth/session";
import { routeDispatcher } from "./dispatch";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { SCIM_CONTENT_TYPE } from "@/lib/scim/constants";
import * as groups from "@/app/scim/v2/[org]/Groups/route";
import * as group from "@/app/scim/v2/[org]/Groups/[id]/route";
import * as resourceType from "@/app/scim/v2/[org]/ResourceTypes/[id]/route";
import * as resourceTypes from "@/app/scim/v2/[org]/ResourceTypes/route";
import * as schema from "@/app/scim/v2/[org]/Schemas/[id]/route";
import * as schemas from "@/app/scim/v2/[org]/Schemas/route";
import * as serviceProviderConfig from "@/app/scim/v2/[org]/ServiceProviderConfig/route";
import * as user from "@/app/scim/v2/[org]/Users/[id]/route";
import * as users from "@/app/scim/v2/[org]/Users/route";

/** The app's /scim/v2 route files by their path, as Next's file-system router would match them. */
const routes: Array<[string, Record<string, unknown>]> = [
  ["/{org}/ServiceProviderConfig", serviceProviderConfig],
  ["/{org}/Schemas", schemas],
  ["/{org}/Schemas/{id}", schema],
  ["/{org}/ResourceTypes", resourceTypes],
  ["/{org}/ResourceTypes/{id}", resourceType],
  ["/{org}/Users", users],
  ["/{org}/Users/{id}", user],
  ["/{org}/Groups", groups],
  ["/{org}/Groups/{id}", group],
];

export const SCIM_ORIGIN = "http://localhost:3000";

/** Dispatches a Request to the SCIM route handler Next would run for it, with the same params. */
export const scimFetch = routeDispatcher("/scim/v2", routes);

// SCIM bodies are read as Okta or Entra would, field by field in each test's expectations.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ScimResult = { status: number; body: any; headers: Headers };

/**
 * A SCIM client for one organization and token, as Okta or Entra would call it: `path` is below
 * the organization's base URL (`/Users?filter=…`), `body` is sent as application/scim+json (a
 * string is sent as it is, for malformed bodies).
 */
export function scimClient(orgSlug: string, token: string | null) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ScimResult> => {
    const response = await scimFetch(
      new Request(`${SCIM_ORIGIN}/scim/v2/${orgSlug}${path}`, {
        method,
        body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined ? { "content-type": SCIM_CONTENT_TYPE } : {}),
          ...headers,
        },
      }),
    );
    const text = await response.text();
    let parsed: unknown = null;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };
}

/** A SCIM token made through the real service (the same machinery as K1), by this Admin. */
export async function scimTokenFor(creator: MemberContext, name = "Okta") {
  return createApiToken(creator, { name, role: "admin", expiresIn: "365" }, { baseUrl: SCIM_ORIGIN, kind: "scim" });
}
