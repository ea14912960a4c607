import { sql, type SQL } from "drizzle-orm";
import { selectRows, type DbOrTx } from "@/db/client";

/** The server process id of the connection running this transaction (PostgreSQL only). */
export async function backendPid(tx: { execute: (query: SQL) => PromiseLike<unknown> }): Promise<number> {
  const result = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown;
  const rows = (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as Array<{ pid: number }>;
  return Number(rows[0].pid);
}

/**
 * Waits until another transaction is seen waiting for a lock that the backend `holderPid` holds
 * (pg_locks, through pg_blocking_pids), instead of sleeping and hoping it got there (issue 14.25).
 * Fails after `timeoutMs` if nobody ever queues behind the holder.
 */
export async function waitUntilBlockedBy(monitor: DbOrTx, holderPid: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await selectRows<{ n: number }>(
      monitor,
      sql`select count(*)::int as n from pg_locks l where not l.granted and ${holderPid} = any(pg_blocking_pids(l.pid))`,
    );
    if (Number(row.n) > 0) return;
    if (Date.now() > deadline) throw new Error(`no transaction waited for a lock of backend ${holderPid} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
