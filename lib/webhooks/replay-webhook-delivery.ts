import "server-only";
import { and, eq } from "drizzle-orm";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { lockOrganization } from "@/lib/seats/reserve-seat";
import { transaction } from "@/lib/transaction";
import { assertCanManageWebhooks, uuidPattern } from "./endpoints";
import { kickWebhookSender } from "./sender";

/**
 * Replay (W1): the same event goes to the same endpoint again, as a new delivery with its own
 * attempts and the same `webhook-id` (receivers that deduplicate by it see the same event). Not
 * for a disabled endpoint: re-enable it first. Audited.
 */
export async function replayWebhookDelivery(ctx: MemberContext, deliveryId: string): Promise<{ id: string }> {
  assertCanManageWebhooks(ctx);
  if (!uuidPattern.test(deliveryId)) throw notFound("This delivery");
  const replay = await transaction(async (tx) => {
    await lockOrganization(tx, ctx.org.id);
    const [original] = await tx
      .select({ eventId: webhookDeliveries.eventId, endpointId: webhookDeliveries.endpointId, disabledAt: webhookEndpoints.disabledAt })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.orgId, ctx.org.id)));
    if (!original) throw notFound("This delivery");
    if (original.disabledAt) throw new AppError("CONFLICT", "This endpoint is disabled. Re-enable it, then replay.");
    const [row] = await tx
      .insert(webhookDeliveries)
      .values({ orgId: ctx.org.id, eventId: original.eventId, endpointId: original.endpointId, replayOfId: deliveryId })
      .returning({ id: webhookDeliveries.id });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      actor: { id: ctx.user.id, email: ctx.user.email },
      action: "webhook.delivery_replayed",
      subject: { type: "webhook_endpoint", id: original.endpointId },
      after: { eventId: original.eventId, deliveryId: row.id, replayOf: deliveryId },
    });
    return row;
  });
  kickWebhookSender(0);
  return replay;
}

