/**
 * The browser tests' server: a production build on its own fresh database — a new PostgreSQL
 * database when TEST_DATABASE_URL is set, a new PGlite directory otherwise — with the demo data
 * and the local mailbox switched on.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";

const port = process.env.E2E_PORT ?? "3100";
const root = process.cwd();
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_DIST_DIR: ".next-e2e",
  NODE_ENV: "production",
  SEATWISE_DEV_MAILBOX: "1",
  // Lets each test file ask for organizations of its own (app/api/test/scenario).
  SEATWISE_E2E: "1",
  AUTH_SECRET: "e2e-secret-not-for-production-0123456789abcdef",
  AUTH_TRUST_HOST: "true",
  AUTH_URL: `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: "1",
  // The single sign-on test's OpenID provider runs on localhost over plain http (tests/e2e/sso.spec.ts).
  SEATWISE_SSO_ALLOW_HTTP: "1",
  // `npm test` type-checks the whole project before the browser tests; the build need not again.
  SEATWISE_SKIP_BUILD_TYPECHECK: "1",
  // The webhook test's receiver listens on 127.0.0.1 over http (W2 refuses both otherwise).
  SEATWISE_WEBHOOK_ALLOW_PRIVATE: "1",
};
delete env.RESEND_API_KEY;

async function main() {
  const testUrl = process.env.TEST_DATABASE_URL;
  if (testUrl) {
    // One database per port, so several checkouts can run their browser tests on one server.
    const name = `seatwise_e2e_${port}`;
    const admin = postgres(testUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    const url = new URL(testUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
  } else {
    const dir = path.join(root, ".data", "e2e");
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(`${dir}.lock`, { force: true });
    env.PGLITE_DIR = dir;
    delete env.DATABASE_URL;
  }
  const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
  if (process.env.E2E_SKIP_BUILD !== "1") {
    const build = spawnSync(process.execPath, [next, "build"], { env, stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  // `npm start` with PORT, as a hosting platform runs it: the browser tests prove both work. It
  // stays in this process group, which Playwright ends as a whole when the tests are done.
  const server = spawn("npm", ["start", "--silent"], { env: { ...env, PORT: port }, stdio: "inherit" });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
