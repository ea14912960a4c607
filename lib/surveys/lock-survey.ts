import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { surveys, users } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";

/**
 * A survey of the caller's organization, locked for the rest of the transaction (after the
 * organization row and any membership, docs/decisions/005 and 065). Another organization's survey is simply not found.
 */
export async function lockSurvey(tx: Tx, orgId: string, surveyId: string) {
  const [survey] = await tx
    .select()
    .from(surveys)
    .where(and(eq(surveys.id, surveyId), eq(surveys.orgId, orgId)))
    .for("update");
  if (!survey) throw notFound("This survey");
  return survey;
}

/** "Max Manager has had it checked out since 23 Nov 2026, 10:32 UTC" for refusals (S1). */
export async function checkoutHolderText(tx: Tx, survey: { checkedOutById: string | null; checkedOutAt: Date | null }) {
  if (!survey.checkedOutById) return null;
  const [holder] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, survey.checkedOutById));
  const who = holder ? (holder.name ?? holder.email) : "Another member";
  return survey.checkedOutAt ? `${who} has had it checked out since ${formatDateTime(survey.checkedOutAt)}` : `${who} has it checked out`;
}
