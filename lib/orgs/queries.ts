import "server-only";
import { and, asc, count, eq, gt, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { invitations, memberships, notifications, organizations } from "@/db/schema";

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

/** The header's inbox count: unread notifications in this organization (SPEC N1). */
export async function countUnreadNotifications(userId: string, orgId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.orgId, orgId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}
