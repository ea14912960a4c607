import type { NextConfig } from "next";
import { pageExtensions } from "./lib/build/page-extensions";
import { allowedOrigins, staticSecurityHeaders } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly from its package folder; bundling it breaks every request
  // (STACK-NOTES 1).
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // Benchmark (*.bench.ts) and browser-test (*.e2e.ts) routes exist only in the builds made for
  // them; `npm run build` does not contain them (#14.20, docs/decisions/067).
  pageExtensions: pageExtensions(process.env),
  // The browser tests build into their own folder, so they never disturb a running `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  typedRoutes: false,
  typescript: { ignoreBuildErrors: process.env.SEATWISE_SKIP_BUILD_TYPECHECK === "1" },
  // Behind a proxy that changes the host, name the hosts forms may be posted from
  // (SEATWISE_ALLOWED_ORIGINS); otherwise only this app's own origin may post server actions.
  // authInterrupts: forbidden() answers 403 with app/o/[org]/forbidden.tsx inside the app shell,
  // for a member whose role does not include a page (docs/decisions/030).
  experimental: { serverActions: { allowedOrigins: allowedOrigins() }, authInterrupts: true },
  // proxy.ts sets these (and the CSP) on pages and routes; this covers the static files it skips.
  async headers() {
    const https = (process.env.AUTH_URL ?? "").startsWith("https://");
    const headers = Object.entries(staticSecurityHeaders({ https })).map(([key, value]) => ({ key, value }));
    return [{ source: "/_next/static/:path*", headers }];
  },
};

export default nextConfig;
