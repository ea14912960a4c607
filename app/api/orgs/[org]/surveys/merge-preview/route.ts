// GET /api/orgs/:org/surveys/merge-preview?source=…&target=… – what a merge would move (S2), for the Merge dialog
import { z } from "zod";
import { notFound } from "@/lib/errors";
import { memberRoute } from "@/lib/route";
import { parseSearchParams, uuidParam } from "@/lib/search-params";
import { mergePreview } from "@/lib/surveys/queries";

export const dynamic = "force-dynamic";

const querySchema = z.object({ source: uuidParam, target: uuidParam });

export const GET = memberRoute(async (request, ctx) => {
  const url = new URL(request.url);
  const params = parseSearchParams(querySchema, {
    source: url.searchParams.get("source") ?? undefined,
    target: url.searchParams.get("target") ?? undefined,
  });
  const preview = params.source && params.target ? await mergePreview(ctx, params.source, params.target) : null;
  if (!preview) throw notFound("This survey");
  return Response.json({ preview }, { headers: { "Cache-Control": "private, no-store" } });
});
