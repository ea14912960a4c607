import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { db } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { lockOrganization } from "@/lib/seats/reserve-seat";
import { transaction } from "@/lib/transaction";
import { assertCanManageWebhooks, uuidPattern } from "./endpoints";
import { webhookUrlProblem } from "./guard";

/**
 * Re-enables an endpoint that was disabled for failing (W1): new events reach it again. Deliveries
 * that ended while it was disabled stay ended; the log offers Replay for them. The URL is checked
 * again (W2), as the address it resolves to may have changed. Audited.
 */
export async function enableWebhookEndpoint(ctx: MemberContext, endpointId: string): Promise<void> {
  assertCanManageWebhooks(ctx);
  if (!uuidPattern.test(endpointId)) throw notFound("This webhook endpoint");
  const [current] = await db
    .select({ url: webhookEndpoints.url })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.orgId, ctx.org.id)));
  if (!current) throw notFound("This webhook endpoint");
  const problem = await webhookUrlProblem(current.url);
  if (problem) throw new AppError("VALIDATION", problem);
  await transaction(async (tx) => {
    await lockOrganization(tx, ctx.org.id);
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ disabledAt: null, disabledReason: null })
      .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.orgId, ctx.org.id), isNotNull(webhookEndpoints.disabledAt)))
      .returning({ id: webhookEndpoints.id });
    if (!row) {
      const [exists] = await tx.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.orgId, ctx.org.id)));
      if (!exists) throw notFound("This webhook endpoint");
      throw new AppError("CONFLICT", "This endpoint is enabled already.");
    }
    await recordAudit(tx, {
      orgId: ctx.org.id,
      actor: { id: ctx.user.id, email: ctx.user.email },
      action: "webhook.endpoint_enabled",
      subject: { type: "webhook_endpoint", id: row.id },
      before: { enabled: false },
      after: { enabled: true },
    });
  });
}
