import "server-only";
import { createHash } from "node:crypto";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** K3: a POST with the same key (per token) answers the first answer for this long. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A claim with no answer after this long belongs to a process that died: the next request takes it over. */
const STALE_CLAIM_MS = 2 * 60 * 1000;
/** How long a duplicate waits for the first request's answer before saying "still running". */
const WAIT_MS = 30_000;

export const idempotencyKeyPattern = /^[\x21-\x7e]{1,255}$/;

export type StoredAnswer = { status: number; body: string; type: string };

export function requestFingerprint(method: string, path: string, body: string): string {
  return createHash("sha256").update(`${method}\n${path}\n${body}`).digest("hex");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Claims `key` for this token before the request runs (docs/decisions/072): an INSERT … ON CONFLICT
 * in its own statement (its own transaction), so exactly one of any number of simultaneous
 * requests wins. The others wait for the winner's answer and return it. A key older than 24 hours,
 * or a claim abandoned by a dead process, is taken over by the same statement.
 */
export async function claimIdempotencyKey(tokenId: string, key: string, fingerprint: string, now = new Date()): Promise<{ claimed: true } | { claimed: false; answer: StoredAnswer }> {
  const deadline = Date.now() + WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    const claimed = await db
      .insert(idempotencyKeys)
      .values({ tokenId, key, requestHash: fingerprint, createdAt: now })
      .onConflictDoUpdate({
        target: [idempotencyKeys.tokenId, idempotencyKeys.key],
        set: { requestHash: fingerprint, responseStatus: null, responseBody: null, responseType: null, createdAt: now },
        setWhere: or(
          lt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_TTL_MS)),
          and(isNull(idempotencyKeys.responseStatus), lt(idempotencyKeys.createdAt, new Date(now.getTime() - STALE_CLAIM_MS))),
        ),
      })
      .returning({ tokenId: idempotencyKeys.tokenId });
    if (claimed.length) return { claimed: true };
    const [row] = await db
      .select({ requestHash: idempotencyKeys.requestHash, status: idempotencyKeys.responseStatus, body: idempotencyKeys.responseBody, type: idempotencyKeys.responseType })
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.tokenId, tokenId), eq(idempotencyKeys.key, key)));
    // Gone between the two statements (the first request failed and let go of it): claim again.
    if (!row) continue;
    if (row.requestHash !== fingerprint) {
      throw new AppError("CONFLICT", "This Idempotency-Key was already used for a different request. Use a new key for a new request.");
    }
    if (row.status !== null) return { claimed: false, answer: { status: row.status, body: row.body ?? "", type: row.type ?? "application/json" } };
    if (Date.now() > deadline) {
      throw new AppError("CONFLICT", "A request with this Idempotency-Key is still running. Retry it in a moment to get its answer.");
    }
    await sleep(Math.min(50 * 2 ** Math.min(attempt, 4), 500));
  }
}

/** The first answer, kept for the retries. */
export async function storeIdempotentAnswer(tokenId: string, key: string, answer: StoredAnswer) {
  await db
    .update(idempotencyKeys)
    .set({ responseStatus: answer.status, responseBody: answer.body, responseType: answer.type })
    .where(and(eq(idempotencyKeys.tokenId, tokenId), eq(idempotencyKeys.key, key)));
}

/** The request failed unexpectedly (nothing was committed): a retry with the key runs again. */
export async function releaseIdempotencyKey(tokenId: string, key: string) {
  await db
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.tokenId, tokenId), eq(idempotencyKeys.key, key), isNull(idempotencyKeys.responseStatus)));
}

/** Keys past their 24 hours answer nothing any more: deleted hourly (instrumentation.ts). */
export async function pruneIdempotencyKeys(now = new Date()): Promise<number> {
  const deleted = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, sql`${new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString()}::timestamptz`))
    .returning({ key: idempotencyKeys.key });
  return deleted.length;
}

export function startIdempotencyPruning(intervalMs = 60 * 60_000) {
  const g = globalThis as unknown as { __seatwiseIdempotencyPruning?: NodeJS.Timeout };
  if (g.__seatwiseIdempotencyPruning) return;
  g.__seatwiseIdempotencyPruning = setInterval(() => {
    pruneIdempotencyKeys().catch((error) => console.warn("[api] idempotency pruning failed:", error instanceof Error ? error.message : error));
  }, intervalMs);
  g.__seatwiseIdempotencyPruning.unref();
}
