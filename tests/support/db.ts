import fs from "node:fs";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { createDatabase, setDatabase, type DatabaseHandle } from "@/db/client";
import { withDatabase } from "./global-setup";

/**
 * Gives the calling test file its own fresh, migrated database and makes it the app's handle.
 * On PostgreSQL each file gets a copy of the template database (and `url`, so concurrency tests
 * can open more connections); on PGlite an in-memory copy of the migrated dump.
 */
export function setupTestDatabase(options: { poolSize?: number } = {}) {
  const state: { handle?: DatabaseHandle; url?: string; name?: string } = {};

  beforeAll(async () => {
    const template = inject("seatwiseTemplate");
    if (template.kind === "postgres") {
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
      state.handle = createDatabase({ kind: "postgres", url: state.url, max: options.poolSize ?? 10 });
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
