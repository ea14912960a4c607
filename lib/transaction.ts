import "server-only";
import { db as defaultDb, type Db, type Tx } from "@/db/client";
import { sqlState } from "@/db/errors";
import { AppError } from "@/lib/errors";

/** SQLSTATEs after which running the whole transaction again is safe and usually succeeds. */
const RETRYABLE = new Set(["40P01" /* deadlock_detected */, "40001" /* serialization_failure */]);

export function isRetryable(error: unknown): boolean {
  const code = sqlState(error);
  return code !== undefined && RETRYABLE.has(code);
}

/**
 * The one way services open a transaction. Locks are taken organization first everywhere
 * (docs/decisions/005), so a deadlock should not happen; if PostgreSQL still reports one, or a
 * serialization failure, the whole transaction — which rolled back and wrote nothing — runs once
 * more, and a second failure is answered as a clear CONFLICT instead of a generic error.
 */
export async function transaction<T>(fn: (tx: Tx) => Promise<T>, options: { db?: Db } = {}): Promise<T> {
  const database = options.db ?? defaultDb;
  try {
    return await database.transaction(fn);
  } catch (error) {
    if (!isRetryable(error)) throw error;
    console.warn(`[db] transaction retried after ${sqlState(error)}`);
  }
  try {
    return await database.transaction(fn);
  } catch (error) {
    if (!isRetryable(error)) throw error;
    throw new AppError(
      "CONFLICT",
      "Someone else changed this organization at the same moment. Nothing was changed; please try again.",
    );
  }
}
