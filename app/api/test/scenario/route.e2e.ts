// POST /api/test/scenario – browser tests only: a fresh copy of the demo organizations for one test file
import { randomBytes } from "node:crypto";
import { db } from "@/db/client";
import { createDemoOrganizations } from "@/db/seed";

export const dynamic = "force-dynamic";

/**
 * Exists only when the server was started by tests/e2e/serve.ts (SEATWISE_E2E=1): each browser test
 * file asks for its own organizations, so no file depends on what another one changed. Anywhere
 * else it answers 404 like any unknown path.
 */
export async function POST() {
  if (process.env.SEATWISE_E2E !== "1") return new Response("Not Found", { status: 404 });
  const suffix = randomBytes(4).toString("hex");
  const scenario = await db.transaction((tx) => createDemoOrganizations(tx, { suffix }));
  return Response.json(scenario);
}
