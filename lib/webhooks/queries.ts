import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { webhookAttempts, webhookDeliveries, webhookEvents } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { assertCanManageWebhooks, getWebhookEndpoint } from "./endpoints";

export type DeliveryLogEntry = {
  id: string;
  eventId: string;
  type: string;
  status: "pending" | "delivered" | "failed";
  replay: boolean;
  createdAt: string;
  nextAttemptAt: string;
  attempts: { attempt: number; statusCode: number | null; durationMs: number; error: string | null; at: string }[];
};

/**
 * An endpoint's delivery log (W1): its newest deliveries, each with every attempt (status code,
 * duration, when). Two statements whatever the log's size. Another organization's endpoint is
 * NOT_FOUND.
 */
export async function webhookDeliveryLog(ctx: MemberContext, endpointId: string, limit = 25) {
  assertCanManageWebhooks(ctx);
  const endpoint = await getWebhookEndpoint(ctx, endpointId);
  const deliveries = await db
    .select({
      id: webhookDeliveries.id,
      eventId: webhookDeliveries.eventId,
      type: webhookEvents.type,
      status: webhookDeliveries.status,
      replayOfId: webhookDeliveries.replayOfId,
      createdAt: webhookDeliveries.createdAt,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(and(eq(webhookDeliveries.endpointId, endpoint.id), eq(webhookDeliveries.orgId, ctx.org.id)))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
  const attempts = deliveries.length
    ? await db
        .select()
        .from(webhookAttempts)
        .where(inArray(webhookAttempts.deliveryId, deliveries.map((d) => d.id)))
        .orderBy(webhookAttempts.attempt)
    : [];
  const entries: DeliveryLogEntry[] = deliveries.map((d) => ({
    id: d.id,
    eventId: d.eventId,
    type: d.type,
    status: d.status,
    replay: d.replayOfId !== null,
    createdAt: d.createdAt.toISOString(),
    nextAttemptAt: d.nextAttemptAt.toISOString(),
    attempts: attempts
      .filter((a) => a.deliveryId === d.id)
      .map((a) => ({ attempt: a.attempt, statusCode: a.statusCode, durationMs: a.durationMs, error: a.error, at: a.at.toISOString() })),
  }));
  return { endpoint, entries };
}
