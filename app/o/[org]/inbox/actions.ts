"use server";

import { z } from "zod";
import { memberAction } from "@/lib/action";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/mark-read";
import { refreshOrganization } from "@/lib/revalidate";

const notificationIdSchema = z.object({ notificationId: z.uuid("That notification id is not valid.") });

// POST (server action) – mark one notification read (N1).
export const markNotificationReadAction = memberAction(notificationIdSchema, async ({ notificationId }, ctx) => {
  await markNotificationRead(ctx, notificationId);
  refreshOrganization(ctx.org.slug);
  return { message: "Marked as read.", data: { notificationId } };
});

// POST (server action) – mark every notification read (N1).
export const markAllNotificationsReadAction = memberAction(z.object({}), async (_input, ctx) => {
  const { marked } = await markAllNotificationsRead(ctx);
  refreshOrganization(ctx.org.slug);
  return marked ? `${marked} notification${marked === 1 ? "" : "s"} marked as read.` : "Everything was read already.";
});
