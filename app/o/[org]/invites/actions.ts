"use server";

import { z } from "zod";
import { memberAction } from "@/lib/action";
import { resendInvitation } from "@/lib/invitations/resend-invitation";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";
import { refreshOrganization } from "@/lib/revalidate";
import { appBaseUrl } from "@/lib/url";

const invitationIdSchema = z.object({ invitationId: z.uuid("That invitation id is not valid.") });

// POST (server action) – Resend: new token, new 7-day expiry, the old link dies (I2, I3).
export const resendInvitationAction = memberAction(invitationIdSchema, async ({ invitationId }, ctx) => {
  await resendInvitation(ctx, invitationId, { baseUrl: await appBaseUrl() });
  refreshOrganization(ctx.org.slug);
  return "Invitation sent again with a new link.";
});

// POST (server action) – Revoke: the link dies and the seat is free at once (I3, T2).
export const revokeInvitationAction = memberAction(invitationIdSchema, async ({ invitationId }, ctx) => {
  await revokeInvitation(ctx, invitationId);
  refreshOrganization(ctx.org.slug);
  return "Invitation revoked; its seat is free.";
});
