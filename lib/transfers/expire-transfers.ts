import "server-only";
import { and, eq, lte, sql } from "drizzle-orm";
import { db as defaultDb, selectRows, type Db, type Tx } from "@/db/client";
import { ownershipTransfers, plans, products, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { enqueueEmail, kickEmailSender } from "@/lib/email";
import { lockOrganization } from "@/lib/seats/reserve-seat";
import { transaction } from "@/lib/transaction";
import { writeNotifications } from "@/lib/notifications/write-notifications";
import { emitEvent } from "@/lib/webhooks/emit";

export const TRANSFER_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function transferExpiry(now = new Date()): Date {
  return new Date(now.getTime() + TRANSFER_TTL_MS);
}

type ExpiredTransfer = { id: string; orgId: string; planId: string; fromUserId: string; toUserId: string | null };

/**
 * Tells both sides that a transfer expired (O1): an inbox notification and an email to the
 * subscriber who asked, and to the recipient when they are a member already. The caller has
 * claimed the row (pending → expired) in this transaction.
 */
async function announceExpiry(tx: Tx, transfer: ExpiredTransfer, options: { baseUrl: string; orgSlug: string; orgName: string }) {
  const [plan] = await tx
    .select({ productName: products.name })
    .from(plans)
    .innerJoin(products, eq(products.id, plans.productId))
    .where(eq(plans.id, transfer.planId));
  const people = await tx
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(sql`${users.id} in (${transfer.fromUserId}, ${transfer.toUserId ?? transfer.fromUserId})`);
  const from = people.find((p) => p.id === transfer.fromUserId)!;
  const to = transfer.toUserId ? people.find((p) => p.id === transfer.toUserId) : undefined;
  const toName = to ? (to.name ?? to.email) : "the invited person";
  const url = `${options.baseUrl}/o/${options.orgSlug}/subscriptions`;
  await writeNotifications(tx, {
    userId: from.id,
    orgId: transfer.orgId,
    planId: transfer.planId,
    transferId: transfer.id,
    kind: "transfer_expired",
    title: `Your transfer of ${plan.productName} to ${toName} expired`,
    body: "Nobody answered within 7 days. You remain the subscriber; you can send a new request.",
  });
  await enqueueEmail(tx, {
    to: from.email,
    template: "transfer-outcome",
    props: { outcome: "expired", orgName: options.orgName, planName: plan.productName, toName, audience: "requester", url },
  });
  if (to) {
    await writeNotifications(tx, {
      userId: to.id,
      orgId: transfer.orgId,
      planId: transfer.planId,
      transferId: transfer.id,
      kind: "transfer_expired",
      title: `The request to take over ${plan.productName} expired`,
      body: `${from.name ?? from.email} remains its subscriber.`,
    });
    await enqueueEmail(tx, {
      to: to.email,
      template: "transfer-outcome",
      props: { outcome: "expired", orgName: options.orgName, planName: plan.productName, toName, audience: "recipient", url },
    });
  }
  await recordAudit(tx, {
    orgId: transfer.orgId,
    actor: null,
    action: "transfer.expired",
    target: to ? { id: to.id, email: to.email } : null,
    subject: { type: "transfer", id: transfer.id },
    before: { state: "pending" },
    after: { state: "expired" },
  });
  const data = { transferId: transfer.id, planId: transfer.planId, fromUserId: transfer.fromUserId, toUserId: transfer.toUserId };
  await emitEvent(tx, { orgId: transfer.orgId, type: "plan.transfer.expired", data });
}

/**
 * Marks the plan's live transfer expired if its 7 days have passed, with its notifications and
 * emails, inside the caller's transaction (which holds the organization's lock). A new transfer
 * calls this first, so an expired request never blocks the next one (O1).
 */
export async function expireTransferOfPlanIfDue(tx: Tx, org: { id: string; slug: string; name: string }, planId: string, baseUrl: string) {
  const claimed = await tx
    .update(ownershipTransfers)
    .set({ state: "expired", resolvedAt: new Date() })
    .where(and(eq(ownershipTransfers.planId, planId), eq(ownershipTransfers.state, "pending"), lte(ownershipTransfers.expiresAt, new Date())))
    .returning();
  for (const transfer of claimed) await announceExpiry(tx, transfer, { baseUrl, orgSlug: org.slug, orgName: org.name });
  return claimed.length;
}

/**
 * The periodic sweep (O1): every pending transfer past its expiry becomes expired, and both sides
 * are told once. Per organization, in one transaction: the organization's row is locked first
 * (the lock order of every path — an accept holds it while it locks the transfer), then the due
 * rows are claimed with FOR UPDATE SKIP LOCKED and a conditional update, so several servers
 * sweeping at once never announce one expiry twice.
 */
export async function expireDueTransfers(options: { db?: Db; baseUrl?: string; limit?: number } = {}) {
  const database = options.db ?? defaultDb;
  const baseUrl = (options.baseUrl ?? process.env.AUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
  const limit = options.limit ?? 100;
  const due = await database
    .selectDistinct({ orgId: ownershipTransfers.orgId })
    .from(ownershipTransfers)
    .where(and(eq(ownershipTransfers.state, "pending"), lte(ownershipTransfers.expiresAt, new Date())))
    .limit(limit);
  let expired = 0;
  for (const { orgId } of due) {
    expired += await transaction(
      async (tx) => {
        const org = await lockOrganization(tx, orgId);
        const rows = await selectRows<ExpiredTransfer>(
          tx,
          sql`
          update ${ownershipTransfers}
          set state = 'expired', resolved_at = now()
          where id in (
            select id from ${ownershipTransfers}
            where org_id = ${orgId} and state = 'pending' and expires_at <= now()
            order by expires_at
            limit ${limit}
            for update skip locked
          ) and state = 'pending'
          returning id, org_id as "orgId", plan_id as "planId", from_user_id as "fromUserId", to_user_id as "toUserId"`,
        );
        for (const transfer of rows) await announceExpiry(tx, transfer, { baseUrl, orgSlug: org.slug, orgName: org.name });
        return rows.length;
      },
      { db: database },
    );
  }
  if (expired) kickEmailSender();
  return { expired };
}

/** The sweep's timer, started once per server process from instrumentation.ts (like the email sender). */
export function startTransferExpirySweep(intervalMs = 60_000) {
  const g = globalThis as unknown as { __seatwiseTransferSweep?: NodeJS.Timeout };
  if (g.__seatwiseTransferSweep || process.env.SEATWISE_TRANSFER_SWEEP === "off") return;
  g.__seatwiseTransferSweep = setInterval(() => {
    expireDueTransfers().catch((error) => console.warn("[transfers] expiry sweep failed:", error));
  }, intervalMs);
  g.__seatwiseTransferSweep.unref();
}
