import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { invitationReplacedTokens, invitations, organizations } from "@/db/schema";
import { hashInvitationToken, newInvitationToken } from "./token";

/**
 * SPEC I2: the only way an invitation gets a new link (Resend, or inviting the address again from
 * Invite Teammate or Suppliers). The old link dies, and its hash is kept so that opening it says
 * "a newer invitation was sent to this address" rather than "not valid" (issue 14.2). Adding plan
 * places or a transfer to a live invitation does NOT come here: its link is kept.
 */
export async function replaceInvitationToken(
  tx: Tx,
  invitation: { id: string; tokenHash: string },
  set: Partial<Omit<typeof invitations.$inferInsert, "id" | "tokenHash">> = {},
): Promise<string> {
  const { token, tokenHash } = newInvitationToken();
  await tx.insert(invitationReplacedTokens).values({ tokenHash: invitation.tokenHash, invitationId: invitation.id }).onConflictDoNothing();
  await tx.update(invitations).set({ ...set, tokenHash }).where(eq(invitations.id, invitation.id));
  return token;
}

/**
 * A link Resend replaced (issue 14.2): the invitation it belonged to, to say on its page that a
 * newer invitation went to that address and when — or null for a link that never existed.
 */
export async function findReplacedInvitation(db: DbOrTx, token: string) {
  const [row] = await db
    .select({ email: invitations.email, status: invitations.status, sentAt: invitations.sentAt, orgName: organizations.name })
    .from(invitationReplacedTokens)
    .innerJoin(invitations, eq(invitations.id, invitationReplacedTokens.invitationId))
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .where(eq(invitationReplacedTokens.tokenHash, hashInvitationToken(token)));
  return row ?? null;
}

export const replacedLinkMessage = (email: string) =>
  `A newer invitation was sent to ${email}: use the link in the newest email. This one no longer works.`;
