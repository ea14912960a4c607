import "server-only";
import http from "node:http";
import https from "node:https";
import { and, eq, isNull, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { db as defaultDb, selectRows, type Db, type Tx } from "@/db/client";
import { memberships, users, webhookAttempts, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { enqueueEmail, kickEmailSender } from "@/lib/email";
import { transaction } from "@/lib/transaction";
import { assertLiteralHostAllowed, guardedLookup, urlProblem } from "./guard";
import { decryptWebhookSecret } from "./secret";
import { writeNotifications } from "@/lib/notifications/write-notifications";
import { publicBaseUrl } from "@/lib/url";

/**
 * After the n-th failed attempt the next one waits RETRY_DELAYS_SECONDS[n-1]: seconds, minutes,
 * hours — 10 attempts over about 2.9 days (docs/decisions/075). Then the delivery has failed.
 */
export const RETRY_DELAYS_SECONDS = [5, 60, 5 * 60, 30 * 60, 2 * 3600, 6 * 3600, 12 * 3600, 24 * 3600, 24 * 3600];
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;
/** A receiver has this long to answer; the answer's body is kept to this many characters. */
export const TIMEOUT_MS = 5000;
export const RESPONSE_PREFIX_CHARS = 512;
const LEASE_SECONDS = 60;

type Claimed = {
  id: string;
  attempts: number;
  createdAt: Date | string;
  eventId: string;
  payload: unknown;
  endpointId: string;
  orgId: string;
  url: string;
  secretCiphertext: string;
};

type AttemptResult = { ok: boolean; statusCode: number | null; durationMs: number; error: string | null; responsePrefix: string | null };

/** The POST itself: node:http(s) through the SSRF guard's lookup, no redirects, a short timeout. */
function post(url: URL, headers: Record<string, string>, body: string, timeoutMs: number): Promise<{ statusCode: number; responsePrefix: string }> {
  assertLiteralHostAllowed(url);
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null, value?: { statusCode: number; responsePrefix: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(value!);
    };
    const request = client.request(
      url,
      { method: "POST", headers: { ...headers, "content-length": Buffer.byteLength(body) }, lookup: guardedLookup, agent: false },
      (response) => {
        let text = "";
        const done = () => {
          finish(null, { statusCode: response.statusCode ?? 0, responsePrefix: text.slice(0, RESPONSE_PREFIX_CHARS) });
          response.destroy();
        };
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          text += chunk;
          // Only a small prefix is kept (W1): the rest is not even read.
          if (text.length >= RESPONSE_PREFIX_CHARS) done();
        });
        response.on("end", done);
        response.on("error", (error) => finish(error));
      },
    );
    const timer = setTimeout(() => {
      finish(new Error(`no answer within ${timeoutMs / 1000} s`));
      request.destroy();
    }, timeoutMs);
    request.on("error", (error) => finish(error));
    request.end(body);
  });
}

/** One attempt: signed per Standard Webhooks, sent, timed. Never throws; never logs. */
async function attempt(row: Claimed, timeoutMs: number): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const problem = urlProblem(row.url);
    if (problem) throw new Error(problem);
    let secret: string;
    try {
      secret = decryptWebhookSecret(row.secretCiphertext);
    } catch {
      throw new Error("the signing secret cannot be read (was AUTH_SECRET changed?); delete the endpoint and add it again");
    }
    const body = JSON.stringify(row.payload);
    // The real time, whatever clock schedules the attempts: receivers reject stale timestamps.
    const sentAt = new Date();
    const signature = new Webhook(secret).sign(row.eventId, sentAt, body);
    const answer = await post(
      new URL(row.url),
      {
        "content-type": "application/json",
        "user-agent": "Seatwise-Webhooks/1",
        "webhook-id": row.eventId,
        "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
        "webhook-signature": signature,
      },
      body,
      timeoutMs,
    );
    const ok = answer.statusCode >= 200 && answer.statusCode < 300;
    return { ok, statusCode: answer.statusCode, durationMs: elapsed(), error: ok ? null : `HTTP ${answer.statusCode}`, responsePrefix: answer.responsePrefix };
  } catch (error) {
    const message = String((error as Error)?.message ?? error).slice(0, 500);
    return { ok: false, statusCode: null, durationMs: elapsed(), error: message, responsePrefix: null };
  }
}

/**
 * Delivers due webhooks (SPEC W1). Rows are claimed with FOR UPDATE SKIP LOCKED and leased for a
 * minute, so any number of processes can run this at once without delivering one twice; a
 * process that dies mid-send leaves a lease that expires, and the delivery is tried again.
 * `now` is the clock that decides what is due and when the next attempt is (tests move it).
 */
export async function deliverDueWebhooks(options: { db?: Db; now?: () => Date; limit?: number; timeoutMs?: number } = {}) {
  const database = options.db ?? defaultDb;
  const now = options.now ?? (() => new Date());
  const limit = options.limit ?? 20;
  const claimedAt = now();
  const rows = await selectRows<Claimed>(
    database,
    sql`
    update ${webhookDeliveries} d
    set attempts = d.attempts + 1, next_attempt_at = ${new Date(claimedAt.getTime() + LEASE_SECONDS * 1000).toISOString()}::timestamptz
    from webhook_events ev, webhook_endpoints ep
    where d.id in (
      select dd.id from ${webhookDeliveries} dd
      join ${webhookEndpoints} e on e.id = dd.endpoint_id
      where dd.status = 'pending' and dd.next_attempt_at <= ${claimedAt.toISOString()}::timestamptz and e.disabled_at is null
      order by dd.next_attempt_at
      limit ${limit}
      for update of dd skip locked
    )
    and ev.id = d.event_id and ep.id = d.endpoint_id
    returning d.id, d.attempts, d.created_at as "createdAt", ev.id as "eventId", ev.payload, ep.id as "endpointId",
      d.org_id as "orgId", ep.url, ep.secret_ciphertext as "secretCiphertext"`,
  );
  let delivered = 0;
  let failed = 0;
  for (const row of rows) {
    const result = await attempt(row, options.timeoutMs ?? TIMEOUT_MS);
    if (result.ok) delivered++;
    else failed++;
    await recordAttempt(database, row, result, now());
  }
  return { claimed: rows.length, delivered, failed };
}

/** Writes the attempt to the log and moves the delivery on: delivered, retried later, or failed. */
async function recordAttempt(database: Db, row: Claimed, result: AttemptResult, at: Date) {
  await transaction(
    async (tx) => {
      // The endpoint first (the order of every path that changes it), so a delete cannot deadlock with this.
      const [endpoint] = await tx.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(eq(webhookEndpoints.id, row.endpointId)).for("no key update");
      if (!endpoint) return; // deleted meanwhile: its log went with it
      await tx.insert(webhookAttempts).values({
        deliveryId: row.id,
        endpointId: row.endpointId,
        attempt: row.attempts,
        statusCode: result.statusCode,
        durationMs: result.durationMs,
        error: result.error,
        responsePrefix: result.responsePrefix,
        at,
      });
      if (result.ok) {
        await tx.update(webhookDeliveries).set({ status: "delivered", deliveredAt: at, lastError: null }).where(eq(webhookDeliveries.id, row.id));
        await tx.update(webhookEndpoints).set({ lastSuccessAt: at }).where(eq(webhookEndpoints.id, row.endpointId));
        return;
      }
      const giveUp = row.attempts >= MAX_ATTEMPTS;
      await tx
        .update(webhookDeliveries)
        .set({
          status: giveUp ? "failed" : "pending",
          lastError: result.error,
          nextAttemptAt: new Date(at.getTime() + (RETRY_DELAYS_SECONDS[row.attempts - 1] ?? 0) * 1000),
        })
        .where(eq(webhookDeliveries.id, row.id));
      if (giveUp) await disableIfFailing(tx, row, result, at);
    },
    { db: database },
  );
}

/**
 * docs/decisions/075: a delivery that failed every attempt (about three days) while the endpoint
 * had no success since that delivery was written means the endpoint keeps failing: it is
 * disabled, its waiting deliveries end, and every Admin is told in the inbox and by email.
 */
async function disableIfFailing(tx: Tx, row: Claimed, result: AttemptResult, at: Date) {
  const createdAt = new Date(row.createdAt);
  const reason = `every delivery attempt failed for ${Math.max(1, Math.round((at.getTime() - createdAt.getTime()) / 86_400_000))} day(s) (last: ${result.error ?? "no answer"}).`;
  const [disabled] = await tx
    .update(webhookEndpoints)
    .set({ disabledAt: at, disabledReason: reason })
    .where(
      and(
        eq(webhookEndpoints.id, row.endpointId),
        isNull(webhookEndpoints.disabledAt),
        sql`(${webhookEndpoints.lastSuccessAt} is null or ${webhookEndpoints.lastSuccessAt} < ${createdAt.toISOString()}::timestamptz)`,
      ),
    )
    .returning({ id: webhookEndpoints.id, url: webhookEndpoints.url, orgId: webhookEndpoints.orgId });
  if (!disabled) return;
  await tx
    .update(webhookDeliveries)
    .set({ status: "failed", lastError: "the endpoint was disabled" })
    .where(and(eq(webhookDeliveries.endpointId, disabled.id), eq(webhookDeliveries.status, "pending")));
  const [org] = await selectRows<{ slug: string; name: string }>(tx, sql`select slug, name from organizations where id = ${disabled.orgId}`);
  const admins = await tx
    .select({ id: users.id, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, disabled.orgId), eq(memberships.role, "admin"), eq(memberships.status, "active")));
  const host = new URL(disabled.url).host;
  const baseUrl = publicBaseUrl();
  const pageUrl = `${baseUrl}/o/${org.slug}/settings/webhooks`;
  if (admins.length) {
    await writeNotifications(tx, 
      admins.map((admin) => ({
        userId: admin.id,
        orgId: disabled.orgId,
        kind: "webhook_disabled" as const,
        title: `The webhook endpoint at ${host} was disabled`,
        body: `Seatwise stopped sending events to it: ${reason} Fix the receiver, then re-enable it in Settings → Webhooks.`,
      })),
    );
  }
  for (const admin of admins) {
    await enqueueEmail(tx, { to: admin.email, template: "webhook-disabled", props: { orgName: org.name, endpointHost: host, reason, url: pageUrl } });
  }
  await recordAudit(tx, {
    orgId: disabled.orgId,
    actor: null,
    action: "webhook.endpoint_disabled",
    subject: { type: "webhook_endpoint", id: disabled.id },
    before: { enabled: true },
    after: { enabled: false, reason },
  });
  // The endpoint's id only: its URL may carry the receiver's own secret.
  console.warn(`[webhooks] endpoint ${disabled.id} disabled: ${reason}`);
  queueMicrotask(kickEmailSender);
}

/** SEATWISE_WEBHOOK_SENDER=off: this process writes events but leaves delivery to others (and tests). */
function senderEnabled() {
  return process.env.SEATWISE_WEBHOOK_SENDER !== "off";
}

let scheduled = false;

/** Asks for a delivery run shortly (emitEvent calls it; by then the change has usually committed). */
export function kickWebhookSender(delayMs = 250) {
  if (scheduled || !senderEnabled()) return;
  scheduled = true;
  setTimeout(() => {
    scheduled = false;
    deliverDueWebhooks().catch((error) => console.warn("[webhooks] delivery run failed:", (error as Error).message));
  }, delayMs).unref();
}

/** The periodic run that picks up retries, replays and anything another process left behind. */
export function startWebhookSender(intervalMs = 3000) {
  const g = globalThis as unknown as { __seatwiseWebhookSender?: NodeJS.Timeout };
  if (g.__seatwiseWebhookSender || !senderEnabled()) return;
  g.__seatwiseWebhookSender = setInterval(() => {
    deliverDueWebhooks().catch((error) => console.warn("[webhooks] delivery run failed:", (error as Error).message));
  }, intervalMs);
  g.__seatwiseWebhookSender.unref();
}
