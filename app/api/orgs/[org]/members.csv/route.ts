// GET /api/orgs/:org/members.csv?q=&role=&status= – the Users list as CSV, filters applied, streamed
import { z } from "zod";
import { exportMembersCsv } from "@/lib/members/export-members";
import { memberStatusFilters } from "@/lib/members/queries";
import { roles } from "@/lib/permissions";
import { memberRoute } from "@/lib/route";
import { enumParam, parseSearchParams, textParam } from "@/lib/search-params";

export const dynamic = "force-dynamic";

const querySchema = z.object({ q: textParam(100), role: enumParam(roles), status: enumParam(memberStatusFilters) });

export const GET = memberRoute(async (request, ctx) => {
  const url = new URL(request.url);
  const query = parseSearchParams(querySchema, Object.fromEntries(url.searchParams));
  return exportMembersCsv(ctx, query);
});
