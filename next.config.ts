import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly from its package folder; bundling it breaks every request
  // (STACK-NOTES 1).
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // The browser tests build into their own folder, so they never disturb a running `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  typedRoutes: false,
  typescript: { ignoreBuildErrors: process.env.SEATWISE_SKIP_BUILD_TYPECHECK === "1" },
};

export default nextConfig;
