// DELETE /api/v1/orgs/{org}/invitations/{id} – revoke an invitation; its seat is free at once (I2, T2)
import { revokeInvitation as revokeInvitationEndpoint } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";

export const DELETE = apiRoute(revokeInvitationEndpoint, async (ctx, { params }) => {
  await revokeInvitation(ctx, params.id);
});
