import "server-only";
import { eq } from "drizzle-orm";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";

/**
 * The benchmark's own routes (`npm run bench`, tests/bench/) exist only when the server was
 * started with SEATWISE_BENCH=1; anywhere else they answer 404 like any unknown path.
 */
export function benchEnabled(): boolean {
  return process.env.SEATWISE_BENCH === "1";
}

export function requireBench() {
  if (!benchEnabled()) notFound();
}

const contexts = new Map<string, MemberContext>();

/**
 * The organization's first Admin as the context the pages would have: no session involved. Read
 * once per organization and kept, so a floor request runs only the SQL it measures (the lookup
 * sorts every membership of the organization, which would make the floors slower than the page).
 */
export async function benchContext(slug: string): Promise<MemberContext> {
  const known = contexts.get(slug);
  if (known) return known;
  const [row] = await db
    .select({
      org: { id: organizations.id, slug: organizations.slug, name: organizations.name, tier: organizations.tier, kind: organizations.kind },
      membership: { id: memberships.id, role: memberships.role, status: memberships.status },
      user: { id: users.id, email: users.email, name: users.name },
    })
    .from(organizations)
    .innerJoin(memberships, eq(memberships.orgId, organizations.id))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(organizations.slug, slug))
    .orderBy(memberships.role, memberships.createdAt)
    .limit(1);
  if (!row) notFound();
  contexts.set(slug, row);
  return row;
}
