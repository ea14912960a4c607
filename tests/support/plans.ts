import { and, eq } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { DbOrTx } from "@/db/client";
import { setDatabase, type Db, type DatabaseHandle } from "@/db/client";
import * as schema from "@/db/schema";
import { memberships, planUserPermissions, planUsers, plans, productPermissions, type Organization, type Role, type User } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { makeOrg } from "./factories";
import { addNamedMember } from "./state";

/** The MemberContext a request of this member would carry (services take it like actions do). */
export function contextOf(org: Organization, user: User, role: Role): MemberContext {
  return {
    user: { id: user.id, email: user.email, name: user.name },
    org: { id: org.id, slug: org.slug, name: org.name, tier: org.tier, kind: org.kind },
    membership: { id: "test", role, status: "active" },
  };
}

/** A place on a plan for a member, with the given permissions (the product's defaults unless told). */
export async function addToPlan(db: DbOrTx, plan: { id: string; orgId: string; productId: string }, userId: string, keys?: string[]) {
  const [place] = await db.insert(planUsers).values({ planId: plan.id, orgId: plan.orgId, userId }).returning();
  const granted =
    keys ??
    (
      await db
        .select({ key: productPermissions.key })
        .from(productPermissions)
        .where(and(eq(productPermissions.productId, plan.productId), eq(productPermissions.isDefault, true)))
    ).map((p) => p.key);
  if (granted.length) await db.insert(planUserPermissions).values(granted.map((key) => ({ planUserId: place.id, productId: plan.productId, key })));
  return place;
}

/** A plan with its subscriber on it holding every permission (as subscribing makes it). */
export async function makeSubscribedPlan(
  db: DbOrTx,
  orgId: string,
  subscriberId: string,
  productId = "pdoc_share",
  seats: number | null = 5,
) {
  const [plan] = await db.insert(plans).values({ orgId, productId, subscriberId, seats }).returning();
  const all = (await db.select({ key: productPermissions.key }).from(productPermissions).where(eq(productPermissions.productId, productId))).map(
    (p) => p.key,
  );
  await addToPlan(db, plan, subscriberId, all);
  return plan;
}

/**
 * An organization (Pro, 10 seats) with an Admin, a Manager, two Users, and PDoc Share subscribed by
 * the Admin (5 seats) with the Manager on it; plus a second organization with its own Admin.
 */
export async function planWorld(db: DbOrTx, options: { tier?: "free" | "essential" | "pro" | "enterprise"; seats?: number } = {}) {
  const org = await makeOrg(db, { tier: options.tier ?? "pro" });
  const admin = (await addNamedMember(db, org.id, "admin")).user;
  const manager = (await addNamedMember(db, org.id, "manager")).user;
  const user = (await addNamedMember(db, org.id, "user")).user;
  const user2 = (await addNamedMember(db, org.id, "user")).user;
  const plan = await makeSubscribedPlan(db, org.id, admin.id, "pdoc_share", options.seats ?? 5);
  await addToPlan(db, plan, manager.id);
  const other = await makeOrg(db, { tier: "pro" });
  const otherAdmin = (await addNamedMember(db, other.id, "admin")).user;
  const otherPlan = await makeSubscribedPlan(db, other.id, otherAdmin.id, "pdoc_share", 5);
  return {
    org,
    admin,
    manager,
    user,
    user2,
    plan,
    other,
    otherAdmin,
    otherPlan,
    ctx: {
      admin: contextOf(org, admin, "admin"),
      manager: contextOf(org, manager, "manager"),
      user: contextOf(org, user, "user"),
      user2: contextOf(org, user2, "user"),
      otherAdmin: contextOf(other, otherAdmin, "admin"),
    },
  };
}

export async function roleOf(db: DbOrTx, orgId: string, userId: string) {
  const [row] = await db.select().from(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row?.role;
}

/**
 * Runs `fn` with the app's database handle replaced by one that counts every SQL statement sent
 * (same connection pool / PGlite instance, with drizzle's query logger), and returns the count.
 */
export async function countStatements(handle: DatabaseHandle, fn: () => Promise<unknown>): Promise<number> {
  let statements = 0;
  const logger = { logQuery: () => void statements++ };
  const client = (handle.db as unknown as { $client: unknown }).$client;
  const counted = (
    handle.kind === "pglite"
      ? drizzlePglite(client as never, { schema, logger })
      : drizzlePostgres(client as never, { schema, logger })
  ) as unknown as Db;
  setDatabase({ ...handle, db: counted });
  try {
    await fn();
  } finally {
    setDatabase(handle);
  }
  return statements;
}
