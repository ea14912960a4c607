// GET /api/v1/orgs/{org}/activity – the activity log (A1), a page after a cursor, filters as the page
import { listActivity } from "@/lib/api/endpoints";
import { presentActivity } from "@/lib/api/present";
import { apiRoute } from "@/lib/api/route";
import { listActivityByCursor } from "@/lib/audit/list-activity-cursor";

export const GET = apiRoute(listActivity, async (ctx, { query }) => {
  const page = await listActivityByCursor(ctx, query);
  return { data: page.rows.map(presentActivity), nextCursor: page.nextCursor };
});
