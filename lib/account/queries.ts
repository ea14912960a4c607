import "server-only";
import { and, asc, count, eq, inArray, ne } from "drizzle-orm";
import { db } from "@/db/client";
import { memberships, organizations, plans, products, surveys, users } from "@/db/schema";
import { leaveBlockedMessage } from "@/lib/members/leave-organization";
import type { Role } from "@/lib/permissions";

export type AccountOrganization = {
  slug: string;
  name: string;
  role: Role;
  status: "active" | "suspended";
  joinedAt: Date;
  /** Why Leave would be refused now (R7, R5), said before anyone tries; null when it would work. */
  leaveBlocked: string | null;
};

/**
 * The profile page: the person's own details, and each organization they belong to with what
 * would stop them leaving it — read for all organizations at once (five statements, whatever
 * their number): memberships, other active Admins where they are one (R7), surveys and plans
 * they own (R5). The server checks all of it again under the lock when they leave.
 */
export async function loadAccount(userId: string) {
  const [[user], rows] = await Promise.all([
    db
      .select({ id: users.id, email: users.email, firstName: users.firstName, lastName: users.lastName, name: users.name, phone: users.phone })
      .from(users)
      .where(eq(users.id, userId)),
    db
      .select({
        orgId: organizations.id,
        slug: organizations.slug,
        name: organizations.name,
        role: memberships.role,
        status: memberships.status,
        joinedAt: memberships.createdAt,
      })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.orgId))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(organizations.name)),
  ]);
  const orgIds = rows.map((r) => r.orgId);
  const adminOrgIds = rows.filter((r) => r.role === "admin").map((r) => r.orgId);
  const [otherAdmins, owned, subscribed] = orgIds.length
    ? await Promise.all([
        adminOrgIds.length
          ? db
              .select({ orgId: memberships.orgId, n: count() })
              .from(memberships)
              .where(
                and(
                  inArray(memberships.orgId, adminOrgIds),
                  eq(memberships.role, "admin"),
                  eq(memberships.status, "active"),
                  ne(memberships.userId, userId),
                ),
              )
              .groupBy(memberships.orgId)
          : [],
        db
          .select({ orgId: surveys.orgId, n: count() })
          .from(surveys)
          .where(and(inArray(surveys.orgId, orgIds), eq(surveys.ownerId, userId)))
          .groupBy(surveys.orgId),
        db
          .select({ orgId: plans.orgId, name: products.name })
          .from(plans)
          .innerJoin(products, eq(products.id, plans.productId))
          .where(and(inArray(plans.orgId, orgIds), eq(plans.subscriberId, userId))),
      ])
    : [[], [], []];
  const organizationsOfUser: AccountOrganization[] = rows.map((row) => {
    const lastAdmin = row.role === "admin" && !otherAdmins.some((a) => a.orgId === row.orgId && a.n > 0);
    const dependents = leaveBlockedMessage({
      surveys: owned.find((o) => o.orgId === row.orgId)?.n ?? 0,
      subscribedPlans: subscribed.filter((p) => p.orgId === row.orgId).map((p) => p.name),
    });
    return {
      slug: row.slug,
      name: row.name,
      role: row.role,
      status: row.status,
      joinedAt: row.joinedAt,
      leaveBlocked: lastAdmin
        ? "You are its only Admin. Make another member an Admin first: an organization always needs one."
        : dependents,
    };
  });
  return { user: user ?? null, organizations: organizationsOfUser };
}
