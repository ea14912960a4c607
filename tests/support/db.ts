import fs from "node:fs";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { createDatabase, setDatabase, type DatabaseHandle } from "@/db/client";
import { withDatabase } from "./global-setup";

/** The pool every file gets unless it asks for more (for firing truly parallel requests). */
const DEFAULT_POOL = 10;

/**
 * Any lock key will do, as long as every test run on the server uses the same one: at most one
 * file with a pool larger than DEFAULT_POOL holds it at a time (docs/decisions/089).
 */
const LARGE_POOL_LOCK = 1_702_089;

/**
 * Gives the calling test file its own fresh, migrated database and makes it the app's handle.
 * On PostgreSQL each file gets a copy of the template database (and `url`, so concurrency tests
 * can open more connections); on PGlite an in-memory copy of the migrated dump.
 */
export function setupTestDatabase(options: { poolSize?: number } = {}) {
  const state: { handle?: DatabaseHandle; url?: string; name?: string; largePoolLock?: postgres.Sql } = {};
  const poolSize = options.poolSize ?? DEFAULT_POOL;

  beforeAll(async () => {
    const template = inject("seatwiseTemplate");
    if (template.kind === "postgres") {
      if (poolSize > DEFAULT_POOL) {
        // Files run in parallel (vitest.config.ts maxWorkers), and race files open up to 50
        // connections each: two at once would pass PostgreSQL's default max_connections (100).
        // So a file with a large pool waits for any other one to finish; small files go on beside
        // it. The lock is a session advisory lock on the server's own database, held by one
        // connection until afterAll (and released by PostgreSQL if this process dies).
        state.largePoolLock = postgres(template.url, { max: 1, onnotice: () => {} });
        await state.largePoolLock`select pg_advisory_lock(${LARGE_POOL_LOCK})`;
      }
      const name = `seatwise_t_${template.runId}_${randomBytes(4).toString("hex")}`;
      const admin = postgres(template.url, { max: 1, onnotice: () => {} });
      for (let attempt = 0; ; attempt++) {
        try {
          await admin.unsafe(`create database "${name}" template "${template.template}"`);
          break;
        } catch (error) {
          // Two files copying the template at the same instant: PostgreSQL asks one to wait.
          if (attempt > 20 || !/being accessed by other users/.test(String(error))) throw error;
          await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
        }
      }
      await admin.end();
      state.name = name;
      state.url = withDatabase(template.url, name);
      state.handle = createDatabase({ kind: "postgres", url: state.url, max: poolSize });
    } else {
      const blob = new Blob([fs.readFileSync(template.file)]);
      state.handle = createDatabase({ kind: "pglite", dataDir: "memory://", loadDataDir: blob });
    }
    setDatabase(state.handle);
  });

  afterAll(async () => {
    setDatabase(undefined);
    await state.handle?.close();
    const template = inject("seatwiseTemplate");
    if (template.kind === "postgres" && state.name) {
      const admin = postgres(template.url, { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database if exists "${state.name}" with (force)`);
      await admin.end();
    }
    await state.largePoolLock?.end();
  });

  return {
    get db() {
      if (!state.handle) throw new Error("setupTestDatabase: the database is ready only inside tests and hooks");
      return state.handle.db;
    },
    get handle() {
      return state.handle!;
    },
    /** Set on PostgreSQL only: a URL for opening extra, independent connections. */
    get url() {
      return state.url;
    },
    get kind() {
      return state.handle!.kind;
    },
  };
}
