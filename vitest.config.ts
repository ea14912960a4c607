import os from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}` },
      // `server-only` throws outside React Server Components; tests run the modules directly.
      { find: /^server-only$/, replacement: `${root}tests/support/server-only.ts` },
    ],
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/setup.ts"],
    pool: "forks",
    // Vitest's default is one worker less than the cores: one file at a time on two cores, while
    // a file spends a third of its time waiting on PostgreSQL. Two files at a time on two cores
    // (and at most four anywhere: race files open up to 50 connections, and only one of those runs
    // at a time, tests/support/db.ts) take 0.57 × as long (docs/decisions/089).
    maxWorkers: Math.min(4, Math.max(2, os.availableParallelism() - 1)),
    // next-auth imports "next/server" without an extension, which Node's ESM loader refuses;
    // processed by Vite, it resolves like it does in Next.
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Tests deliver email explicitly (deliverDueEmails), never from a timer after their database is gone.
    env: {
      VITEST: "1",
      SEATWISE_EMAIL_SENDER: "off",
      SEATWISE_WEBHOOK_SENDER: "off",
      PGLITE_DIR: "memory://",
      // For the tests that drive the real Auth.js (sign-in requests, the session endpoint).
      AUTH_SECRET: "vitest-secret-not-for-production-0123456789",
      AUTH_URL: "http://localhost:3000",
      // What next.config.ts's experimental.authInterrupts sets at build time: pages call forbidden().
      __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: "true",
    },
  },
});
