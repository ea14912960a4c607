// GET /api/orgs/:org/members?q=…&notOnPlan=…&onPlan=…&exclude=… – the member picker's search-as-you-type
import { z } from "zod";
import { searchMembers } from "@/lib/members/queries";
import { memberRoute } from "@/lib/route";
import { parseSearchParams, textParam, uuidParam } from "@/lib/search-params";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  q: textParam(100),
  notOnPlan: uuidParam,
  onPlan: uuidParam,
  exclude: z
    .preprocess((v) => (Array.isArray(v) ? v : v === undefined ? [] : [v]), z.array(z.uuid()).max(20))
    .catch([]),
});

export const GET = memberRoute(async (request, ctx) => {
  const url = new URL(request.url);
  const params = parseSearchParams(querySchema, {
    q: url.searchParams.get("q") ?? undefined,
    notOnPlan: url.searchParams.get("notOnPlan") ?? undefined,
    onPlan: url.searchParams.get("onPlan") ?? undefined,
    exclude: url.searchParams.getAll("exclude"),
  });
  const members = await searchMembers(ctx, { q: params.q, notOnPlanId: params.notOnPlan, onPlanId: params.onPlan, excludeUserIds: params.exclude });
  return Response.json({ members }, { headers: { "Cache-Control": "private, no-store" } });
});
