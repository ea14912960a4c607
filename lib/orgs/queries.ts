import "server-only";
import { and, asc, eq, gt } from "drizzle-orm";
import { db } from "@/db/client";
import { invitations, memberships, organizations } from "@/db/schema";

/** The organizations a user belongs to, for the switcher and the landing page. */
export async function listUserOrganizations(userId: string) {
  return db
    .select({
      slug: organizations.slug,
      name: organizations.name,
      role: memberships.role,
      status: memberships.status,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organizations.name));
}

/** Live invitations addressed to this email, for a signed-in person with no organization yet. */
export async function listInvitationsForEmail(email: string) {
  return db
    .select({ orgName: organizations.name, role: invitations.role, expiresAt: invitations.expiresAt })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .where(
      and(
        eq(invitations.email, email.toLowerCase()),
        eq(invitations.status, "pending"),
        gt(invitations.expiresAt, new Date()),
      ),
    );
}
