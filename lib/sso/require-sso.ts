import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db as defaultDb, type DbOrTx } from "@/db/client";
import { memberships, orgDomains, ssoConnections, users } from "@/db/schema";
import { domainOfEmail } from "@/lib/domains/domain-token";

/**
 * Where an address signs in (D3): the organization whose verified domain it is at, when that
 * domain signs in through the organization's OpenID provider. Null: magic link as usual.
 */
export async function ssoRouteForEmail(email: string, database: DbOrTx = defaultDb): Promise<{ orgId: string; domainId: string; requireSso: boolean } | null> {
  const [row] = await database
    .select({ orgId: orgDomains.orgId, domainId: orgDomains.id, requireSso: orgDomains.requireSso })
    .from(orgDomains)
    .innerJoin(ssoConnections, eq(ssoConnections.orgId, orgDomains.orgId))
    .where(and(eq(orgDomains.domain, domainOfEmail(email)), eq(orgDomains.status, "verified"), eq(orgDomains.ssoEnabled, true)));
  return row ?? null;
}

/**
 * SPEC D4: whether a magic link to this address must be refused — its domain requires SSO and
 * the address is not an active Admin of that organization marked break-glass (so a broken
 * identity provider cannot lock the company out).
 */
export async function magicLinkRefusedBySso(email: string, database: DbOrTx = defaultDb): Promise<boolean> {
  const route = await ssoRouteForEmail(email, database);
  if (!route?.requireSso) return false;
  const [breakGlass] = await database
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, route.orgId),
        sql`lower(${users.email}) = ${email.toLowerCase()}`,
        eq(memberships.role, "admin"),
        eq(memberships.status, "active"),
        eq(memberships.ssoBreakGlass, true),
      ),
    );
  return !breakGlass;
}
