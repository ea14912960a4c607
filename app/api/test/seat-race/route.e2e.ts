// POST /api/test/seat-race?org=… – browser tests only: one invitation created and accepted, seats enforced
import { benchContext, inviteAndAccept } from "@/lib/bench";
import { publicBaseUrl } from "@/lib/url";

export const dynamic = "force-dynamic";

/**
 * Exists only in the e2e build (route.e2e.ts, docs/decisions/067) and answers only when started by
 * tests/e2e/serve.ts (SEATWISE_E2E=1). tests/e2e/two-processes.spec.ts sends these to two
 * `next start` processes on one database at once: T5 must admit exactly one for the last seat.
 */
export async function POST(request: Request) {
  if (process.env.SEATWISE_E2E !== "1") return new Response("Not Found", { status: 404 });
  const ctx = await benchContext(new URL(request.url).searchParams.get("org") ?? "");
  return Response.json(await inviteAndAccept(ctx, publicBaseUrl()));
}
