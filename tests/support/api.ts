import createClient from "openapi-fetch";
import { routeDispatcher } from "./dispatch";
import type { MemberContext } from "@/lib/auth/session";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import type { Role } from "@/lib/permissions";
import type { paths } from "./api-types";
import * as activity from "@/app/api/v1/orgs/[org]/activity/route";
import * as invitation from "@/app/api/v1/orgs/[org]/invitations/[id]/route";
import * as invitationResend from "@/app/api/v1/orgs/[org]/invitations/[id]/resend/route";
import * as invitations from "@/app/api/v1/orgs/[org]/invitations/route";
import * as member from "@/app/api/v1/orgs/[org]/members/[userId]/route";
import * as members from "@/app/api/v1/orgs/[org]/members/route";
import * as planTransfers from "@/app/api/v1/orgs/[org]/plans/[planId]/transfers/route";
import * as planUser from "@/app/api/v1/orgs/[org]/plans/[planId]/users/[userId]/route";
import * as planUsers from "@/app/api/v1/orgs/[org]/plans/[planId]/users/route";
import * as plans from "@/app/api/v1/orgs/[org]/plans/route";
import * as surveyTransfer from "@/app/api/v1/orgs/[org]/surveys/[id]/transfer/route";
import * as surveys from "@/app/api/v1/orgs/[org]/surveys/route";
import * as transfer from "@/app/api/v1/orgs/[org]/transfers/[id]/route";
import * as domain from "@/app/api/v1/orgs/[org]/domains/[id]/route";
import * as domains from "@/app/api/v1/orgs/[org]/domains/route";
import * as sso from "@/app/api/v1/orgs/[org]/sso/route";
import * as scimTokens from "@/app/api/v1/orgs/[org]/scim/tokens/route";
import * as webhook from "@/app/api/v1/orgs/[org]/webhooks/[id]/route";
import * as webhooks from "@/app/api/v1/orgs/[org]/webhooks/route";

/** The app's /api/v1 route files by their path, as Next's file-system router would match them. */
const routes: Array<[string, Record<string, unknown>]> = [
  ["/orgs/{org}/members", members],
  ["/orgs/{org}/members/{userId}", member],
  ["/orgs/{org}/invitations", invitations],
  ["/orgs/{org}/invitations/{id}", invitation],
  ["/orgs/{org}/invitations/{id}/resend", invitationResend],
  ["/orgs/{org}/plans", plans],
  ["/orgs/{org}/plans/{planId}/users", planUsers],
  ["/orgs/{org}/plans/{planId}/users/{userId}", planUser],
  ["/orgs/{org}/plans/{planId}/transfers", planTransfers],
  ["/orgs/{org}/transfers/{id}", transfer],
  ["/orgs/{org}/surveys", surveys],
  ["/orgs/{org}/surveys/{id}/transfer", surveyTransfer],
  ["/orgs/{org}/activity", activity],
  ["/orgs/{org}/webhooks", webhooks],
  ["/orgs/{org}/webhooks/{id}", webhook],
  ["/orgs/{org}/domains", domains],
  ["/orgs/{org}/domains/{id}", domain],
  ["/orgs/{org}/sso", sso],
  ["/orgs/{org}/scim/tokens", scimTokens],
];

/**
 * Dispatches a Request to the route handler Next would run for it, with the same `params`
 * (decoded path segments): integration tests drive the real handlers with no server in front.
 */
export const apiFetch = routeDispatcher("/api/v1", routes);

export const API_BASE = "http://localhost:3000/api/v1";

/** The typed client (openapi-fetch over the types generated from the served openapi.json). */
export function apiClient(token: string | null, headers: Record<string, string> = {}) {
  return createClient<paths>({
    baseUrl: API_BASE,
    fetch: apiFetch,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
}

/** A raw request to the API (bad JSON, odd headers), through the same dispatch. */
export function rawApi(method: string, path: string, token: string | null, init: { body?: string; headers?: Record<string, string> } = {}) {
  return apiFetch(
    new Request(`${API_BASE}${path}`, {
      method,
      body: init.body,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers },
    }),
  );
}

export function contextOf(
  org: { id: string; slug: string; name: string; tier: MemberContext["org"]["tier"]; kind: MemberContext["org"]["kind"] },
  member: { user: { id: string; email: string; name: string | null }; membership: { id: string; role: Role; status: "active" | "suspended" } },
): MemberContext {
  return {
    user: { id: member.user.id, email: member.user.email, name: member.user.name },
    org: { id: org.id, slug: org.slug, name: org.name, tier: org.tier, kind: org.kind },
    membership: { id: member.membership.id, role: member.membership.role, status: member.membership.status },
  };
}

/** An API token made through the real service (K1), by this Admin. */
export async function tokenFor(creator: MemberContext, role: Role, name = `token ${role}`) {
  const created = await createApiToken(creator, { name, role, expiresIn: "30" }, { baseUrl: "http://localhost:3000" });
  return created;
}
