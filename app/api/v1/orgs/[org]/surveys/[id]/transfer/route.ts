// POST /api/v1/orgs/{org}/surveys/{id}/transfer – give a survey another owner (S2)
import { transferSurvey as transferSurveyEndpoint } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { transferSurvey } from "@/lib/surveys/transfer-survey";
import { publicBaseUrl } from "@/lib/url";

export const POST = apiRoute(transferSurveyEndpoint, async (ctx, { params, body }) => {
  await transferSurvey(ctx, params.id, body.toUserId, { baseUrl: publicBaseUrl() });
});
