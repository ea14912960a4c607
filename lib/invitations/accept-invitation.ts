import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import {
  invitations,
  memberships,
  notifications,
  organizations,
  ownershipTransfers,
  planUsers,
  sessions,
  users,
} from "@/db/schema";
import { isUniqueViolation } from "@/db/errors";
import { recordAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { reserveSeats } from "@/lib/seats/reserve-seat";
import { transaction } from "@/lib/transaction";
import { hashInvitationToken } from "./token";

export const SESSION_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

export type AcceptInvitationOptions = {
  token: string;
  /** The person signed in in this browser, if anyone. */
  signedIn: { id: string; email: string } | null;
};

export type AcceptInvitationResult = {
  orgSlug: string;
  userId: string;
  /** A new database session when nobody was signed in: the link proves the email (I4). */
  session: { token: string; expires: Date } | null;
};

/**
 * SPEC I4, in one transaction and in better-auth's order: the invitation's state (already
 * accepted, revoked), its expiry, that the signed-in email is the invited one, the seat limit
 * again (T3, T5); then the account (made if there is none), the membership, the plan places,
 * transfers attached to the invitation (O3), and the claim — a conditional update from pending,
 * so of any number of simultaneous accepts exactly one wins.
 */
export async function acceptInvitation(options: AcceptInvitationOptions): Promise<AcceptInvitationResult> {
  try {
    return await acceptInvitationInTx(options);
  } catch (error) {
    // The account was created a moment ago by a sign-in of the same address: nothing was written
    // here (the transaction rolled back), and a second try finds the account.
    if (!isUniqueViolation(error, "users_email_lower_key")) throw error;
    return acceptInvitationInTx(options);
  }
}

async function acceptInvitationInTx(options: AcceptInvitationOptions): Promise<AcceptInvitationResult> {
  const tokenHash = hashInvitationToken(options.token);
  return transaction(async (tx) => {
    const [found] = await tx
      .select({ id: invitations.id, orgId: invitations.orgId })
      .from(invitations)
      .where(eq(invitations.tokenHash, tokenHash));
    if (!found) throw notFound("This invitation");
    // Locks in the same order as every other seat path: the organization, then the invitation.
    await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, found.orgId)).for("update");
    const [invitation] = await tx.select().from(invitations).where(eq(invitations.id, found.id)).for("update");
    if (!invitation || invitation.tokenHash !== tokenHash) {
      throw new AppError("EXPIRED", "This invitation link is no longer valid: a newer one was sent.");
    }
    if (invitation.status === "accepted") throw new AppError("ALREADY_USED", "This invitation was already accepted.");
    if (invitation.status === "revoked") throw new AppError("REVOKED", "This invitation was revoked by the organization.");
    if (invitation.expiresAt <= new Date()) {
      throw new AppError("EXPIRED", "This invitation has expired. Ask the person who invited you to send it again.");
    }
    if (options.signedIn && options.signedIn.email.toLowerCase() !== invitation.email) {
      throw new AppError(
        "WRONG_ACCOUNT",
        `This invitation is for ${invitation.email}, but you are signed in as ${options.signedIn.email}. Sign out and open the link again.`,
      );
    }
    // The invitation holds its seat already; acceptance turns it into a member's seat.
    await reserveSeats(tx, invitation.orgId, 0);

    let [user] = await tx.select().from(users).where(sql`lower(${users.email}) = ${invitation.email}`);
    if (!user) {
      const name = [invitation.firstName, invitation.lastName].filter(Boolean).join(" ") || null;
      [user] = await tx
        .insert(users)
        .values({
          email: invitation.email,
          firstName: invitation.firstName,
          lastName: invitation.lastName,
          name,
          emailVerified: new Date(),
        })
        .returning();
    } else if (!user.emailVerified) {
      await tx.update(users).set({ emailVerified: new Date() }).where(eq(users.id, user.id));
    }
    const [already] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.orgId, invitation.orgId), eq(memberships.userId, user.id)));
    if (already) throw new AppError("ALREADY_MEMBER", "You are already a member of this organization.");

    const claimed = await tx
      .update(invitations)
      .set({ status: "accepted", acceptedAt: new Date(), acceptedById: user.id })
      .where(and(eq(invitations.id, invitation.id), eq(invitations.status, "pending")))
      .returning({ id: invitations.id });
    if (!claimed.length) throw new AppError("ALREADY_USED", "This invitation was already accepted.");

    await tx.insert(memberships).values({ orgId: invitation.orgId, userId: user.id, role: invitation.role });
    // P3: the places the invitee held on plans become theirs.
    await tx
      .update(planUsers)
      .set({ userId: user.id, invitationId: null })
      .where(eq(planUsers.invitationId, invitation.id));
    // O3: a transfer attached to the invitation reaches the new member's inbox now.
    const transfers = await tx
      .update(ownershipTransfers)
      .set({ toUserId: user.id })
      .where(and(eq(ownershipTransfers.toInvitationId, invitation.id), eq(ownershipTransfers.state, "pending")))
      .returning({ id: ownershipTransfers.id });
    for (const transfer of transfers) {
      await tx.insert(notifications).values({
        userId: user.id,
        orgId: invitation.orgId,
        kind: "transfer_requested",
        title: "You are asked to become a plan's subscriber",
        transferId: transfer.id,
      });
    }

    let session: AcceptInvitationResult["session"] = null;
    if (!options.signedIn) {
      const token = randomBytes(32).toString("hex");
      const expires = new Date(Date.now() + SESSION_MAX_AGE_MS);
      await tx.insert(sessions).values({ sessionToken: token, userId: user.id, expires });
      session = { token, expires };
    }
    await recordAudit(tx, {
      orgId: invitation.orgId,
      actor: { id: user.id, email: user.email },
      action: "invitation.accepted",
      target: { id: user.id, email: user.email },
      subject: { type: "invitation", id: invitation.id },
      before: { status: "pending" },
      after: { status: "accepted", role: invitation.role },
    });
    const [org] = await tx.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, invitation.orgId));
    return { orgSlug: org.slug, userId: user.id, session };
  });
}
