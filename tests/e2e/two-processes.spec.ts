import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { newScenario } from "./helpers";

/**
 * T5 across processes (#15.3): two `next start` processes of the e2e build on one PostgreSQL
 * database, 40 invite-and-accept requests for an organization's last seat split across them,
 * exactly one admitted. The seat rule is a row lock in the database, not a lock in a process, so
 * this holds however many servers run. Needs PostgreSQL (PGlite is one process by design).
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const secondPort = port + 1000;
const testUrl = process.env.TEST_DATABASE_URL;
const skipReason = "needs PostgreSQL (TEST_DATABASE_URL): PGlite is one process";

function databaseUrl() {
  // The database tests/e2e/serve.ts made for this port.
  const url = new URL(testUrl!);
  url.pathname = `/seatwise_e2e_${port}`;
  return url.toString();
}

async function startSecondServer(): Promise<ChildProcess> {
  const next = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const server = spawn(process.execPath, [next, "start"], {
    env: {
      ...process.env,
      NEXT_DIST_DIR: ".next-e2e",
      NODE_ENV: "production",
      SEATWISE_E2E: "1",
      SEATWISE_DEV_MAILBOX: "1",
      AUTH_SECRET: "e2e-secret-not-for-production-0123456789abcdef",
      AUTH_TRUST_HOST: "true",
      AUTH_URL: `http://localhost:${secondPort}`,
      DATABASE_URL: databaseUrl(),
      PORT: String(secondPort),
      NEXT_TELEMETRY_DISABLED: "1",
      RESEND_API_KEY: "",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error("the second server exited");
    try {
      if ((await fetch(`http://localhost:${secondPort}/api/health`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill("SIGTERM");
  throw new Error("the second server did not start");
}

test.describe("T5 on two server processes", () => {
  test.skip(!testUrl && process.env.SEATWISE_REQUIRE_RACES !== "1", skipReason);

  test("T5 #15.3: 40 invite-and-accept requests for the last seat, split across two next start processes on one database, admit exactly one", async ({ page }) => {
    test.setTimeout(120_000);
    expect(testUrl, skipReason).toBeTruthy();
    const scenario = await newScenario(page);
    const slug = scenario.acme.slug;
    const sql = postgres(databaseUrl(), { max: 1, onnotice: () => {} });
    const second = await startSecondServer();
    try {
      const usage = async () => {
        const [row] = await sql<{ used: number; tier: string }[]>`
          select o.tier,
            (select count(*) from memberships m where m.org_id = o.id)::int
            + (select count(*) from invitations i where i.org_id = o.id and i.kind = 'member' and i.status = 'pending' and i.expires_at > now())::int as used
          from organizations o where o.slug = ${slug}`;
        return row;
      };
      const limit = { free: 4, essential: 6, pro: 10 }[(await usage()).tier as "free" | "essential" | "pro"];
      expect(limit, "the demo organization has a seat limit").toBeDefined();
      const race = (origin: string) =>
        fetch(`${origin}/api/test/seat-race?org=${slug}`, { method: "POST" }).then(async (r) => {
          expect(r.status).toBe(200);
          return (await r.json()) as { admitted: boolean; outcome: string };
        });
      // Fill the organization up to one free seat, through the same path.
      while ((await usage()).used < limit - 1) expect((await race(`http://localhost:${port}`)).admitted).toBe(true);
      expect((await usage()).used).toBe(limit - 1);
      const origins = [`http://localhost:${port}`, `http://localhost:${secondPort}`];
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) => race(origins[i % 2])));
      expect(results.filter((r) => r.admitted)).toHaveLength(1);
      expect(results.filter((r) => !r.admitted).map((r) => r.outcome)).toEqual(Array(39).fill(results.find((r) => !r.admitted)!.outcome));
      expect((await usage()).used).toBe(limit);
    } finally {
      second.kill("SIGTERM");
      await sql.end();
    }
  });
});
