import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

/**
 * CHROMIUM_PATH, else Debian's headless shell (`apt-get install chromium-headless-shell`: the same
 * Blink without the browser's UI layer, which Playwright itself prefers for headless runs; it
 * spends about a third less CPU on this suite than the full browser, docs/decisions/089), else
 * Debian's Chromium, else a browser Playwright already has. Playwright's own download cannot run
 * on these machines, so we never ask for it.
 */
function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium-headless-shell", "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  for (const candidate of candidates) if (fs.existsSync(candidate)) return candidate;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const own = require("playwright-core").chromium.executablePath() as string;
    if (own && fs.existsSync(own)) return own;
  } catch {
    // no bundled browser either
  }
  throw new Error(
    "No Chromium found for the browser tests. Install Debian's: `sudo apt-get install -y chromium` " +
      "(or set CHROMIUM_PATH to a Chromium or Chrome binary).",
  );
}

export default defineConfig({
  testDir: "tests/e2e",
  // Two test files at a time, each file's tests in order: every file makes its own organizations
  // and addresses (newScenario, uniqueEmail), so files do not depend on each other; two workers
  // keep both cores busy where one left the machine waiting on the browser and the server
  // (docs/decisions/089). E2E_WORKERS=1 runs them one at a time.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
      ],
    },
  },
  webServer: {
    command: `npx tsx tests/e2e/serve.ts`,
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(PORT) },
  },
});
