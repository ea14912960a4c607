// GET /api/orgs/:org/surveys?q=…&exclude=…&mine=1 – the survey picker's search-as-you-type (Merge)
import { z } from "zod";
import { memberRoute } from "@/lib/route";
import { parseSearchParams, textParam } from "@/lib/search-params";
import { searchSurveys } from "@/lib/surveys/queries";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  q: textParam(100),
  exclude: z
    .preprocess((v) => (Array.isArray(v) ? v : v === undefined ? [] : [v]), z.array(z.uuid()).max(20))
    .catch([]),
  mine: z.preprocess((v) => v === "1", z.boolean()).catch(false),
});

export const GET = memberRoute(async (request, ctx) => {
  const url = new URL(request.url);
  const params = parseSearchParams(querySchema, {
    q: url.searchParams.get("q") ?? undefined,
    exclude: url.searchParams.getAll("exclude"),
    mine: url.searchParams.get("mine") ?? undefined,
  });
  const surveys = await searchSurveys(ctx, {
    q: params.q,
    excludeIds: params.exclude,
    ownerId: params.mine ? ctx.user.id : undefined,
  });
  return Response.json({ surveys }, { headers: { "Cache-Control": "private, no-store" } });
});
