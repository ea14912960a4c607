import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import { invitations, memberships, planUsers, plans, products, users } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";

/**
 * What the welcome page after an acceptance shows (I4, "You joined …"): since when the caller is
 * a member, who invited them, whether they have a name yet, and the plans they are on here (at
 * most 20). Three statements.
 */
export async function welcomeFor(ctx: MemberContext) {
  const inviter = alias(users, "inviter");
  const [[me], [invited], places] = await Promise.all([
    db
      .select({ joinedAt: memberships.createdAt, firstName: users.firstName, lastName: users.lastName, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, ctx.org.id), eq(memberships.userId, ctx.user.id))),
    db
      .select({ inviterName: inviter.name, inviterEmail: inviter.email, acceptedAt: invitations.acceptedAt })
      .from(invitations)
      .innerJoin(inviter, eq(inviter.id, invitations.invitedById))
      .where(and(eq(invitations.orgId, ctx.org.id), eq(invitations.acceptedById, ctx.user.id), eq(invitations.status, "accepted")))
      .orderBy(desc(invitations.acceptedAt))
      .limit(1),
    db
      .select({ planId: plans.id, productName: products.name, productDescription: products.description })
      .from(planUsers)
      .innerJoin(plans, eq(plans.id, planUsers.planId))
      .innerJoin(products, eq(products.id, plans.productId))
      .where(and(eq(plans.orgId, ctx.org.id), eq(planUsers.userId, ctx.user.id)))
      .orderBy(asc(products.sortOrder))
      .limit(20),
  ]);
  return {
    joinedAt: me?.joinedAt ?? null,
    hasName: Boolean(me?.name || me?.firstName || me?.lastName),
    invitedBy: invited ? (invited.inviterName ?? invited.inviterEmail) : null,
    plans: places,
  };
}
