import "server-only";
import { and, eq } from "drizzle-orm";
import { plans, products } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { AppError, forbidden } from "@/lib/errors";
import { lockActor } from "@/lib/members/actor";
import { canSubscribe, canSubscribeToProduct } from "@/lib/permissions";
import { transaction } from "@/lib/transaction";
import { insertPlanPlace } from "./plan-places";
import type { SubscribeInput } from "./schemas";

/**
 * SPEC P1: an Admin subscribes the organization to a product and becomes the plan's subscriber,
 * holding one of its seats with every permission. "Several"-user products take a seat count; the
 * others have none. Service only in supplier organizations (I6). One plan per product.
 */
export async function subscribeToProduct(ctx: MemberContext, input: SubscribeInput) {
  return transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    if (!canSubscribe(actor.role)) throw forbidden("Only Admins subscribe the organization to a product.");
    const [product] = await tx.select().from(products).where(eq(products.id, input.productId));
    if (!product) {
      throw new AppError("NOT_FOUND", "That product does not exist.", { fieldErrors: { productId: ["That product does not exist."] } });
    }
    if (!canSubscribeToProduct(actor.role, actor.org.kind, product)) {
      throw forbidden(`${product.name} is only for supplier organizations, which a client invites to Seatwise.`);
    }
    const [existing] = await tx
      .select({ id: plans.id })
      .from(plans)
      .where(and(eq(plans.orgId, actor.orgId), eq(plans.productId, product.id)));
    if (existing) throw new AppError("CONFLICT", `${actor.orgName} already subscribes to ${product.name}.`);
    if (product.userMode === "several" && input.seats === undefined) {
      throw new AppError("VALIDATION", "Please correct the highlighted fields.", {
        fieldErrors: { seats: [`Choose how many people may use ${product.name}.`] },
      });
    }
    const seats = product.userMode === "several" ? input.seats! : null;
    const [plan] = await tx
      .insert(plans)
      .values({ orgId: actor.orgId, productId: product.id, subscriberId: actor.userId, seats })
      .returning();
    await insertPlanPlace(tx, plan, { userId: actor.userId }, { addedById: actor.userId, permissions: "all" });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: "plan.subscribed",
      target: { id: actor.userId, email: actor.email },
      subject: { type: "plan", id: plan.id },
      after: { product: product.name, seats, subscriberId: actor.userId },
    });
    return { planId: plan.id, productName: product.name };
  });
}
