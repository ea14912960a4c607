// POST /api/v1/orgs/{org}/plans/{planId}/transfers – Transfer Ownership to a member (O1)
import { requestTransfer as requestTransferEndpoint } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { requestTransfer } from "@/lib/transfers/request-transfer";
import { publicBaseUrl } from "@/lib/url";

export const POST = apiRoute(requestTransferEndpoint, async (ctx, { params, body }) => {
  const { transferId } = await requestTransfer(ctx, params.planId, body.toUserId, { baseUrl: publicBaseUrl() });
  return { transferId };
});
