import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { memberships, plans, scimSettings, surveys } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { kickEmailSender } from "@/lib/email";
import { AppError, notFound } from "@/lib/errors";
import { lockActor, targetMember, type ActingMember } from "@/lib/members/actor";
import { assertMayDeleteMember, deleteMemberInTx } from "@/lib/members/delete-member";
import { dependentsMessage, memberDependents } from "@/lib/members/member-dependents";
import { transferAllSurveysInTx } from "@/lib/surveys/transfer-all-surveys";
import { reassignPlanInTx } from "@/lib/transfers/reassign-plan";
import { transaction } from "@/lib/transaction";
import { publicBaseUrl } from "@/lib/url";
import { ScimError } from "./errors";
import { applyUserPatch, readOperations, readUserResource, type ScimUserState } from "./patch";
import type { ScimAnswer } from "./route";
import { applyUserState, checkUserState, upsertIdentity, type AppliedChange } from "./user-apply";
import { findScimUserRow, isUserId, readScimUser, stateOf, type ScimUserRow } from "./users";

/**
 * The member a request names, their membership locked (after the organization's lock) before
 * their row is read: a change of their own profile in the meantime waits (lockOwnMembership).
 * An id that is no user id, or no member's here, is not found.
 */
async function lockScimUser(tx: Tx, actor: ActingMember, userId: string): Promise<ScimUserRow> {
  if (!isUserId(userId)) throw notFound("This user");
  await targetMember(tx, actor.orgId, userId);
  return findScimUserRow(tx, actor.orgId, userId);
}

/** What the provisioning log says about a PUT or PATCH that changed something. */
function changeSummary(who: string, change: AppliedChange): string | undefined {
  const parts: string[] = [];
  if (change.status === "suspended") parts.push(`Suspended ${who}`);
  if (change.status === "active") parts.push(`Re-activated ${who}`);
  const fields = change.changes.filter((c) => c !== "active" && c !== "email");
  if (fields.length) parts.push(`Updated ${who} (${fields.join(", ")})`);
  if (change.email === "changed") parts.push(`Changed the sign-in email of ${who}`);
  if (change.email === "pending") parts.push(`Asked ${who} to confirm a new sign-in email`);
  return parts.length ? parts.join("; ") : undefined;
}

/**
 * PUT and PATCH /Users/{id} (SPEC C2, R2, R9, T3; issue 17): the new state is worked out from the
 * request (a whole resource, or PATCH operations applied to the current one by lib/scim/patch.ts)
 * and applied part by part through the pages' own rules, all in one transaction — a refused part
 * changes nothing. The answer is the resulting resource.
 */
async function changeScimUser(
  ctx: MemberContext,
  userId: string,
  baseUrl: string,
  nextOf: (row: ScimUserRow) => ScimUserState,
): Promise<ScimAnswer> {
  try {
    const { change, resource, who } = await transaction(async (tx) => {
      const actor = await lockActor(tx, ctx);
      const row = await lockScimUser(tx, actor, userId);
      const change = await applyUserState(tx, actor, row, nextOf(row), { baseUrl: publicBaseUrl() });
      return { change, resource: await readScimUser(tx, actor.orgId, row.id, baseUrl), who: stateOf(row).userName };
    });
    kickEmailSender();
    return { status: 200, body: resource, summary: changeSummary(who, change) };
  } catch (error) {
    if (isUniqueViolation(error)) throw new ScimError(409, "Another user already has this userName, externalId or email.", "uniqueness");
    throw error;
  }
}

/** PUT /Users/{id}: the whole resource (RFC 7644 §3.5.1); what it leaves out is cleared. */
export function replaceScimUser(ctx: MemberContext, userId: string, body: unknown, baseUrl: string) {
  // A body that is no User is refused before the organization is locked.
  const next = checkUserState(readUserResource(body));
  return changeScimUser(ctx, userId, baseUrl, () => next);
}

/** PATCH /Users/{id}: Okta's and Entra's operations (RFC 7644 §3.5.2); one that cannot be applied is an error, never a silent 200. */
export function patchScimUser(ctx: MemberContext, userId: string, body: unknown, baseUrl: string) {
  readOperations(body); // a body that is no PatchOp is refused before the organization is locked
  return changeScimUser(ctx, userId, baseUrl, (row) => applyUserPatch(row.id, stateOf(row), body).next);
}

/**
 * C3: the Admin the organization chose to receive a deprovisioned member's surveys and plans,
 * when that choice still names an active Admin other than the member; else why not.
 */
async function deprovisioningRecipient(tx: Tx, orgId: string, userId: string): Promise<{ id: string } | { refusal: string }> {
  const [settings] = await tx.select().from(scimSettings).where(eq(scimSettings.orgId, orgId));
  const recipientId = settings?.deprovisionTransferToUserId;
  const where = "Settings → Provisioning (SCIM)";
  if (!recipientId) return { refusal: `, or choose on ${where} an Admin to receive them on deprovisioning.` };
  if (recipientId === userId) return { refusal: `: the deprovisioning choice names this very member. Choose another Admin on ${where}.` };
  const [recipient] = await tx
    .select({ role: memberships.role, status: memberships.status })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, recipientId)));
  if (!recipient || recipient.role !== "admin" || recipient.status !== "active") {
    return { refusal: `: the deprovisioning choice names someone who is no longer an active Admin. Choose another Admin on ${where}.` };
  }
  return { id: recipientId };
}

/**
 * R5 under C3: what the member owns goes to the chosen Admin in the caller's transaction — S2's
 * transfer of every survey, then O4's reassign of each plan they subscribe to — or, with no valid
 * choice, the refusal that says what must be transferred first.
 */
async function handOverWork(tx: Tx, actor: ActingMember, userId: string, appUrl: string) {
  const dependents = await memberDependents(tx, actor.orgId, userId);
  const message = dependentsMessage(dependents);
  if (!message) return null;
  const recipient = await deprovisioningRecipient(tx, actor.orgId, userId);
  if ("refusal" in recipient) throw new AppError("HAS_DEPENDENTS", `${message.replace(/\.$/, "")}${recipient.refusal}`);
  const [{ owned }] = await tx.select({ owned: count() }).from(surveys).where(and(eq(surveys.orgId, actor.orgId), eq(surveys.ownerId, userId)));
  if (owned) await transferAllSurveysInTx(tx, actor, userId, recipient.id, { baseUrl: appUrl });
  const subscribed = await tx
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.orgId, actor.orgId), eq(plans.subscriberId, userId)))
    .orderBy(asc(plans.id));
  for (const plan of subscribed) await reassignPlanInTx(tx, actor, plan.id, recipient.id);
  return { surveys: owned, plans: dependents.subscribedPlans, recipientId: recipient.id };
}

/**
 * DELETE /Users/{id} (SPEC C3, R4–R7; issue 17) is Delete User in one transaction: who may
 * (the directory may delete an Admin, never its token's creator nor the last Admin), R5 — or the
 * organization's deprovisioning choice, which transfers first — and R6's effects. The identity is
 * kept, marked deprovisioned, so a later POST restores the same person.
 */
export async function deleteScimUser(ctx: MemberContext, userId: string): Promise<ScimAnswer> {
  const appUrl = publicBaseUrl();
  const { who, handedOver } = await transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    const row = await lockScimUser(tx, actor, userId);
    await assertMayDeleteMember(tx, actor, await targetMember(tx, actor.orgId, row.id));
    const handedOver = await handOverWork(tx, actor, row.id, appUrl);
    const state = stateOf(row);
    await upsertIdentity(tx, actor.orgId, row.id, {
      userName: state.userName,
      externalId: state.externalId,
      displayName: row.identityDisplayName,
      deprovisionedAt: new Date(),
    });
    await deleteMemberInTx(tx, actor, row.id);
    return { who: state.userName, handedOver };
  });
  kickEmailSender();
  const moved = handedOver
    ? ` (${[handedOver.surveys ? `${handedOver.surveys} survey${handedOver.surveys === 1 ? "" : "s"}` : null, ...handedOver.plans].filter(Boolean).join(", ")} transferred first)`
    : "";
  return { status: 204, summary: `Deleted ${who}${moved}` };
}
