import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { memberships, orgDomains, users } from "@/db/schema";
import { assertEmailClaimable, findPendingEmailChange, requestEmailChangeInTx, switchSignInEmailInTx } from "@/lib/account/email-change";
import { domainOfEmail } from "@/lib/domains/domain-token";
import { isAppError } from "@/lib/errors";
import type { ActingMember } from "@/lib/members/actor";
import { ScimError } from "./errors";

export type EmailOutcome = "unchanged" | "changed" | "pending";

/**
 * A sign-in email change asked by the organization's directory (SCIM, issue 17; docs/decisions/086).
 * The email is the person's identity (R2), and the directory speaks for one organization only:
 * - never onto an address another account or a live invitation holds (409 `uniqueness`);
 * - at once only when the new address is on a domain THIS organization verified (D1) and the
 *   person belongs to no other organization — the same trust single sign-on gives a verified
 *   domain (D3). Otherwise organization A could move a person it shares with B onto a mailbox A
 *   controls and sign in as them in B: a takeover;
 * - in every other case through R2's confirmation: the person, signed in as themselves, follows a
 *   link sent to the new address. Until then the account (and the SCIM resource) keeps the old one.
 * Inside the caller's transaction, which holds the organization's lock and the member's row; the
 * caller has checked that the directory may edit this member (canEditProfile).
 */
export async function changeEmailByDirectory(
  tx: Tx,
  actor: ActingMember,
  target: { userId: string; email: string },
  newEmail: string,
  options: { baseUrl: string },
): Promise<EmailOutcome> {
  const wanted = newEmail.toLowerCase();
  if (wanted === target.email.toLowerCase()) return "unchanged";
  // The person's row, after the organization, FOR UPDATE: it conflicts with the KEY SHARE lock that
  // inserting a membership of theirs takes, so no organization can add them between the check
  // below and this commit — "belongs to no other organization" holds until the change is made.
  const [person] = await tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, target.userId)).for("update");
  try {
    await assertEmailClaimable(tx, wanted, person.id);
  } catch (error) {
    if (isAppError(error) && error.code === "CONFLICT") throw new ScimError(409, error.message, "uniqueness");
    throw error;
  }
  const [verified] = await tx
    .select({ id: orgDomains.id })
    .from(orgDomains)
    .where(and(eq(orgDomains.orgId, actor.orgId), eq(orgDomains.domain, domainOfEmail(wanted)), eq(orgDomains.status, "verified")));
  const [elsewhere] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, person.id), ne(memberships.orgId, actor.orgId)))
    .limit(1);
  if (verified && !elsewhere) {
    await switchSignInEmailInTx(tx, {
      user: person,
      newEmail: wanted,
      verified: false,
      keepSessionToken: null,
      actor: { id: actor.userId, email: actor.email },
    });
    return "changed";
  }
  // Identity providers send the same change again on every sync until they see it: one link, not one per sync.
  const pending = await findPendingEmailChange(person.id, tx);
  if (pending?.newEmail === wanted) return "pending";
  await requestEmailChangeInTx(tx, {
    user: person,
    newEmail: wanted,
    requestedBy: { id: actor.userId, name: actor.name, email: actor.email },
    orgId: actor.orgId,
    baseUrl: options.baseUrl,
  });
  return "pending";
}
