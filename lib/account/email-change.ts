import "server-only";
import { and, eq, gt, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, type DbOrTx, type Tx } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { emailChangeRequests, invitations, memberships, sessions, users, verificationTokens } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { enqueueEmail, kickEmailSender } from "@/lib/email";
import { AppError, notFound } from "@/lib/errors";
import { hitRateLimit, rateLimitRules, retryMinutes } from "@/lib/rate-limit";
import { hashSecretToken, newSecretToken } from "@/lib/tokens";
import { transaction } from "@/lib/transaction";
import { lockPerson } from "./lock-person";
import { emitMemberUpdatedEverywhere } from "@/lib/webhooks/emit";

export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60 * 1000;

const unclaimable = "That address can't be used: it belongs to another account or has a pending invitation.";

function unclaimableError() {
  return new AppError("CONFLICT", unclaimable, { fieldErrors: { email: [unclaimable] } });
}

/**
 * SPEC R2, the one rule for an address an email change may claim, checked when the change is
 * asked for and again when it is confirmed: no other account holds it (compared
 * case-insensitively), and no organization has a live invitation for it — an invitation is
 * addressed to whoever proves that address by accepting, never to an account that renamed itself.
 * One message for both cases, so the answer does not tell which addresses have accounts.
 */
export async function assertEmailClaimable(tx: DbOrTx, email: string, userId: string, now = new Date()) {
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, ne(users.id, userId)))
    .limit(1);
  if (taken) throw unclaimableError();
  const [invited] = await tx
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.email, email.toLowerCase()), eq(invitations.status, "pending"), gt(invitations.expiresAt, now)))
    .limit(1);
  if (invited) throw unclaimableError();
}

export type EmailChangeRequester = { id: string; name: string | null; email: string };

/**
 * Counts one email-change request of `requesterId` for `subjectUserId` (themselves, or a member
 * under R2) when the address asked for is new, outside the request's transaction: a request
 * refused because the address belongs to another account (or has a live invitation) counts too,
 * so that answer cannot be used to probe which addresses have accounts. Over the limit the form
 * is refused on its email field; nothing else is written.
 */
export async function countEmailChangeRequest(requesterId: string, subjectUserId: string, newEmail: string) {
  const [current] = await db.select({ email: users.email }).from(users).where(eq(users.id, subjectUserId));
  if (!current || current.email.toLowerCase() === newEmail.toLowerCase()) return;
  const limit = await hitRateLimit(`email-change-by:${requesterId}`, rateLimitRules.emailChangesPerPerson);
  if (!limit.allowed) {
    const message = `Too many email changes were asked for lately. Try again in ${retryMinutes(limit.retryAfterSeconds)}.`;
    throw new AppError("RATE_LIMITED", message, { fieldErrors: { email: [message] } });
  }
}

/**
 * R2: asks for a change of `userId`'s sign-in email, inside the caller's transaction (which has
 * locked the person's user row). The account keeps its email: the new address gets a link that
 * confirms the change only when opened by the person signed in as themselves, and the current
 * address is told. A newer request supersedes an older one (its link dies).
 */
export async function requestEmailChangeInTx(
  tx: Tx,
  options: {
    user: { id: string; email: string };
    newEmail: string;
    /** null when the person asks for their own change. */
    requestedBy: EmailChangeRequester | null;
    orgId: string | null;
    baseUrl: string;
    now?: Date;
  },
) {
  const now = options.now ?? new Date();
  const newEmail = options.newEmail.toLowerCase();
  // Every path that sends email goes through the same per-address limit (sign-in, invitations).
  const limit = await hitRateLimit(`email:${newEmail}`, rateLimitRules.emailPerAddress, { db: tx, now });
  if (!limit.allowed) {
    const message = "Too many emails were sent to that address lately. Try again later.";
    throw new AppError("RATE_LIMITED", message, { fieldErrors: { email: [message] } });
  }
  await assertEmailClaimable(tx, newEmail, options.user.id, now);
  await tx
    .update(emailChangeRequests)
    .set({ status: "superseded", resolvedAt: now })
    .where(and(eq(emailChangeRequests.userId, options.user.id), eq(emailChangeRequests.status, "pending")));
  const { token, tokenHash } = newSecretToken();
  const expiresAt = new Date(now.getTime() + EMAIL_CHANGE_TTL_MS);
  const [request] = await tx
    .insert(emailChangeRequests)
    .values({
      userId: options.user.id,
      newEmail,
      tokenHash,
      requestedById: options.requestedBy?.id ?? options.user.id,
      orgId: options.orgId,
      expiresAt,
      createdAt: now,
    })
    .returning({ id: emailChangeRequests.id });
  const requestedBy = options.requestedBy ? (options.requestedBy.name ?? options.requestedBy.email) : null;
  const base = options.baseUrl.replace(/\/$/, "");
  await enqueueEmail(tx, {
    to: newEmail,
    template: "email-change-confirm",
    props: {
      currentEmail: options.user.email,
      newEmail,
      requestedBy,
      url: `${base}/account/email/confirm/${token}`,
      expiresIn: "24 hours",
    },
  });
  await enqueueEmail(tx, {
    to: options.user.email,
    template: "email-change-notice",
    props: { currentEmail: options.user.email, newEmail, requestedBy, url: `${base}/account/email` },
  });
  await recordAudit(tx, {
    orgId: options.orgId,
    actor: options.requestedBy ? { id: options.requestedBy.id, email: options.requestedBy.email } : options.user,
    action: "member.email_change_requested",
    target: options.user,
    subject: { type: "email_change", id: request.id },
    before: { email: options.user.email },
    after: { pendingEmail: newEmail, expiresAt: expiresAt.toISOString() },
  });
  return { newEmail, expiresAt };
}

/** The person's pending (unexpired) email change, for the pages that show "pending confirmation to …". */
export async function findPendingEmailChange(userId: string, database: DbOrTx = db) {
  const requester = alias(users, "requester");
  const [row] = await database
    .select({
      id: emailChangeRequests.id,
      newEmail: emailChangeRequests.newEmail,
      createdAt: emailChangeRequests.createdAt,
      expiresAt: emailChangeRequests.expiresAt,
      requestedById: emailChangeRequests.requestedById,
      requestedByName: requester.name,
      requestedByEmail: requester.email,
    })
    .from(emailChangeRequests)
    .leftJoin(requester, eq(requester.id, emailChangeRequests.requestedById))
    .where(
      and(
        eq(emailChangeRequests.userId, userId),
        eq(emailChangeRequests.status, "pending"),
        gt(emailChangeRequests.expiresAt, new Date()),
      ),
    );
  return row ?? null;
}

/** What the confirmation page shows before anything is done (GET changes nothing). */
export async function findEmailChangeByToken(token: string) {
  const [row] = await db
    .select({
      userId: emailChangeRequests.userId,
      newEmail: emailChangeRequests.newEmail,
      status: emailChangeRequests.status,
      expiresAt: emailChangeRequests.expiresAt,
      currentEmail: users.email,
    })
    .from(emailChangeRequests)
    .innerJoin(users, eq(users.id, emailChangeRequests.userId))
    .where(eq(emailChangeRequests.tokenHash, hashSecretToken(token)));
  return row ?? null;
}

/**
 * R2: confirms an email change. The link proves the new address; the session proves the person:
 * only the account's owner, signed in as themselves, can confirm, so whoever chose the new
 * address (an Admin, say) cannot complete it alone. In one transaction, under the lock of the
 * person's row: the address is checked again (another account, a live invitation), the email
 * switches, every other session of the person ends, stale sign-in links of the old address die,
 * the old address is told, and each of the person's organizations gets an audit entry.
 */
export async function confirmEmailChange(options: { token: string; userId: string; currentSessionToken: string | null }) {
  try {
    return await confirmEmailChangeInTx(options);
  } catch (error) {
    // Another account took the address a moment ago: the unique index decides.
    if (isUniqueViolation(error, "users_email_lower_key")) throw unclaimableError();
    throw error;
  }
}

async function confirmEmailChangeInTx(options: { token: string; userId: string; currentSessionToken: string | null }) {
  const tokenHash = hashSecretToken(options.token);
  const result = await transaction(async (tx) => {
    const [found] = await tx
      .select({ id: emailChangeRequests.id, userId: emailChangeRequests.userId })
      .from(emailChangeRequests)
      .where(eq(emailChangeRequests.tokenHash, tokenHash));
    if (!found) throw notFound("This confirmation link");
    // Lock order: the person's organizations, their row, then the request (as every path does).
    const { user } = await lockPerson(tx, found.userId);
    const [request] = await tx.select().from(emailChangeRequests).where(eq(emailChangeRequests.id, found.id)).for("update");
    if (!request) throw notFound("This confirmation link");
    if (request.status === "confirmed") throw new AppError("ALREADY_USED", "This email change was already confirmed.");
    if (request.status !== "pending") {
      throw new AppError("REVOKED", "This link no longer works: the change was cancelled or replaced by a newer one.");
    }
    const now = new Date();
    if (request.expiresAt <= now) throw new AppError("EXPIRED", "This link has expired. Ask for the change again.");
    if (options.userId !== request.userId) {
      throw new AppError("WRONG_ACCOUNT", `Only the account's owner can confirm this change. Sign in as ${user.email} and open the link again.`);
    }
    await assertEmailClaimable(tx, request.newEmail, user.id, now);
    await tx.update(emailChangeRequests).set({ status: "confirmed", resolvedAt: now }).where(eq(emailChangeRequests.id, request.id));
    return switchSignInEmailInTx(tx, {
      user,
      newEmail: request.newEmail,
      verified: true,
      keepSessionToken: options.currentSessionToken,
      actor: { id: user.id, email: request.newEmail },
      subject: { type: "email_change", id: request.id },
      now,
    });
  });
  kickEmailSender();
  return result;
}

/**
 * The switch of a sign-in email itself, once it is allowed (R2): by the person's confirmation, or
 * by their organization's directory onto a domain that organization verified (SCIM, docs/decisions/086).
 * Inside the caller's transaction, which has locked the person's organizations and then their row
 * and checked the address with assertEmailClaimable. Every session of theirs but `keepSessionToken`
 * ends, stale sign-in links of the old address die, the old address is told, and each of their
 * organizations gets an audit entry and a `member.updated` event. The caller kicks the email sender.
 */
export async function switchSignInEmailInTx(
  tx: Tx,
  options: {
    user: { id: string; email: string };
    newEmail: string;
    /** true when the person proved the new address (a confirmed link). */
    verified: boolean;
    keepSessionToken: string | null;
    actor: { id: string; email: string };
    subject?: { type: string; id: string };
    now?: Date;
  },
) {
  const now = options.now ?? new Date();
  const { user, newEmail } = options;
  const previousEmail = user.email;
  await tx.update(users).set({ email: newEmail, emailVerified: options.verified ? now : null }).where(eq(users.id, user.id));
  // Whatever change was still waiting is moot now: its link must not move the address again.
  await tx
    .update(emailChangeRequests)
    .set({ status: "superseded", resolvedAt: now })
    .where(and(eq(emailChangeRequests.userId, user.id), eq(emailChangeRequests.status, "pending")));
  const ended = await tx
    .delete(sessions)
    .where(and(eq(sessions.userId, user.id), options.keepSessionToken ? ne(sessions.sessionToken, options.keepSessionToken) : undefined))
    .returning({ token: sessions.sessionToken });
  await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, previousEmail));
  await enqueueEmail(tx, { to: previousEmail, template: "email-changed", props: { previousEmail, newEmail } });
  const orgs = await tx.select({ orgId: memberships.orgId }).from(memberships).where(eq(memberships.userId, user.id));
  for (const { orgId } of orgs.length ? orgs : [{ orgId: null }]) {
    await recordAudit(tx, {
      orgId,
      actor: options.actor,
      action: "member.email_changed",
      target: { id: user.id, email: newEmail },
      subject: options.subject ?? { type: "user", id: user.id },
      before: { email: previousEmail },
      after: { email: newEmail, otherSessionsEnded: ended.length },
    });
  }
  await emitMemberUpdatedEverywhere(tx, user.id, ["email"]);
  return { previousEmail, newEmail, sessionsEnded: ended.length };
}

/**
 * Withdraws the person's pending email change (its link dies). `actor` is who cancels: the person
 * themselves or someone allowed to edit their profile (checked by the caller, R2).
 */
export async function cancelEmailChangeInTx(tx: Tx, options: { userId: string; actor: { id: string; email: string }; orgId: string | null }) {
  const now = new Date();
  const cancelled = await tx
    .update(emailChangeRequests)
    .set({ status: "cancelled", resolvedAt: now })
    .where(and(eq(emailChangeRequests.userId, options.userId), eq(emailChangeRequests.status, "pending")))
    .returning({ id: emailChangeRequests.id, newEmail: emailChangeRequests.newEmail });
  if (!cancelled.length) throw new AppError("CONFLICT", "There is no pending email change to cancel.");
  const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, options.userId));
  await recordAudit(tx, {
    orgId: options.orgId,
    actor: options.actor,
    action: "member.email_change_cancelled",
    target: { id: options.userId, email: user.email },
    subject: { type: "email_change", id: cancelled[0].id },
    before: { pendingEmail: cancelled[0].newEmail },
    after: { pendingEmail: null },
  });
}

/** The person cancels their own pending change (from /account/email, linked in the notice). */
export async function cancelOwnEmailChange(user: { id: string; email: string }) {
  await transaction(async (tx) => {
    await lockPerson(tx, user.id);
    await cancelEmailChangeInTx(tx, { userId: user.id, actor: user, orgId: null });
  });
}
