import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { memberships, surveys } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { AppError, forbidden } from "@/lib/errors";
import { canSuspendMember } from "@/lib/permissions";
import { reserveSeats } from "@/lib/seats/reserve-seat";
import { transaction } from "@/lib/transaction";
import { lockActor, refusedOnTokenCreator, targetMember, type ActingMember } from "./actor";
import { assertAdminRemains } from "./assert-admin-remains";
import { emitEvent } from "@/lib/webhooks/emit";

/**
 * Suspend / Re-activate (SPEC R9): who may follows R4. A suspended member keeps their seat and
 * data and cannot use the organization; re-activation goes through the seat check (T3, T5).
 */
export async function setMemberStatus(ctx: MemberContext, userId: string, status: "active" | "suspended") {
  return transaction(async (tx) => setMemberStatusInTx(tx, await lockActor(tx, ctx), userId, status));
}

/**
 * setMemberStatus inside the caller's transaction, after lockActor: the one suspension rule of
 * the Users page and of SCIM's `active` (C2). The directory (SCIM) may suspend an Admin, never
 * its own token's creator and never the last active Admin (R7).
 */
export async function setMemberStatusInTx(tx: Tx, actor: ActingMember, userId: string, status: "active" | "suspended") {
  const target = await targetMember(tx, actor.orgId, userId);
  if (!canSuspendMember(actor, target)) {
    throw forbidden(
      refusedOnTokenCreator(actor, target, "suspending") ??
        (actor.userId === target.userId
          ? "You cannot suspend yourself."
          : target.role === "admin"
            ? "Nobody suspends an Admin."
            : "Only Admins and Managers suspend users."),
    );
  }
  if (target.status === status) {
    throw new AppError("CONFLICT", status === "active" ? "This member is already active." : "This member is already suspended.");
  }
  // R7: only the directory reaches an Admin here (canSuspendMember); one active Admin always remains.
  if (status === "suspended" && target.role === "admin") await assertAdminRemains(tx, actor.orgId, target.userId);
  // Re-activation goes through the same seat check as an acceptance (T3, T5).
  if (status === "active") await reserveSeats(tx, actor.orgId, 0);
  await tx.update(memberships).set({ status, updatedAt: new Date() }).where(eq(memberships.id, target.membershipId));
  // S1: a suspended member can edit nothing, so their check-outs here are released for others.
  const released =
    status === "suspended"
      ? await tx
          .update(surveys)
          .set({ checkedOutById: null, checkedOutAt: null })
          .where(and(eq(surveys.orgId, actor.orgId), eq(surveys.checkedOutById, target.userId)))
          .returning({ id: surveys.id })
      : [];
  await recordAudit(tx, {
    orgId: actor.orgId,
    actor: { id: actor.userId, email: actor.email },
    action: status === "suspended" ? "member.suspended" : "member.reactivated",
    target: { id: target.userId, email: target.email },
    subject: { type: "membership", id: target.membershipId },
    before: { status: target.status },
    after: released.length ? { status, checkOutsReleased: released.length } : { status },
  });
  const data = { userId: target.userId, email: target.email, name: target.name, role: target.role, status };
  await emitEvent(tx, { orgId: actor.orgId, type: status === "suspended" ? "member.suspended" : "member.reactivated", data });
  return { name: target.name ?? target.email };
}
