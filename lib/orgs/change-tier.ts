import "server-only";
import { eq } from "drizzle-orm";
import { organizations, type Tier } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { AppError, forbidden } from "@/lib/errors";
import { lockActor } from "@/lib/members/actor";
import { canChangeTier } from "@/lib/permissions";
import { transaction } from "@/lib/transaction";
import { seatUsage } from "@/lib/seats/seat-usage";
import { seatLimit, seatsToFreeHint, tierLabels } from "@/lib/tiers";
import { emitEvent } from "@/lib/webhooks/emit";

/** SPEC T4: only Admins change the tier; a downgrade below the seats in use says how many to free. */
export async function changeTier(ctx: MemberContext, tier: Tier) {
  return transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    if (!canChangeTier(actor.role)) throw forbidden("Only Admins change the account subscription.");
    const org = actor.org;
    if (org.tier === tier) throw new AppError("CONFLICT", `${org.name} is already on the ${tierLabels[tier]} tier.`);
    const usage = await seatUsage(tx, actor.orgId);
    const limit = seatLimit(tier);
    if (limit !== null && usage.used > limit) {
      const message = `The ${tierLabels[tier]} tier allows ${limit} seats and ${usage.used} are in use. ${seatsToFreeHint(usage.used, limit)}`;
      throw new AppError("SEAT_LIMIT", message, { fieldErrors: { tier: [message] } });
    }
    await tx.update(organizations).set({ tier }).where(eq(organizations.id, actor.orgId));
    // W1: a downgrade that lands exactly on the seats in use has just reached the new limit.
    if (limit !== null && usage.used === limit) {
      await emitEvent(tx, { orgId: actor.orgId, type: "seats.limit_reached", data: { tier, limit, used: usage.used } });
    }
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: "organization.tier_changed",
      subject: { type: "organization", id: actor.orgId },
      before: { tier: org.tier },
      after: { tier },
    });
  });
}
