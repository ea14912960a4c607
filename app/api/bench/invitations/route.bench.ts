// POST /api/bench/invitations?org=… – benchmark only: one invitation created and accepted, seats enforced
import { benchContext, inviteAndAccept, requireBench } from "@/lib/bench";
import { publicBaseUrl } from "@/lib/url";

export const dynamic = "force-dynamic";

/** One new member's whole path (lib/bench.ts inviteAndAccept); exists only in the bench build. */
export async function POST(request: Request) {
  requireBench();
  const ctx = await benchContext(new URL(request.url).searchParams.get("org") ?? "");
  const result = await inviteAndAccept(ctx, publicBaseUrl());
  return Response.json(result.admitted ? { admitted: true } : { admitted: false, outcome: result.outcome });
}
