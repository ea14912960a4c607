import "server-only";
import { sql } from "drizzle-orm";
import { db as defaultDb, type DbOrTx } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { AppError } from "./errors";

export type RateLimitRule = { limit: number; windowSeconds: number };

/** About five sign-in links or invitations per address per 15 minutes; more per IP address. */
export const rateLimitRules = {
  emailPerAddress: { limit: 5, windowSeconds: 15 * 60 },
  emailPerIp: { limit: 30, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimitRule>;

/**
 * Counts one hit against `key` in a fixed window and says whether it is within the limit. The
 * count lives in PostgreSQL (one atomic upsert), so every server process shares it.
 */
export async function hitRateLimit(
  key: string,
  rule: RateLimitRule,
  options: { db?: DbOrTx; now?: Date } = {},
): Promise<{ allowed: boolean; count: number; retryAfterSeconds: number }> {
  const database = options.db ?? defaultDb;
  const nowMs = (options.now ?? new Date()).getTime();
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(nowMs / windowMs) * windowMs);
  const [row] = await database
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
    })
    .returning({ count: rateLimits.count });
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - nowMs) / 1000);
  return { allowed: row.count <= rule.limit, count: row.count, retryAfterSeconds };
}

/** Throws RATE_LIMITED with a message that reads the same whether or not an account exists. */
export async function enforceEmailRateLimit(email: string, ip: string | null, options: { db?: DbOrTx } = {}) {
  const checks = [hitRateLimit(`email:${email.toLowerCase()}`, rateLimitRules.emailPerAddress, options)];
  if (ip) checks.push(hitRateLimit(`ip:${ip}`, rateLimitRules.emailPerIp, options));
  const results = await Promise.all(checks);
  const refused = results.find((r) => !r.allowed);
  if (refused) {
    const minutes = Math.max(1, Math.ceil(refused.retryAfterSeconds / 60));
    throw new AppError(
      "RATE_LIMITED",
      `Too many emails were requested for this address. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    );
  }
}
