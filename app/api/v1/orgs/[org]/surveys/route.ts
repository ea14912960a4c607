// GET /api/v1/orgs/{org}/surveys – the organization's surveys, as the Surveys page lists them
import { listSurveys as listSurveysEndpoint } from "@/lib/api/endpoints";
import { presentSurvey } from "@/lib/api/present";
import { apiRoute } from "@/lib/api/route";
import { listSurveys } from "@/lib/surveys/queries";

export const GET = apiRoute(listSurveysEndpoint, async (ctx, { query }) => {
  const list = await listSurveys(ctx, query);
  return { data: list.rows.map(presentSurvey), page: list.page, pageCount: list.pageCount, total: list.total };
});
