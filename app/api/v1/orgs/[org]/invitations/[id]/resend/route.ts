// POST /api/v1/orgs/{org}/invitations/{id}/resend – a new link and a new expiry (I2)
import { resendInvitation as resendInvitationEndpoint } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/api/route";
import { resendInvitation } from "@/lib/invitations/resend-invitation";
import { publicBaseUrl } from "@/lib/url";

export const POST = apiRoute(resendInvitationEndpoint, async (ctx, { params }) => {
  await resendInvitation(ctx, params.id, { baseUrl: publicBaseUrl() });
});
