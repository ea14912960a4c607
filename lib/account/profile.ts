import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { kickEmailSender } from "@/lib/email";
import { transaction } from "@/lib/transaction";
import { countEmailChangeRequest, requestEmailChangeInTx } from "./email-change";
import { lockOwnMemberships, lockPerson } from "./lock-person";
import type { ProfileInput } from "./schemas";
import { emitMemberUpdatedEverywhere } from "@/lib/webhooks/emit";

/**
 * Sets the person's own first and last name (and phone, when given) inside the caller's
 * transaction, which has locked the person's memberships (or, creating an organization, their
 * organizations) and then their user row (the lock order of every path: organization →
 * membership → the rows under it). Writes `member.updated`
 * in each of those organizations, since the name shows in all of them (A1). Returns what changed.
 */
export async function setOwnNamesInTx(
  tx: Tx,
  user: { id: string; email: string; firstName: string | null; lastName: string | null; phone: string | null },
  orgIds: string[],
  input: { firstName: string; lastName: string; phone?: string | null },
) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const note = (field: string, from: unknown, to: unknown) => {
    if (from !== to) {
      before[field] = from;
      after[field] = to;
    }
  };
  note("firstName", user.firstName ?? "", input.firstName);
  note("lastName", user.lastName ?? "", input.lastName);
  if (input.phone !== undefined) note("phone", user.phone ?? null, input.phone);
  if (!Object.keys(after).length) return false;
  const fullName = [input.firstName, input.lastName].filter(Boolean).join(" ");
  after.name = fullName;
  await tx
    .update(users)
    .set({ firstName: input.firstName, lastName: input.lastName || null, name: fullName, ...(input.phone !== undefined ? { phone: input.phone } : {}) })
    .where(eq(users.id, user.id));
  for (const orgId of orgIds) {
    await recordAudit(tx, {
      orgId,
      actor: { id: user.id, email: user.email },
      action: "member.updated",
      target: { id: user.id, email: user.email },
      subject: { type: "user", id: user.id },
      before,
      after,
    });
  }
  await emitMemberUpdatedEverywhere(tx, user.id, Object.keys(after));
  return true;
}


export type UpdateProfileResult = { changed: boolean; emailPendingConfirmation: string | null };

/**
 * The profile page (R2, for oneself): name and phone apply at once, in every organization of
 * theirs; a new email is only asked for — it applies when the person follows the link sent to it
 * (lib/account/email-change.ts, docs/decisions/007). One transaction.
 */
export async function updateOwnProfile(userId: string, input: ProfileInput, options: { baseUrl: string }): Promise<UpdateProfileResult> {
  await countEmailChangeRequest(userId, userId, input.email);
  const result = await transaction(async (tx) => {
    const { user, orgIds } = await lockOwnMemberships(tx, userId);
    const changed = await setOwnNamesInTx(tx, user, orgIds, input);
    let emailPendingConfirmation: string | null = null;
    if (input.email !== user.email.toLowerCase()) {
      const requested = await requestEmailChangeInTx(tx, {
        user: { id: user.id, email: user.email },
        newEmail: input.email,
        requestedBy: null,
        orgId: null,
        baseUrl: options.baseUrl,
      });
      emailPendingConfirmation = requested.newEmail;
    }
    return { changed: changed || emailPendingConfirmation !== null, emailPendingConfirmation };
  });
  if (result.emailPendingConfirmation) kickEmailSender();
  return result;
}

/** I5 with names: the person who creates an organization and has no name yet gives one first. */
export async function lockPersonForOnboarding(tx: Tx, userId: string) {
  return lockPerson(tx, userId);
}
