// GET /api/orgs/:org/activity.csv?actor=&action=&from=&to= – A1: the Activity page's entries as CSV, streamed, its filters applied
import { z } from "zod";
import { db } from "@/db/client";
import { activityExportResponse } from "@/lib/audit/export";
import { memberRoute } from "@/lib/route";
import { dayParam, parseSearchParams, textParam, uuidParam } from "@/lib/search-params";

export const dynamic = "force-dynamic";

const filtersSchema = z.object({ actor: uuidParam, action: textParam(64), from: dayParam, to: dayParam });

export const GET = memberRoute(async (request, ctx) => {
  const url = new URL(request.url);
  const query = parseSearchParams(filtersSchema, Object.fromEntries(url.searchParams));
  const [from, to] = query.from && query.to && query.from > query.to ? [query.to, query.from] : [query.from, query.to];
  return activityExportResponse(db, ctx, { actorId: query.actor, action: query.action || undefined, from, to });
});
