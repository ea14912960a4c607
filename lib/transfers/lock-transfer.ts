import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { ownershipTransfers, users } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { lockPlan } from "@/lib/plans/plan-seats";

/**
 * A transfer of this organization with its plan, locked in the order of every path: the
 * organization (by the caller's lockActor), the plan, then the transfer. Another organization's
 * transfer id, or any id that is not one here, is not found.
 */
export async function lockTransfer(tx: Tx, orgId: string, transferId: string) {
  const [found] = await tx
    .select({ planId: ownershipTransfers.planId })
    .from(ownershipTransfers)
    .where(and(eq(ownershipTransfers.id, transferId), eq(ownershipTransfers.orgId, orgId)));
  if (!found) throw notFound("This transfer request");
  const plan = await lockPlan(tx, orgId, found.planId);
  const [transfer] = await tx.select().from(ownershipTransfers).where(eq(ownershipTransfers.id, transferId)).for("update");
  return { plan, transfer };
}

export async function personRef(tx: Tx, userId: string) {
  const [person] = await tx.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
  return { id: person.id, email: person.email, name: person.name ?? person.email };
}
