// GET|POST /api/v1/orgs/{org}/webhooks – list and register webhook endpoints (W1, Admins)
import { createWebhook, listWebhooks } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks/endpoints";

export const GET = apiRoute(listWebhooks, async (ctx) => ({ data: await listWebhookEndpoints(ctx) }));

export const POST = apiRoute(createWebhook, (ctx, { body }) => createWebhookEndpoint(ctx, body));
