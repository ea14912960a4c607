import "server-only";
import { and, asc, count, eq, isNotNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import { planUsers, plans, products, users } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";

/** SPEC P2: the plans the signed-in user subscribes to or uses, in this organization. */
export async function listMySubscriptions(ctx: MemberContext) {
  const subscriber = alias(users, "subscriber");
  const seatsTaken = db
    .select({ planId: planUsers.planId, n: count().as("n") })
    .from(planUsers)
    .groupBy(planUsers.planId)
    .as("seats_taken");
  const rows = await db
    .select({
      planId: plans.id,
      productName: products.name,
      productDescription: products.description,
      userMode: products.userMode,
      seats: plans.seats,
      seatsTaken: seatsTaken.n,
      subscriberId: plans.subscriberId,
      subscriberName: subscriber.name,
      subscriberEmail: subscriber.email,
    })
    .from(planUsers)
    .innerJoin(plans, eq(plans.id, planUsers.planId))
    .innerJoin(products, eq(products.id, plans.productId))
    .innerJoin(subscriber, eq(subscriber.id, plans.subscriberId))
    .leftJoin(seatsTaken, eq(seatsTaken.planId, plans.id))
    .where(and(eq(plans.orgId, ctx.org.id), eq(planUsers.userId, ctx.user.id), isNotNull(planUsers.userId)))
    .orderBy(asc(products.sortOrder));
  return rows.map((row) => ({ ...row, isSubscriber: row.subscriberId === ctx.user.id }));
}
