import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { memberships, plans, products, users, type Role } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { nameList } from "@/lib/seats/seat-help";

const NAMED = 3;

/** The active members of these roles, by name (the first few) and how many in all. */
async function namesOf(orgId: string, roles: Role[]): Promise<string | null> {
  const rows = await db
    .select({ name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), inArray(memberships.role, roles), eq(memberships.status, "active")))
    .orderBy(asc(users.name), asc(users.email))
    .limit(50);
  return rows.length ? nameList(rows.slice(0, NAMED).map((r) => r.name ?? r.email), rows.length) : null;
}

/**
 * #14.12: who can open a page the caller was refused (403), by name — "Max Manager (the plan's
 * subscriber) or an Admin: Ada Admin" — so a refusal says whom to ask. Only for paths inside the
 * caller's own organization; another organization's plan id names nobody (like a missing one).
 */
export async function whoToAsk(ctx: MemberContext, pathname: string): Promise<string | null> {
  const [o, slug, first, second, third] = pathname.split("/").filter(Boolean);
  if (o !== "o" || slug !== ctx.org.slug) return null;
  if (first === "activity" || first === "settings" || first === "products" || first === "suppliers") {
    const admins = await namesOf(ctx.org.id, ["admin"]);
    return admins ? `Admins: ${admins}` : null;
  }
  if (first === "invites" || (first === "users" && second === "invite")) {
    const people = await namesOf(ctx.org.id, ["admin", "manager"]);
    return people ? `Admins and Managers: ${people}` : null;
  }
  if (first === "plans" && second && z.uuid().safeParse(second).success) {
    const [plan] = await db
      .select({ subscriberName: users.name, subscriberEmail: users.email, productName: products.name })
      .from(plans)
      .innerJoin(users, eq(users.id, plans.subscriberId))
      .innerJoin(products, eq(products.id, plans.productId))
      .where(and(eq(plans.id, second), eq(plans.orgId, ctx.org.id)));
    if (!plan) return null;
    const subscriber = `${plan.subscriberName ?? plan.subscriberEmail} (subscriber of ${plan.productName})`;
    if (third === "users" || third === "transfer") {
      const admins = await namesOf(ctx.org.id, ["admin"]);
      return admins ? `${subscriber}, or an Admin: ${admins}` : subscriber;
    }
    // The product area: its subscriber (or an Admin) adds people to the plan.
    return subscriber;
  }
  return null;
}
