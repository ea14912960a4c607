import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { basePageExtensions, pageExtensions } from "@/lib/build/page-extensions";

/**
 * #14.20: the benchmark's and the browser tests' routes are not in `npm run build`. Which files
 * Next.js makes pages and routes of is decided by `pageExtensions` (next.config.ts); this asks
 * Next's own matcher (the one `next build` uses to collect app/ entries) about every file in app/.
 * tests/e2e/build-routes.spec.ts checks the same on a real build's route manifest.
 */
const require = createRequire(import.meta.url);
const { createValidFileMatcher } = require("next/dist/server/lib/find-page-file.js") as {
  createValidFileMatcher: (extensions: string[], appDir: string) => { isAppRouterPage: (file: string) => boolean };
};

const appDir = path.join(process.cwd(), "app");
const files = (fs.readdirSync(appDir, { recursive: true }) as string[]).map((f) => path.join(appDir, f)).filter((f) => fs.statSync(f).isFile());

function routesOf(env: Record<string, string | undefined>) {
  const matcher = createValidFileMatcher(pageExtensions(env), appDir);
  return files.filter((f) => matcher.isAppRouterPage(f)).map((f) => path.relative(appDir, f).split(path.sep).join("/"));
}

const benchOrTest = (route: string) => /^(bench|api\/bench|api\/test)\//.test(route);

describe("#14.20 benchmark and test routes are not in the production build", () => {
  it("#14.20: a normal build (no SEATWISE_BENCH, no SEATWISE_E2E) has no /bench, /api/bench or /api/test route", () => {
    expect(pageExtensions({})).toEqual([...basePageExtensions]);
    const routes = routesOf({ NODE_ENV: "production" });
    expect(routes).toContain("o/[org]/users/page.tsx");
    expect(routes.filter(benchOrTest)).toEqual([]);
  });

  it("#14.20: the bench build has the bench routes and not the test routes; the e2e build the reverse", () => {
    const bench = routesOf({ SEATWISE_BENCH: "1" }).filter(benchOrTest).sort();
    expect(bench).toEqual([
      "api/bench/invitations/route.bench.ts",
      "api/bench/o/[org]/personal/route.bench.ts",
      "api/bench/queries/route.bench.ts",
      "api/bench/users/route.bench.ts",
      "bench/users/page.bench.tsx",
    ]);
    expect(routesOf({ SEATWISE_E2E: "1" }).filter(benchOrTest).sort()).toEqual(["api/test/scenario/route.e2e.ts", "api/test/seat-race/route.e2e.ts"]);
  });
});
