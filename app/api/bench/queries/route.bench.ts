// GET /api/bench/queries – benchmark only: SQL statements this server process has run so far
import { statementsRun } from "@/db/client";
import { requireBench } from "@/lib/bench";

export const dynamic = "force-dynamic";

export async function GET() {
  requireBench();
  return Response.json({ statements: statementsRun() });
}
