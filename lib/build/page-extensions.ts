/**
 * The file extensions Next.js reads as pages and routes, decided when the app is built (#14.20,
 * docs/decisions/067). The benchmark's routes are named `*.bench.ts(x)` and the browser tests'
 * `*.e2e.ts`: a normal `next build` does not know those extensions, so those files are not routes
 * and are not in the build at all — not merely switched off by an environment variable at run time.
 * Only the bench (tests/bench/run.ts, SEATWISE_BENCH=1) and the e2e server (tests/e2e/serve.ts,
 * SEATWISE_E2E=1) build with them. No "server-only": next.config.ts imports it.
 */
export const basePageExtensions = ["tsx", "ts", "jsx", "js"] as const;

export function pageExtensions(env: Record<string, string | undefined>): string[] {
  const extra: string[] = [];
  if (env.SEATWISE_BENCH === "1") extra.push("bench.tsx", "bench.ts");
  if (env.SEATWISE_E2E === "1") extra.push("e2e.tsx", "e2e.ts");
  return [...extra, ...basePageExtensions];
}
