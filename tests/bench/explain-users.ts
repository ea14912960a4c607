/**
 * `npx tsx --conditions=react-server tests/bench/explain-users.ts` after `npm run bench`: the
 * Users page's statement against the benchmark's database, with PostgreSQL's plan and timing
 * (EXPLAIN ANALYZE), for profiling the page's SQL (issue 9: a profile, not a guess).
 */
import { sql } from "drizzle-orm";
import { createDatabase, selectRows, setDatabase } from "@/db/client";
import { listMembers } from "@/lib/members/queries";
import type { MemberContext } from "@/lib/auth/session";

async function main() {
  const url = process.env.BENCH_EXPLAIN_URL ?? "postgres://postgres@127.0.0.1:5432/seatwise_bench";
  const handle = createDatabase({ kind: "postgres", url, max: 1 });
  setDatabase(handle);
  const [org] = await selectRows<{ id: string; slug: string; name: string }>(handle.db, sql`select id, slug, name from organizations where slug = 'bench-industries'`);
  const ctx = { user: { id: "", email: "", name: null }, org: { ...org, tier: "enterprise", kind: "client" }, membership: { id: "", role: "admin", status: "active" } } as MemberContext;
  // Capture the statement the page runs, then ask PostgreSQL how it runs it.
  const captured: { text: string; params: unknown[] }[] = [];
  const real = handle.db.execute.bind(handle.db);
  (handle.db as unknown as { execute: unknown }).execute = async (query: Parameters<typeof real>[0]) => {
    const built = (handle.db as unknown as { dialect: { sqlToQuery: (q: unknown) => { sql: string; params: unknown[] } } }).dialect.sqlToQuery(query);
    captured.push({ text: built.sql, params: built.params });
    return real(query);
  };
  for (const options of [{}, { q: "Quinn" }]) {
    captured.length = 0;
    const started = performance.now();
    await listMembers(ctx, options);
    console.log(`listMembers(${JSON.stringify(options)}): ${(performance.now() - started).toFixed(1)} ms round trip`);
    const { text, params } = captured[0];
    const client = (handle as unknown as { db: { $client: { unsafe: (q: string, p: unknown[]) => Promise<Array<Record<string, string>>> } } }).db.$client;
    const plan = await client.unsafe(`explain (analyze, buffers) ${text}`, params as never[]);
    console.log(plan.map((row) => row["QUERY PLAN"]).join("\n"));
  }
  await handle.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
