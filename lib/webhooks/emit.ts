import "server-only";
import { and, arrayContains, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberships, organizations, users, webhookDeliveries, webhookEndpoints, webhookEvents } from "@/db/schema";
import type { WebhookEventData, WebhookEventType } from "./events";
import { kickWebhookSender } from "./sender";

export type WebhookBody<T extends WebhookEventType = WebhookEventType> = {
  type: T;
  timestamp: string;
  organization: { id: string; slug: string };
  data: WebhookEventData[T];
};

/**
 * Writes a webhook event with the caller's transaction (SPEC W1), like enqueueEmail: the event
 * exists if and only if the change that caused it committed, whichever door made the change. One
 * delivery is queued per enabled endpoint of the organization that wants this type; with none,
 * nothing is written. Delivery happens after commit (sender.ts).
 */
export async function emitEvent<T extends WebhookEventType>(
  tx: DbOrTx,
  event: { orgId: string; type: T; data: WebhookEventData[T] },
): Promise<{ id: string } | null> {
  const [row] = await emitEvents(tx, { orgId: event.orgId, type: event.type, data: [event.data] });
  return row ?? null;
}

/** Many events of one type and organization (a bulk transfer): one read of the endpoints, batched inserts. */
export async function emitEvents<T extends WebhookEventType>(
  tx: DbOrTx,
  events: { orgId: string; type: T; data: WebhookEventData[T][] },
): Promise<{ id: string }[]> {
  if (!events.data.length) return [];
  const endpoints = await tx
    .select({ id: webhookEndpoints.id, slug: organizations.slug })
    .from(webhookEndpoints)
    .innerJoin(organizations, eq(organizations.id, webhookEndpoints.orgId))
    .where(
      and(eq(webhookEndpoints.orgId, events.orgId), isNull(webhookEndpoints.disabledAt), arrayContains(webhookEndpoints.events, [events.type])),
    );
  if (!endpoints.length) return [];
  const timestamp = new Date().toISOString();
  const organization = { id: events.orgId, slug: endpoints[0].slug };
  const written: { id: string }[] = [];
  for (let i = 0; i < events.data.length; i += 500) {
    const bodies = events.data.slice(i, i + 500).map((data): WebhookBody<T> => ({ type: events.type, timestamp, organization, data }));
    const rows = await tx
      .insert(webhookEvents)
      .values(bodies.map((payload) => ({ orgId: events.orgId, type: events.type, payload })))
      .returning({ id: webhookEvents.id });
    await tx
      .insert(webhookDeliveries)
      .values(rows.flatMap((row) => endpoints.map((endpoint) => ({ orgId: events.orgId, eventId: row.id, endpointId: endpoint.id }))));
    written.push(...rows);
  }
  // A run shortly after: by then the change has usually committed; the periodic run covers the rest.
  kickWebhookSender();
  return written;
}

/**
 * member.updated in every organization of a person, for changes made to the person rather than to
 * one membership (their own name, a confirmed email change). One read of their memberships.
 */
export async function emitMemberUpdatedEverywhere(tx: DbOrTx, userId: string, changes: string[]) {
  const rows = await tx
    .select({ orgId: memberships.orgId, role: memberships.role, status: memberships.status, email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.userId, userId));
  for (const row of rows) {
    await emitEvent(tx, {
      orgId: row.orgId,
      type: "member.updated",
      data: { userId, email: row.email, name: row.name, role: row.role, status: row.status, changes },
    });
  }
}
