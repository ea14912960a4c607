import { z } from "zod";
import { webhookEventTypes } from "./events";

/**
 * Settings → Webhooks and `POST /api/v1/orgs/{org}/webhooks`: the URL and the events wanted
 * (W1, W2). Whether the URL may be called (https, public address) is checked by the service.
 */
export const createWebhookEndpointSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, "Enter the endpoint's URL.")
    .max(2000, "Use a URL of at most 2,000 characters.")
    .refine((value) => URL.canParse(value), "Enter a full URL, like https://hooks.example.com/seatwise."),
  events: z
    .array(z.enum(webhookEventTypes, "Choose events from the list."))
    .min(1, "Choose at least one event.")
    .max(webhookEventTypes.length)
    .transform((events) => [...new Set(events)]),
});

export const webhookEndpointIdSchema = z.object({ endpointId: z.uuid() });
export const webhookDeliveryIdSchema = z.object({ deliveryId: z.uuid() });
