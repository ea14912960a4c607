// DELETE /api/v1/orgs/{org}/webhooks/{id} – delete a webhook endpoint (W1, Admins)
import { deleteWebhook } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { deleteWebhookEndpoint } from "@/lib/webhooks/endpoints";

export const DELETE = apiRoute(deleteWebhook, async (ctx, { params }) => {
  await deleteWebhookEndpoint(ctx, params.id);
});
