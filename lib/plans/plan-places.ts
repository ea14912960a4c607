import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { planUserPermissions, planUsers, productPermissions } from "@/db/schema";

/** The keys of a product's permissions: its defaults (new plan users, P5) or all (the subscriber). */
export async function productPermissionKeys(db: DbOrTx, productId: string, which: "default" | "all"): Promise<string[]> {
  const rows = await db
    .select({ key: productPermissions.key })
    .from(productPermissions)
    .where(
      which === "default"
        ? and(eq(productPermissions.productId, productId), eq(productPermissions.isDefault, true))
        : eq(productPermissions.productId, productId),
    )
    .orderBy(asc(productPermissions.sortOrder));
  return rows.map((r) => r.key);
}

/**
 * Writes a place on a plan — a member's or a pending invitation's (P3) — with its permissions.
 * Callers have reserved the plan seat first (reservePlanSeats) in the same transaction.
 */
export async function insertPlanPlace(
  tx: Tx,
  plan: { id: string; orgId: string; productId: string },
  holder: { userId: string } | { invitationId: string },
  options: { addedById: string | null; permissions: "default" | "all" },
): Promise<{ id: string; keys: string[] }> {
  const [place] = await tx
    .insert(planUsers)
    .values({
      planId: plan.id,
      orgId: plan.orgId,
      userId: "userId" in holder ? holder.userId : null,
      invitationId: "invitationId" in holder ? holder.invitationId : null,
      addedById: options.addedById,
    })
    .returning({ id: planUsers.id });
  const keys = await productPermissionKeys(tx, plan.productId, options.permissions);
  if (keys.length) {
    await tx.insert(planUserPermissions).values(keys.map((key) => ({ planUserId: place.id, productId: plan.productId, key })));
  }
  return { id: place.id, keys };
}

/** Gives a place every permission of its product (a new subscriber, P5), keeping what it had. */
export async function grantAllPermissions(tx: Tx, place: { id: string }, productId: string) {
  const keys = await productPermissionKeys(tx, productId, "all");
  if (keys.length) {
    await tx
      .insert(planUserPermissions)
      .values(keys.map((key) => ({ planUserId: place.id, productId, key })))
      .onConflictDoNothing();
  }
}
