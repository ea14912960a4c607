import "server-only";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { DatabaseHandle } from "./client";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

// Any number; it only has to be the same in every process that migrates.
const MIGRATION_LOCK = 7_411_001;

/**
 * Applies the committed migrations. On PostgreSQL an advisory lock makes several app servers
 * starting at once take turns instead of racing.
 */
export async function migrateDatabase(handle: DatabaseHandle) {
  if (handle.kind === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  // A session-level lock must be taken and released on one connection: open a dedicated one.
  const client = postgres(handle.url!, { max: 1, onnotice: () => {} });
  try {
    const conn = drizzle(client);
    await conn.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      await migratePostgres(conn, { migrationsFolder });
    } finally {
      await conn.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}
