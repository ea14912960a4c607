import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { ownershipTransfers, planUserPermissions, planUsers, type RevokedPlace } from "@/db/schema";

/**
 * What ends with an invitation that was revoked or declined (T2, P3, O3), in the caller's
 * transaction after the invitation is locked: the plan places it held are deleted (their plan
 * seats free at once) and any transfer attached to it is voided, resolved at `now` — the same
 * instant the invitation records, which is how Undo finds them again. Returns the places with
 * their permissions, so a revocation can keep them for Undo.
 */
export async function endInvitationInTx(tx: Tx, invitationId: string, now: Date): Promise<{ places: RevokedPlace[]; transfersVoided: number }> {
  const held = await tx
    .select({ id: planUsers.id, planId: planUsers.planId })
    .from(planUsers)
    .where(eq(planUsers.invitationId, invitationId))
    .orderBy(planUsers.planId);
  const grants = held.length
    ? await tx
        .select({ planUserId: planUserPermissions.planUserId, key: planUserPermissions.key })
        .from(planUserPermissions)
        .where(inArray(planUserPermissions.planUserId, held.map((p) => p.id)))
    : [];
  const places = held.map((place) => ({
    planId: place.planId,
    permissions: grants.filter((g) => g.planUserId === place.id).map((g) => g.key).sort(),
  }));
  if (held.length) await tx.delete(planUsers).where(eq(planUsers.invitationId, invitationId));
  const voided = await tx
    .update(ownershipTransfers)
    .set({ state: "void", resolvedAt: now })
    .where(and(eq(ownershipTransfers.toInvitationId, invitationId), eq(ownershipTransfers.state, "pending")))
    .returning({ id: ownershipTransfers.id });
  return { places, transfersVoided: voided.length };
}
