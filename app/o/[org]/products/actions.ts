"use server";

import { memberAction } from "@/lib/action";
import { subscribeSchema } from "@/lib/plans/schemas";
import { subscribeToProduct } from "@/lib/plans/subscribe-to-product";
import { refreshOrganization } from "@/lib/revalidate";

// POST (server action) – an Admin subscribes the organization to a product (P1).
export const subscribeAction = memberAction(subscribeSchema, async (input, ctx) => {
  const result = await subscribeToProduct(ctx, input);
  refreshOrganization(ctx.org.slug);
  return { message: `Subscribed to ${result.productName}. You are its subscriber.`, data: result };
});
