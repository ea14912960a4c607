import "server-only";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { apiTokens, memberships, organizations, users } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { AppError, notFound } from "@/lib/errors";
import { tokenEffectiveRole } from "@/lib/permissions";
import { API_TOKEN_PATTERN, hashApiToken } from "./token";

const unauthenticated = (detail: string) => new AppError("UNAUTHENTICATED", detail);

/** "Last used" to the minute: written once a minute per token, not on every request. */
const LAST_USED_PRECISION_MS = 60_000;

/**
 * K1, K2: the MemberContext of a bearer token, read from the database on every request (R8). An
 * unknown, malformed, revoked or expired token is 401; so is one whose creator is gone, suspended
 * or demoted below the token's role (it "stops working", docs/decisions/070). A valid token used
 * on another organization's URL is 404, like an organization that does not exist.
 */
export async function authenticateApiToken(
  authorization: string | null,
  orgSlug: string,
  now = new Date(),
  kind: "api" | "scim" = "api",
): Promise<MemberContext> {
  // An API token never opens SCIM, nor a SCIM token the API: each is looked up by its own kind.
  const what = kind === "scim" ? "SCIM token" : "API token";
  const match = authorization?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match) throw unauthenticated(`Send a${kind === "api" ? "n" : ""} ${what} as \`Authorization: Bearer sw_…\`.`);
  const raw = match[1];
  if (!API_TOKEN_PATTERN.test(raw)) throw unauthenticated(`This ${what} is not valid.`);
  const [row] = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      role: apiTokens.role,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
      org: { id: organizations.id, slug: organizations.slug, name: organizations.name, tier: organizations.tier, kind: organizations.kind },
      creator: { id: users.id, email: users.email, name: users.name },
      membership: { id: memberships.id, role: memberships.role, status: memberships.status },
    })
    .from(apiTokens)
    .innerJoin(organizations, eq(organizations.id, apiTokens.orgId))
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .leftJoin(memberships, and(eq(memberships.orgId, apiTokens.orgId), eq(memberships.userId, apiTokens.createdBy)))
    .where(and(eq(apiTokens.tokenHash, hashApiToken(raw)), eq(apiTokens.kind, kind)));
  if (!row || row.revokedAt) throw unauthenticated(`This ${what} is not valid or was revoked.`);
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) throw unauthenticated(`This ${what} has expired.`);
  const role = row.creator && row.membership ? tokenEffectiveRole(row.role, row.membership) : null;
  if (!row.creator || !row.membership || !role) {
    throw unauthenticated(`This ${what} no longer works: the Admin who created it is no longer an active member with its role.`);
  }
  // The token is good, but for another organization: as if this one did not exist.
  if (row.org.slug !== orgSlug) throw notFound("This organization");
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`${now.toISOString()}::timestamptz - interval '1 minute'`))));
  }
  return {
    user: { id: row.creator.id, email: row.creator.email, name: row.creator.name },
    org: row.org,
    membership: { id: row.membership.id, role, status: "active" },
    token: { id: row.id, name: row.name, role: row.role, kind },
  };
}
