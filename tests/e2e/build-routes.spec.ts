import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

/**
 * #14.20 on a real `next build`: the e2e server's build (.next-e2e, built by tests/e2e/serve.ts
 * with SEATWISE_E2E=1 and without SEATWISE_BENCH) has its own test routes and none of the bench's —
 * the same pageExtensions switch (lib/build/page-extensions.ts) that leaves both out of
 * `npm run build` (tests/unit/build-routes.test.ts asks Next's matcher for that build).
 */
test("#14.20: the e2e build's route manifest holds /api/test routes but no /bench or /api/bench route", async ({ request }) => {
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), ".next-e2e", "server", "app-paths-manifest.json"), "utf8")) as Record<string, string>;
  const routes = Object.keys(manifest);
  expect(routes).toContain("/o/[org]/users/page");
  expect(routes).toContain("/api/test/scenario/route");
  expect(routes.filter((r) => /^\/(bench|api\/bench)\//.test(r))).toEqual([]);
  // And the server answers 404 for them, like any unknown path.
  expect((await request.get("/bench/users")).status()).toBe(404);
  expect((await request.get("/api/bench/queries")).status()).toBe(404);
});
