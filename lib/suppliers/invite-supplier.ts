import "server-only";
import { invitations } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { kickEmailSender } from "@/lib/email";
import { forbidden } from "@/lib/errors";
import { enqueueInvitationEmail } from "@/lib/invitations/invitation-email";
import { lockPendingInvitation } from "@/lib/invitations/lookups";
import { replaceInvitationToken } from "@/lib/invitations/replace-token";
import { invitationExpiry, newInvitationToken } from "@/lib/invitations/token";
import { lockActor } from "@/lib/members/actor";
import { canInviteSupplier } from "@/lib/permissions";
import { assertInvitationEmailAllowed } from "@/lib/rate-limit";
import { transaction } from "@/lib/transaction";
import type { InviteSupplierInput } from "./schemas";

/**
 * SPEC I6: an Admin of a client organization invites a supplier company by email. The invitation
 * (kind "supplier") holds no seat of the client; accepting it creates the supplier organization
 * (accept-invitation.ts). Inviting an address with a live supplier invitation sends that one
 * again with a new link (I1, I2).
 */
export async function inviteSupplier(ctx: MemberContext, input: InviteSupplierInput, options: { baseUrl: string }) {
  const result = await transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    if (!canInviteSupplier(actor.role, actor.org.kind)) {
      throw forbidden(actor.org.kind === "supplier" ? "Supplier organizations do not invite suppliers." : "Only Admins invite suppliers.");
    }
    await assertInvitationEmailAllowed(tx, actor.orgId, input.email);
    const existing = await lockPendingInvitation(tx, actor.orgId, "supplier", input.email);
    const now = new Date();
    const expiresAt = invitationExpiry(now);
    let invitationId: string;
    let token: string;
    if (existing) {
      token = await replaceInvitationToken(tx, existing, {
          expiresAt,
          sentAt: now,
          invitedById: actor.userId,
          companyName: input.companyName,
          firstName: input.firstName ?? existing.firstName,
          lastName: input.lastName ?? existing.lastName,
        });
      invitationId = existing.id;
    } else {
      const fresh = newInvitationToken();
      token = fresh.token;
      const tokenHash = fresh.tokenHash;
      const [row] = await tx
        .insert(invitations)
        .values({
          orgId: actor.orgId,
          kind: "supplier",
          email: input.email,
          role: "admin",
          companyName: input.companyName,
          firstName: input.firstName ?? null,
          lastName: input.lastName ?? null,
          tokenHash,
          invitedById: actor.userId,
          sentAt: now,
          expiresAt,
        })
        .returning({ id: invitations.id });
      invitationId = row.id;
    }
    await enqueueInvitationEmail(tx, { invitationId, token, baseUrl: options.baseUrl });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: existing ? "supplier.invitation_resent" : "supplier.invited",
      subject: { type: "invitation", id: invitationId },
      before: existing ? { companyName: existing.companyName, expiresAt: existing.expiresAt.toISOString() } : null,
      after: { email: input.email, companyName: input.companyName, expiresAt: expiresAt.toISOString() },
    });
    return { invitationId, resent: Boolean(existing) };
  });
  kickEmailSender();
  return result;
}
