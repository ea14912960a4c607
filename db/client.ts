import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { SQL } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

/**
 * The one database handle. postgres.js when DATABASE_URL is set, the embedded PGlite otherwise.
 * Both speak the same SQL and run the same migrations; the PGlite handle is typed as the
 * postgres.js one because the query builder is identical.
 */
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export type DatabaseHandle = {
  db: Db;
  kind: "postgres" | "pglite";
  /** postgres.js only: the URL, for work that needs a dedicated connection (migrations). */
  url?: string;
  /** PGlite only: the embedded instance (tests dump a migrated one to copy it quickly). */
  pglite?: PGlite;
  close: () => Promise<void>;
};

export type DatabaseConfig =
  | { kind: "postgres"; url: string; max?: number }
  | { kind: "pglite"; dataDir: string; loadDataDir?: Blob };

/**
 * SQL statements run by this process, counted only in benchmark and test modes
 * (SEATWISE_QUERY_COUNT=1, or under vitest): the benchmark reads it around one request to report
 * statements per page, and a test asserts the count does not grow with the organization.
 */
// On globalThis: Next may load this module once per route bundle, and the counter must be one.
const queryCounter = ((globalThis as unknown as { __seatwiseQueries?: { count: number } }).__seatwiseQueries ??= { count: 0 });
const countQueries = process.env.SEATWISE_QUERY_COUNT === "1" || !!process.env.VITEST;
const logger = countQueries
  ? {
      logQuery() {
        queryCounter.count++;
      },
    }
  : undefined;

export function statementsRun(): number {
  return queryCounter.count;
}

export function databaseConfigFromEnv(env = process.env): DatabaseConfig {
  if (env.DATABASE_URL) {
    return { kind: "postgres", url: env.DATABASE_URL, max: Number(env.DATABASE_POOL_MAX ?? 10) };
  }
  return { kind: "pglite", dataDir: env.PGLITE_DIR ?? path.join(process.cwd(), ".data", "pglite") };
}

export function createDatabase(config: DatabaseConfig): DatabaseHandle {
  if (config.kind === "postgres") {
    const sql = postgres(config.url, {
      max: config.max ?? 10,
      onnotice: () => {},
    });
    return {
      db: drizzlePostgres(sql, { schema, casing: undefined, logger }),
      kind: "postgres",
      url: config.url,
      close: () => sql.end({ timeout: 5 }),
    };
  }
  const inMemory = config.dataDir.startsWith("memory://");
  const release = inMemory ? () => {} : lockDataDir(config.dataDir);
  // pg_trgm serves the Users search (ILIKE '%…%') on PGlite as on PostgreSQL (migration 0005).
  const extensions = { pg_trgm };
  const client = config.loadDataDir
    ? new PGlite(config.dataDir, { loadDataDir: config.loadDataDir, extensions })
    : new PGlite(config.dataDir, { extensions });
  return {
    db: drizzlePglite(client, { schema, logger }) as unknown as Db,
    kind: "pglite",
    pglite: client,
    close: async () => {
      await client.close();
      release();
    },
  };
}

/**
 * PGlite has no lock between processes (STACK-NOTES 2): two processes on one data directory
 * corrupt it silently. A pid file refuses the second one with a message that says what to do.
 */
function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = `${dataDir.replace(/\/$/, "")}.lock`;
  try {
    const holder = Number(fs.readFileSync(lockFile, "utf8"));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `The embedded database at ${dataDir} is in use by process ${holder}. ` +
          "PGlite serves one process: stop that process, or set PGLITE_DIR to another directory " +
          "(or DATABASE_URL to a PostgreSQL server) for this one.",
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.writeFileSync(lockFile, String(process.pid));
  const release = () => {
    try {
      if (Number(fs.readFileSync(lockFile, "utf8")) === process.pid) fs.unlinkSync(lockFile);
    } catch {
      // already gone
    }
  };
  process.once("exit", release);
  return release;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

// One handle per process, kept on globalThis: Next may load this module in more than one bundle
// (instrumentation and routes), and two PGlite instances on one directory would corrupt it.
const globalForDb = globalThis as unknown as { __seatwiseDb?: DatabaseHandle };

export function getDatabase(): DatabaseHandle {
  globalForDb.__seatwiseDb ??= createDatabase(databaseConfigFromEnv());
  return globalForDb.__seatwiseDb;
}

/** Replaces the process's handle (tests give each file its own database). */
export function setDatabase(handle: DatabaseHandle | undefined) {
  globalForDb.__seatwiseDb = handle;
}

/**
 * The rows of a raw `execute(sql…)`: postgres.js answers an array, PGlite an object with `rows`.
 * Values keep the driver's types (counts cast with ::int in the SQL come back as numbers).
 */
export async function selectRows<T>(database: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await database.execute(query)) as unknown;
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}

export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const real = getDatabase().db as unknown as Record<string | symbol, unknown>;
    const value = real[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});
