import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { db } from "@/db/client";
import { users, webhookEndpoints } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { canManageWebhooks } from "@/lib/permissions";
import { lockOrganization } from "@/lib/seats/reserve-seat";
import { transaction } from "@/lib/transaction";
import type { WebhookEventType } from "./events";
import { webhookUrlProblem } from "./guard";
import type { createWebhookEndpointSchema } from "./schemas";
import { encryptWebhookSecret, generateWebhookSecret } from "./secret";

/** An endpoint as pages and the API show it: never its secret. */
export type WebhookEndpointView = {
  id: string;
  url: string;
  events: WebhookEventType[];
  enabled: boolean;
  disabledAt: string | null;
  disabledReason: string | null;
  lastSuccessAt: string | null;
  createdAt: string;
  createdBy: string | null;
};

/** How many endpoints one organization may register. */
export const MAX_WEBHOOK_ENDPOINTS = 10;

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function assertCanManageWebhooks(ctx: MemberContext) {
  if (!canManageWebhooks(ctx.membership.role)) throw forbidden("Only Admins manage webhooks.");
}

const viewColumns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  events: webhookEndpoints.events,
  disabledAt: webhookEndpoints.disabledAt,
  disabledReason: webhookEndpoints.disabledReason,
  lastSuccessAt: webhookEndpoints.lastSuccessAt,
  createdAt: webhookEndpoints.createdAt,
  createdByName: users.name,
  createdByEmail: users.email,
};

type ViewRow = {
  id: string;
  url: string;
  events: string[];
  disabledAt: Date | null;
  disabledReason: string | null;
  lastSuccessAt: Date | null;
  createdAt: Date;
  createdByName: string | null;
  createdByEmail: string | null;
};

function toView(row: ViewRow): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    events: row.events as WebhookEventType[],
    enabled: row.disabledAt === null,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    disabledReason: row.disabledReason,
    lastSuccessAt: row.lastSuccessAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdByName ?? row.createdByEmail,
  };
}

/** The organization's webhook endpoints, oldest first (W1). Admins only. */
export async function listWebhookEndpoints(ctx: MemberContext): Promise<WebhookEndpointView[]> {
  assertCanManageWebhooks(ctx);
  const rows = await db
    .select(viewColumns)
    .from(webhookEndpoints)
    .leftJoin(users, eq(users.id, webhookEndpoints.createdById))
    .where(eq(webhookEndpoints.orgId, ctx.org.id))
    .orderBy(webhookEndpoints.createdAt, webhookEndpoints.id);
  return rows.map(toView);
}

/** One endpoint of the caller's organization; another organization's id is NOT_FOUND like a missing one. */
export async function getWebhookEndpoint(ctx: MemberContext, endpointId: string): Promise<WebhookEndpointView> {
  assertCanManageWebhooks(ctx);
  if (!uuidPattern.test(endpointId)) throw notFound("This webhook endpoint");
  const [row] = await db
    .select(viewColumns)
    .from(webhookEndpoints)
    .leftJoin(users, eq(users.id, webhookEndpoints.createdById))
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.orgId, ctx.org.id)));
  if (!row) throw notFound("This webhook endpoint");
  return toView(row);
}

/**
 * Registers an endpoint (W1): the URL must be allowed (W2: https in production, a public
 * address now — and again at every delivery), the secret is made here, returned once, and kept
 * only encrypted. Audited without the secret.
 */
export async function createWebhookEndpoint(
  ctx: MemberContext,
  input: z.output<typeof createWebhookEndpointSchema>,
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  assertCanManageWebhooks(ctx);
  const problem = await webhookUrlProblem(input.url);
  if (problem) throw new AppError("VALIDATION", problem, { fieldErrors: { url: [problem] } });
  const secret = generateWebhookSecret();
  const id = await transaction(async (tx) => {
    await lockOrganization(tx, ctx.org.id);
    const existing = await tx.$count(webhookEndpoints, eq(webhookEndpoints.orgId, ctx.org.id));
    if (existing >= MAX_WEBHOOK_ENDPOINTS) {
      throw new AppError("CONFLICT", `An organization can have at most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints. Delete one first.`);
    }
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({ orgId: ctx.org.id, url: input.url, events: input.events, secretCiphertext: encryptWebhookSecret(secret), createdById: ctx.user.id })
      .returning({ id: webhookEndpoints.id });
    await recordAudit(tx, {
      orgId: ctx.org.id,
      actor: { id: ctx.user.id, email: ctx.user.email },
      action: "webhook.endpoint_created",
      subject: { type: "webhook_endpoint", id: row.id },
      after: { url: input.url, events: input.events },
    });
    return row.id;
  });
  return { endpoint: await getWebhookEndpoint(ctx, id), secret };
}

/** Deletes an endpoint with its delivery log (W1). Audited. */
export async function deleteWebhookEndpoint(ctx: MemberContext, endpointId: string): Promise<void> {
  assertCanManageWebhooks(ctx);
  if (!uuidPattern.test(endpointId)) throw notFound("This webhook endpoint");
  await transaction(async (tx) => {
    await lockOrganization(tx, ctx.org.id);
    const [row] = await tx
      .delete(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.orgId, ctx.org.id)))
      .returning({ id: webhookEndpoints.id, url: webhookEndpoints.url, events: webhookEndpoints.events });
    if (!row) throw notFound("This webhook endpoint");
    await recordAudit(tx, {
      orgId: ctx.org.id,
      actor: { id: ctx.user.id, email: ctx.user.email },
      action: "webhook.endpoint_deleted",
      subject: { type: "webhook_endpoint", id: row.id },
      before: { url: row.url, events: row.events },
    });
  });
}
