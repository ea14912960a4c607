// GET /api/bench/users?org=… – benchmark only: the data floor, the Users page's SQL as JSON
import { benchContext, requireBench } from "@/lib/bench";
import { listMembers } from "@/lib/members/queries";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  requireBench();
  const url = new URL(request.url);
  const ctx = await benchContext(url.searchParams.get("org") ?? "");
  const result = await listMembers(ctx, { page: 1, q: url.searchParams.get("q") ?? undefined });
  return Response.json(result);
}
