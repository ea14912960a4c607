import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";
import { nameList } from "@/lib/seats/seat-help";

/**
 * #14.12: the organization a suspended member was turned away from (R9), by name, with the
 * Admins and Managers who can re-activate them — only when this user really is suspended there;
 * any other slug names nothing.
 */
export async function suspendedIn(userId: string, slug: string): Promise<{ orgName: string; whoCanHelp: string | null } | null> {
  const [org] = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(and(eq(organizations.slug, slug), eq(memberships.userId, userId), eq(memberships.status, "suspended")));
  if (!org) return null;
  const rows = await db
    .select({ name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, org.id), eq(memberships.status, "active"), eq(memberships.role, "admin")))
    .orderBy(asc(users.name), asc(users.email))
    .limit(50);
  return { orgName: org.name, whoCanHelp: rows.length ? nameList(rows.slice(0, 3).map((r) => r.name ?? r.email), rows.length) : null };
}
