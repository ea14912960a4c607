import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { db as defaultDb } from "@/db/client";
import type { Tx } from "@/db/client";
import { invitations, plans, products, type Invitation } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { kickEmailSender } from "@/lib/email";
import { forbidden, isAppError, notFound } from "@/lib/errors";
import { actingMember, lockActor, type ActingMember } from "@/lib/members/actor";
import { transaction } from "@/lib/transaction";
import { canInvite, canOfferPlanOnInvite, roleLabels, type Role } from "@/lib/permissions";
import { hitInvitationEmailLimit } from "@/lib/rate-limit";
import { reserveSeats } from "@/lib/seats/reserve-seat";
import { emailSchema, malformedReason, type InviteMembersInput } from "./schemas";
import { enqueueInvitationEmail, enqueueInvitationUpdatedEmail } from "./invitation-email";
import { addInvitationPlanPlaces, reclaimInvitationPlanPlaces } from "./invitation-plans";
import { findMembershipByEmail, lockPendingInvitation } from "./lookups";
import { replaceInvitationToken } from "./replace-token";
import { invitationExpiry, newInvitationToken } from "./token";
import { emitEvent } from "@/lib/webhooks/emit";

export type InviteOutcome = "invited" | "resent" | "updated" | "unchanged" | "already_member" | "malformed" | "no_seat" | "no_plan_seat" | "rate_limited" | "refused";
export type InviteResult = { email: string; outcome: InviteOutcome; message: string; invitationId?: string };

export type InviteMembersOptions = { baseUrl: string };

/**
 * Invite Teammate (SPEC I1, R1, T3, T5): each address is handled in its own transaction and gets
 * its own result — invited, resent (a live invitation exists: new token, new expiry), already a
 * member, malformed, no seat left or rate-limited. The role is checked against R1 first, with the
 * caller's role read again from the database.
 */
export async function inviteMembers(
  ctx: MemberContext,
  input: InviteMembersInput,
  options: InviteMembersOptions,
): Promise<InviteResult[]> {
  const actor = await actingMember(defaultDb, ctx);
  if (!canInvite(actor.role, input.role)) {
    throw forbidden(
      actor.role === "manager"
        ? "Managers invite Users only: granting Manager or Admin is a promotion, which only Admins make."
        : "Only Admins and Managers invite teammates.",
    );
  }
  // R1 before anything is written: an address with a pending invitation for a role this inviter
  // cannot grant refuses the whole list, so no other address of it is sent while the answer says
  // "refused" (T3: nothing half-done), and the refusal is about the role, not a seat. inviteOne
  // checks again under the lock.
  // I1 with P7: "plans to join" are plans this inviter manages and that allow several users; a plan
  // of another organization is not found. Checked again under the locks for every address.
  const planIds = input.planIds ?? [];
  if (planIds.length) {
    const offered = await defaultDb
      .select({ id: plans.id, subscriberId: plans.subscriberId, userMode: products.userMode })
      .from(plans)
      .innerJoin(products, eq(products.id, plans.productId))
      .where(and(eq(plans.orgId, actor.orgId), inArray(plans.id, planIds)));
    if (offered.length !== new Set(planIds).size) throw notFound("A plan you chose");
    if (offered.some((plan) => !canOfferPlanOnInvite(actor, plan))) {
      throw forbidden("You can add people only to plans you manage that allow several users.");
    }
  }
  const listed = [...new Set(input.emails.flatMap((raw) => emailSchema.safeParse(raw).data ?? []))];
  if (listed.length) {
    const pending = await defaultDb
      .select({ role: invitations.role })
      .from(invitations)
      .where(and(eq(invitations.orgId, actor.orgId), eq(invitations.status, "pending"), inArray(invitations.email, listed)));
    if (pending.some((p) => !canInvite(actor.role, p.role))) {
      throw forbidden("An address in the list has a pending invitation with a role you cannot grant. Nothing was sent.");
    }
  }
  const results: InviteResult[] = [];
  const seen = new Set<string>();
  for (const raw of input.emails) {
    const parsed = emailSchema.safeParse(raw);
    if (!parsed.success) {
      results.push({ email: raw, outcome: "malformed", message: malformedReason(raw) });
      continue;
    }
    const email = parsed.data;
    if (seen.has(email)) continue;
    seen.add(email);
    const limit = await hitInvitationEmailLimit(ctx.org.id, email);
    if (!limit.allowed) {
      results.push({ email, outcome: "rate_limited", message: "Too many invitations to this address lately; try again later." });
      continue;
    }
    try {
      const outcome = await transaction((tx) =>
        inviteOne(tx, ctx, { email, role: input.role, firstName: input.firstName, lastName: input.lastName, planIds }, options),
      );
      results.push(outcome);
    } catch (error) {
      // T3: no seat left (in the organization or on a plan) is this address's result; anything
      // else stops the whole request.
      if (isAppError(error) && error.code === "SEAT_LIMIT") results.push({ email, outcome: "no_seat", message: error.message });
      else if (isAppError(error) && error.code === "PLAN_SEAT_LIMIT") results.push({ email, outcome: "no_plan_seat", message: error.message });
      // R1/R8 under the lock: the checks before the list passed, then something changed (the
      // inviter was demoted, or someone invited this address with a role they cannot grant).
      // Earlier addresses are sent already, so this one's refusal is its own result, not the
      // whole answer (T3: nothing half-done that the answer does not say).
      else if (isAppError(error) && error.code === "FORBIDDEN") results.push({ email, outcome: "refused", message: error.message });
      else throw error;
    }
  }
  kickEmailSender();
  return results;
}

export type OneInvite = { email: string; role: Role; firstName?: string; lastName?: string; planIds?: readonly string[] };

export type InviteOneOptions = InviteMembersOptions & {
  /**
   * Runs after the invitation and its plan places are written, before its email: Transfer
   * Ownership to a new person attaches its transfer here (O3), so the email can mention it.
   */
  beforeEmail?: (tx: Tx, actor: ActingMember, invitationId: string) => Promise<{ transferPlanName: string } | void>;
  /**
   * Add User To Plan and Transfer Ownership to a new person (issue 14.2, I2): a LIVE invitation of
   * the address is changed — plan places, transfer, names — and keeps its link; a short notice
   * says what was added. Only Resend (or Invite Teammate again, I1) makes a new link.
   */
  keepLiveLink?: boolean;
};

/**
 * One address of Invite Teammate, inside the caller's transaction: R1 under the organization's
 * lock, a seat (T3, T5), the plan places of "plans to join" (I1, P3), the email (E1) and the audit
 * entry (A1). Also the invitation of Add User To Plan and of Transfer Ownership to a new person.
 */
export async function inviteOne(tx: Tx, ctx: MemberContext, invite: OneInvite, options: InviteOneOptions): Promise<InviteResult> {
  // The organization lock first (one lock order on every path), then R1 and R8 again under it:
  // a role changed during a long list counts at once.
  const actor = await lockActor(tx, ctx);
  if (!canInvite(actor.role, invite.role)) throw forbidden("You can no longer grant that role.");
  const member = await findMembershipByEmail(tx, actor.orgId, invite.email);
  if (member) {
    return {
      email: invite.email,
      outcome: "already_member",
      message: invite.planIds?.length ? "Already a member of this organization: add them with Add User To Plan." : "Already a member of this organization.",
    };
  }

  const existing = await lockPendingInvitation(tx, actor.orgId, "member", invite.email);
  const now = new Date();
  if (existing && options.keepLiveLink && existing.expiresAt > now) {
    if (!canInvite(actor.role, existing.role)) {
      throw forbidden("This address has a pending invitation with a role you cannot grant.");
    }
    return changeLiveInvitation(tx, actor, existing, invite, options);
  }
  const expiresAt = invitationExpiry(now);
  let invitationId: string;
  let outcome: InviteOutcome;
  let token: string;
  let role = invite.role;
  if (existing) {
    // I1: an address with a live invitation gets that one again (I2: new token, new expiry).
    if (!canInvite(actor.role, existing.role)) {
      throw forbidden("This address has a pending invitation with a role you cannot grant.");
    }
    if (existing.expiresAt <= now) {
      // An expired invitation holds no seat and no plan seat: renewing it takes them again (T2).
      await reserveSeats(tx, actor.orgId, 1);
      await reclaimInvitationPlanPlaces(tx, actor.orgId, existing.id);
    }
    role = existing.role;
    token = await replaceInvitationToken(tx, existing, {
      expiresAt,
      sentAt: now,
      invitedById: actor.userId,
      // Names typed now are kept (issue 14.3), as Suppliers does; none typed keeps the old ones.
      firstName: invite.firstName ?? existing.firstName,
      lastName: invite.lastName ?? existing.lastName,
    });
    invitationId = existing.id;
    outcome = "resent";
  } else {
    await reserveSeats(tx, actor.orgId, 1);
    const fresh = newInvitationToken();
    token = fresh.token;
    const tokenHash = fresh.tokenHash;
    const [row] = await tx
      .insert(invitations)
      .values({
        orgId: actor.orgId,
        email: invite.email,
        role: invite.role,
        firstName: invite.firstName ?? null,
        lastName: invite.lastName ?? null,
        tokenHash,
        invitedById: actor.userId,
        sentAt: now,
        expiresAt,
      })
      .returning({ id: invitations.id });
    invitationId = row.id;
    outcome = "invited";
  }
  const addedPlans = await addInvitationPlanPlaces(tx, actor, invitationId, invite.planIds ?? []);
  await options.beforeEmail?.(tx, actor, invitationId);
  await enqueueInvitationEmail(tx, { invitationId, token, baseUrl: options.baseUrl });
  await recordAudit(tx, {
    orgId: actor.orgId,
    actor: { id: actor.userId, email: actor.email },
    action: outcome === "invited" ? "invitation.created" : "invitation.resent",
    target: null,
    subject: { type: "invitation", id: invitationId },
    before: existing ? { expiresAt: existing.expiresAt.toISOString() } : null,
    after: { email: invite.email, role, expiresAt: expiresAt.toISOString(), ...(addedPlans.length ? { plans: addedPlans } : {}) },
  });
  if (outcome === "invited") {
    await emitEvent(tx, { orgId: actor.orgId, type: "invitation.created", data: { invitationId, email: invite.email, role, expiresAt: expiresAt.toISOString() } });
  }
  const onPlans = addedPlans.length ? ` On ${addedPlans.join(", ")}.` : "";
  return {
    email: invite.email,
    outcome,
    invitationId,
    message:
      (outcome === "invited"
        ? `Invited as ${roleLabels[role]}.`
        : role === invite.role
          ? `A live invitation existed: sent again as ${roleLabels[role]} with a new link.`
          : `Resent as ${roleLabels[role]}, the role of the live invitation; revoke it to change the role.`) + onPlans,
  };
}

/**
 * Issue 14.2 (I2, P3, O3): plan places or a transfer added to a LIVE invitation change that
 * invitation and keep its token, expiry and inviter — the link already sent keeps working. Names
 * typed now are kept on it (14.3), as on Invite Teammate. Nothing added: nothing written, no email.
 */
async function changeLiveInvitation(
  tx: Tx,
  actor: ActingMember,
  existing: Invitation,
  invite: OneInvite,
  options: InviteOneOptions,
): Promise<InviteResult> {
  const names = {
    firstName: invite.firstName ?? existing.firstName,
    lastName: invite.lastName ?? existing.lastName,
  };
  const namesAdded = names.firstName !== existing.firstName || names.lastName !== existing.lastName;
  if (namesAdded) await tx.update(invitations).set(names).where(eq(invitations.id, existing.id));
  const addedPlans = await addInvitationPlanPlaces(tx, actor, existing.id, invite.planIds ?? []);
  const attached = await options.beforeEmail?.(tx, actor, existing.id);
  const transferPlanName = attached ? attached.transferPlanName : null;
  if (!addedPlans.length && !transferPlanName) {
    return { email: invite.email, outcome: "unchanged", invitationId: existing.id, message: "Already on this invitation: nothing was sent." };
  }
  await enqueueInvitationUpdatedEmail(tx, { invitationId: existing.id, changedBy: actor, addedPlanNames: addedPlans, transferPlanName });
  await recordAudit(tx, {
    orgId: actor.orgId,
    actor: { id: actor.userId, email: actor.email },
    action: "invitation.updated",
    target: null,
    subject: { type: "invitation", id: existing.id },
    before: null,
    after: {
      email: invite.email,
      ...(addedPlans.length ? { plans: addedPlans } : {}),
      ...(transferPlanName ? { transferPlan: transferPlanName } : {}),
      ...(namesAdded ? names : {}),
    },
  });
  const added = [addedPlans.length ? `a place on ${addedPlans.join(", ")}` : null, transferPlanName ? `the transfer of ${transferPlanName}` : null]
    .filter(Boolean)
    .join(" and ");
  return {
    email: invite.email,
    outcome: "updated",
    invitationId: existing.id,
    message: `Their live invitation now includes ${added}; the link already sent still works.`,
  };
}
