import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

/**
 * Debian's Chromium (or CHROMIUM_PATH, or a browser Playwright already has). Playwright's own
 * download cannot run on these machines, so we never ask for it.
 */
function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
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
  fullyParallel: false,
  workers: 1,
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
