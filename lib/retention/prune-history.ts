import "server-only";
import { sql } from "drizzle-orm";
import { db as defaultDb, selectRows, type Db } from "@/db/client";

/** How long delivery logs and provisioning logs are kept (SEATWISE_HISTORY_DAYS, default 30). */
export function historyDays(env: Record<string, string | undefined> = process.env): number {
  const days = Math.floor(Number(env.SEATWISE_HISTORY_DAYS ?? 30));
  return Number.isFinite(days) && days >= 1 ? days : 30;
}

const BATCH = 1_000;

/**
 * Logs do not grow without end (W1's delivery log, issue 17's provisioning log): webhook events
 * older than the history window whose every delivery is finished (delivered, or failed for good)
 * are deleted with their deliveries and attempts (ON DELETE CASCADE); an event with a delivery
 * still pending or being retried is kept whatever its age. SCIM provisioning events older than
 * the window go too. In batches, so a large backlog never holds a long transaction.
 */
export async function pruneHistory(options: { db?: Db; now?: Date; days?: number } = {}): Promise<{ webhookEvents: number; scimEvents: number }> {
  const database = options.db ?? defaultDb;
  const cutoff = new Date((options.now ?? new Date()).getTime() - (options.days ?? historyDays()) * 24 * 60 * 60 * 1000).toISOString();
  let webhookEvents = 0;
  let scimEvents = 0;
  for (;;) {
    const [row] = await selectRows<{ n: number }>(
      database,
      sql`with gone as (
            delete from webhook_events where id in (
              select e.id from webhook_events e
              where e.created_at < ${cutoff}::timestamptz
                and not exists (select 1 from webhook_deliveries d where d.event_id = e.id and d.status = 'pending')
              limit ${BATCH})
            returning 1)
          select count(*)::int as n from gone`,
    );
    webhookEvents += Number(row.n);
    if (Number(row.n) < BATCH) break;
  }
  for (;;) {
    const [row] = await selectRows<{ n: number }>(
      database,
      sql`with gone as (
            delete from scim_events where id in (select id from scim_events where at < ${cutoff}::timestamptz limit ${BATCH})
            returning 1)
          select count(*)::int as n from gone`,
    );
    scimEvents += Number(row.n);
    if (Number(row.n) < BATCH) break;
  }
  return { webhookEvents, scimEvents };
}

export function startHistoryPruning(intervalMs = 60 * 60_000) {
  const g = globalThis as unknown as { __seatwiseHistoryPruning?: NodeJS.Timeout };
  if (g.__seatwiseHistoryPruning) return;
  g.__seatwiseHistoryPruning = setInterval(() => {
    pruneHistory().catch((error) => console.warn("[retention] pruning failed:", error instanceof Error ? error.message : error));
  }, intervalMs);
  g.__seatwiseHistoryPruning.unref();
}
