// DELETE /api/v1/orgs/{org}/transfers/{id} – cancel a pending ownership transfer (O1)
import { cancelTransfer as cancelTransferEndpoint } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { cancelTransfer } from "@/lib/transfers/cancel-transfer";

export const DELETE = apiRoute(cancelTransferEndpoint, async (ctx, { params }) => {
  await cancelTransfer(ctx, params.id);
});
