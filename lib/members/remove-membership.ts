import "server-only";
import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { memberships, ownershipTransfers, planUsers, plans, scimGroupMembers, scimGroups, sessions, surveys, users } from "@/db/schema";
import { removeFromPlanInTx } from "@/lib/plans/remove-plan-user";

export type RemoveMembershipOptions = {
  orgId: string;
  /** Who acts (the Admin deleting, or the member leaving), for P6's audit entries and notices. */
  actor: { id: string; email: string };
  target: { userId: string; email: string; membershipId: string };
  /**
   * R6: a deleted member who belongs to no other organization loses every session. A member who
   * leaves keeps their account and their sign-in (they may create or join another organization).
   */
  endSessionsWhenNoOtherOrganization: boolean;
};

/**
 * The effects of a membership ending (SPEC R6), in the caller's transaction after it locked the
 * organization (lockActor) and the membership, and checked R4/R5/R7 as its own act requires:
 * removed from every plan with P6's effects, transfers to or from them voided, their survey
 * check-outs released (nobody else could ever edit those surveys), the membership deleted (the
 * seat is free) and, when asked, their sessions ended. Used by Delete User and Leave organization.
 */
export async function removeMembershipInTx(tx: Tx, options: RemoveMembershipOptions) {
  const { orgId, actor, target } = options;
  const targetRef = { id: target.userId, email: target.email };
  const places = await tx
    .select({ planId: planUsers.planId })
    .from(planUsers)
    .innerJoin(plans, eq(plans.id, planUsers.planId))
    .where(and(eq(plans.orgId, orgId), eq(planUsers.userId, target.userId)))
    .orderBy(asc(planUsers.planId));
  for (const place of places) {
    await removeFromPlanInTx(tx, { planId: place.planId, userId: target.userId, actor, target: targetRef });
  }
  await tx
    .update(ownershipTransfers)
    .set({ state: "void", resolvedAt: new Date() })
    .where(
      and(
        eq(ownershipTransfers.orgId, orgId),
        eq(ownershipTransfers.state, "pending"),
        or(eq(ownershipTransfers.toUserId, target.userId), eq(ownershipTransfers.fromUserId, target.userId)),
      ),
    );
  await tx
    .update(surveys)
    .set({ checkedOutById: null, checkedOutAt: null })
    .where(and(eq(surveys.orgId, orgId), eq(surveys.checkedOutById, target.userId)));
  // The person's row, after the organization (decision 005): two organizations ending this
  // person's memberships at once take turns here, so the second sees the first's deletion and the
  // last one out ends the sessions (R6) — without it each saw the other's membership and neither did.
  await tx.select({ id: users.id }).from(users).where(eq(users.id, target.userId)).for("no key update");
  await tx.delete(memberships).where(eq(memberships.id, target.membershipId));
  // Issue 17: out of this organization's SCIM groups too, so a person provisioned again later
  // starts from the groups the identity provider pushes then, not from stale ones (decision 087).
  await tx
    .delete(scimGroupMembers)
    .where(and(eq(scimGroupMembers.userId, target.userId), inArray(scimGroupMembers.groupId, tx.select({ id: scimGroups.id }).from(scimGroups).where(eq(scimGroups.orgId, orgId)))));

  let sessionsEnded = 0;
  if (options.endSessionsWhenNoOtherOrganization) {
    const remaining = await tx.select({ id: memberships.id }).from(memberships).where(eq(memberships.userId, target.userId)).limit(1);
    if (!remaining.length) {
      const ended = await tx.delete(sessions).where(inArray(sessions.userId, [target.userId])).returning({ t: sessions.sessionToken });
      sessionsEnded = ended.length;
    }
  }
  return { plansLeft: places.length, sessionsEnded };
}
