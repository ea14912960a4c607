"use server";

import { z } from "zod";
import { memberAction } from "@/lib/action";
import { refreshOrganization } from "@/lib/revalidate";
import { enableWebhookEndpoint } from "@/lib/webhooks/enable-webhook-endpoint";
import { createWebhookEndpoint, deleteWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { replayWebhookDelivery } from "@/lib/webhooks/replay-webhook-delivery";
import { createWebhookEndpointSchema, webhookDeliveryIdSchema, webhookEndpointIdSchema } from "@/lib/webhooks/schemas";

// A form sends one ticked checkbox as a string, several as a list, none as nothing.
const createFromForm = z.preprocess((input) => {
  const values = input as Record<string, unknown>;
  const events = values.events;
  return { ...values, events: events === undefined ? [] : Array.isArray(events) ? events : [events] };
}, createWebhookEndpointSchema);

// POST (server action) – add a webhook endpoint; its signing secret is answered this once (W1).
export const createWebhookEndpointAction = memberAction(createFromForm, async (input, ctx) => {
  const { endpoint, secret } = await createWebhookEndpoint(ctx, input);
  refreshOrganization(ctx.org.slug);
  return { message: "Endpoint added. Copy its signing secret now: it is shown only once.", data: { endpointId: endpoint.id, secret } };
});

// POST (server action) – delete a webhook endpoint and its delivery log.
export const deleteWebhookEndpointAction = memberAction(webhookEndpointIdSchema, async ({ endpointId }, ctx) => {
  await deleteWebhookEndpoint(ctx, endpointId);
  refreshOrganization(ctx.org.slug);
  return "Endpoint deleted.";
});

// POST (server action) – re-enable an endpoint that was disabled for failing.
export const enableWebhookEndpointAction = memberAction(webhookEndpointIdSchema, async ({ endpointId }, ctx) => {
  await enableWebhookEndpoint(ctx, endpointId);
  refreshOrganization(ctx.org.slug);
  return "Endpoint enabled: new events will be sent to it.";
});

// POST (server action) – send one delivery's event to its endpoint again.
export const replayWebhookDeliveryAction = memberAction(webhookDeliveryIdSchema, async ({ deliveryId }, ctx) => {
  await replayWebhookDelivery(ctx, deliveryId);
  refreshOrganization(ctx.org.slug);
  return "Replay queued.";
});
