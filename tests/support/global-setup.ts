import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { createDatabase } from "@/db/client";
import { syncProductCatalog } from "@/db/catalog";
import { migrateDatabase } from "@/db/migrate";

/**
 * Prepares one migrated database that every test file copies: on PostgreSQL
 * (TEST_DATABASE_URL) a template database, on PGlite a dump of a migrated data directory.
 */
export default async function setup(project: TestProject) {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = `seatwise_tpl_${runId}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${template}"`);
    const handle = createDatabase({ kind: "postgres", url: withDatabase(url, template), max: 2 });
    await migrateDatabase(handle);
    await syncProductCatalog(handle.db);
    await handle.close();
    project.provide("seatwiseTemplate", { kind: "postgres", url, template, runId });
    return async () => {
      const leftovers = await admin<{ datname: string }[]>`
        select datname from pg_database where datname like ${`seatwise_t_${runId}_%`} or datname = ${template}`;
      for (const { datname } of leftovers) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
      await admin.end();
    };
  }
  const handle = createDatabase({ kind: "pglite", dataDir: "memory://" });
  await migrateDatabase(handle);
  await syncProductCatalog(handle.db);
  const dump = await handle.pglite!.dumpDataDir("gzip");
  const file = path.join(os.tmpdir(), `seatwise-pglite-${runId}.tar.gz`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide("seatwiseTemplate", { kind: "pglite", file, runId });
  return () => fs.rmSync(file, { force: true });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    seatwiseTemplate:
      | { kind: "postgres"; url: string; template: string; runId: string }
      | { kind: "pglite"; file: string; runId: string };
  }
}
