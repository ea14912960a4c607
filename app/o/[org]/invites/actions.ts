"use server";

import { z } from "zod";
import { memberAction } from "@/lib/action";
import { formatDate, formatTime } from "@/lib/format";
import { resendInvitation } from "@/lib/invitations/resend-invitation";
import { restoreInvitation } from "@/lib/invitations/restore-invitation";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";
import { refreshOrganization } from "@/lib/revalidate";
import { appBaseUrl } from "@/lib/url";

const invitationIdSchema = z.object({ invitationId: z.uuid("That invitation id is not valid.") });

// POST (server action) – Resend: new token, new 7-day expiry, the old link dies (I2, I3).
export const resendInvitationAction = memberAction(invitationIdSchema, async ({ invitationId }, ctx) => {
  await resendInvitation(ctx, invitationId, { baseUrl: await appBaseUrl() });
  refreshOrganization(ctx.org.slug);
  return { message: "Invitation sent again with a new link.", data: { invitationId } };
});

// POST (server action) – Revoke: the link dies and the seat is free at once (I3, T2); Undo for a while.
// A supplier invitation (I6) holds no seat: its link dies, with the same Undo.
export const revokeInvitationAction = memberAction(invitationIdSchema, async ({ invitationId }, ctx) => {
  const result = await revokeInvitation(ctx, invitationId);
  refreshOrganization(ctx.org.slug);
  return {
    message:
      result.kind === "supplier"
        ? `Revoked the supplier invitation to ${result.email}: its link no longer works. Undo until ${formatTime(result.undoUntil)}.`
        : `Revoked the invitation to ${result.email}: its link no longer works and its seat is free. Undo until ${formatTime(result.undoUntil)}.`,
    data: { invitationId },
  };
});

// POST (server action) – Undo a revocation: the same link works again, through the seat checks (T3, T5, P3).
export const restoreInvitationAction = memberAction(invitationIdSchema, async ({ invitationId }, ctx) => {
  const result = await restoreInvitation(ctx, invitationId);
  refreshOrganization(ctx.org.slug);
  const plans = result.plans.length ? `, with its place on ${result.plans.join(", ")}` : "";
  return {
    message: `Restored the ${result.kind === "supplier" ? "supplier invitation" : "invitation"} to ${result.email}${plans}: the link in their email works again until ${formatDate(result.expiresAt)}.`,
    data: { invitationId },
  };
});
