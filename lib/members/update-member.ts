import "server-only";
import { eq } from "drizzle-orm";
import { memberships, users } from "@/db/schema";
import { cancelEmailChangeInTx, countEmailChangeRequest, requestEmailChangeInTx } from "@/lib/account/email-change";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { enqueueEmail, kickEmailSender } from "@/lib/email";
import { AppError, forbidden } from "@/lib/errors";
import { canChangeRole, canEditProfile, roleLabels, type Role } from "@/lib/permissions";
import type { Tx } from "@/db/client";
import { transaction } from "@/lib/transaction";
import { lockActor, targetMember, type ActingMember } from "./actor";
import { assertAdminRemains } from "./assert-admin-remains";
import type { UpdateMemberInput } from "./schemas";
import { writeNotifications } from "@/lib/notifications/write-notifications";
import { emitEvent } from "@/lib/webhooks/emit";

export type UpdateMemberResult = {
  changed: boolean;
  roleChanged: boolean;
  /** R2: the address that must confirm before the sign-in email changes, if one was asked for. */
  emailPendingConfirmation: string | null;
};

/**
 * Edit user (SPEC R2, R3, R7, R8): name and phone under R2 apply at once; a new email is only
 * asked for (it applies when the person confirms it, see lib/account/email-change.ts); the role
 * follows R3, an Admin stepping down only while another Admin remains, and never on a suspended
 * member. Locks in the one order: organization, the member's membership, their user row.
 */
export async function updateMember(ctx: MemberContext, input: UpdateMemberInput, options: { baseUrl: string }): Promise<UpdateMemberResult> {
  await countEmailChangeRequest(ctx.user.id, input.userId, input.email);
  const result = await transaction(async (tx): Promise<UpdateMemberResult> => {
    const actor = await lockActor(tx, ctx);
    const target = await targetMember(tx, actor.orgId, input.userId);
    const self = actor.userId === target.userId;
    const name = [input.firstName, input.lastName].filter(Boolean).join(" ");
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const note = (field: string, from: unknown, to: unknown) => {
      if (from !== to) {
        before[field] = from;
        after[field] = to;
      }
    };
    note("firstName", target.firstName ?? "", input.firstName);
    note("lastName", target.lastName ?? "", input.lastName ?? "");
    note("phone", target.phone ?? null, input.phone ?? null);
    const emailChanged = input.email !== target.email.toLowerCase();
    const profileChanged = Object.keys(after).length > 0 || emailChanged;
    const roleChanged = input.role !== target.role;
    if (!profileChanged && !roleChanged) return { changed: false, roleChanged: false, emailPendingConfirmation: null };

    if (profileChanged && !canEditProfile(actor, target)) {
      throw forbidden(
        target.role === "admin"
          ? "Nobody edits another Admin."
          : actor.role === "manager"
            ? "Managers edit Users only."
            : "You can only edit your own details.",
      );
    }
    if (roleChanged) await assertRoleChange(tx, actor, target, input.role);

    let emailPendingConfirmation: string | null = null;
    if (profileChanged) {
      await tx.select({ id: users.id }).from(users).where(eq(users.id, target.userId)).for("no key update");
      if (Object.keys(after).length) {
        after.name = name;
        await tx
          .update(users)
          .set({ firstName: input.firstName, lastName: input.lastName || null, name, phone: input.phone })
          .where(eq(users.id, target.userId));
      }
      if (emailChanged) {
        // R2: the sign-in email is the person's identity; it moves only when they prove the new one.
        const requested = await requestEmailChangeInTx(tx, {
          user: { id: target.userId, email: target.email },
          newEmail: input.email,
          requestedBy: self ? null : { id: actor.userId, name: actor.name, email: actor.email },
          orgId: actor.orgId,
          baseUrl: options.baseUrl,
        });
        emailPendingConfirmation = requested.newEmail;
      }
    }
    if (roleChanged) {
      note("role", target.role, input.role);
      await writeRoleChange(tx, actor, target, input.role, options);
    }
    if (Object.keys(after).length) {
      await recordAudit(tx, {
        orgId: actor.orgId,
        actor: { id: actor.userId, email: actor.email },
        action: roleChanged ? "member.role_changed" : "member.updated",
        target: { id: target.userId, email: target.email },
        subject: { type: "membership", id: target.membershipId },
        before,
        after,
      });
      const data = { userId: target.userId, email: target.email, name: "name" in after ? name : target.name, role: input.role, status: target.status, changes: Object.keys(after) };
      await emitEvent(tx, { orgId: actor.orgId, type: "member.updated", data });
    }
    return { changed: true, roleChanged, emailPendingConfirmation };
  });
  if (result.roleChanged || result.emailPendingConfirmation) kickEmailSender();
  return result;
}

export type TargetedMember = Awaited<ReturnType<typeof targetMember>>;

/**
 * R3 (with R7 and R9), the checks of every role change — the edit form's, the row's and the bulk
 * action's: only Admins change roles, nobody another Admin's, a suspended member's never, and an
 * Admin steps down only while another Admin remains (under the organization lock).
 */
async function assertRoleChange(tx: Tx, actor: ActingMember, target: TargetedMember, to: Role) {
  if (!canChangeRole(actor, target, to)) {
    if (actor.directory && actor.userId === target.userId) {
      // Issue 17: the directory never changes the role of the Admin whose token it acts with.
      throw forbidden(`${target.name ?? target.email} created this SCIM token: the directory never changes the role of its own token's creator.`);
    }
    throw target.status === "suspended" && actor.role === "admin" && (target.role !== "admin" || actor.directory)
      ? new AppError("CONFLICT", `${target.name ?? target.email} is suspended. Re-activate them before changing their role.`, {
          fieldErrors: { role: ["Re-activate this member before changing their role."] },
        })
      : forbidden(
          target.role === "admin" && actor.userId !== target.userId ? "Nobody changes another Admin's role." : "Only Admins promote or demote members.",
        );
  }
  if (target.role === "admin") await assertAdminRemains(tx, actor.orgId, target.userId);
}

/** The role change itself: the membership, the member told in their inbox and by email (N1, E1). */
async function writeRoleChange(tx: Tx, actor: ActingMember, target: TargetedMember, to: Role, options: { baseUrl: string }) {
  await tx.update(memberships).set({ role: to, updatedAt: new Date() }).where(eq(memberships.id, target.membershipId));
  await writeNotifications(tx, {
    userId: target.userId,
    orgId: actor.orgId,
    kind: "role_changed",
    title: `Your role is now ${roleLabels[to]}`,
    body: `${actor.name ?? actor.email} changed your role from ${roleLabels[target.role]} to ${roleLabels[to]}.`,
  });
  await enqueueEmail(tx, {
    to: target.email,
    template: "role-changed",
    props: {
      orgName: actor.orgName,
      changedBy: actor.name ?? actor.email,
      fromRole: roleLabels[target.role],
      toRole: roleLabels[to],
      url: `${options.baseUrl}/o/${actor.orgSlug}/users`,
    },
  });
}

/** Change a role from the Users row or a bulk action (R3): the same checks and effects as the edit form's. */
export async function changeMemberRole(ctx: MemberContext, userId: string, to: Role, options: { baseUrl: string }) {
  const result = await transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    const target = await targetMember(tx, actor.orgId, userId);
    if (target.role === to) throw new AppError("CONFLICT", `${target.name ?? target.email} is already ${roleLabels[to]}.`);
    return changeMemberRoleInTx(tx, actor, target, to, options);
  });
  kickEmailSender();
  return result;
}

/**
 * A role change (R3, R7, R9) inside the caller's transaction, after it locked the organization
 * (lockActor) and the member (targetMember): the checks, the membership, the member told, the
 * audit entry and the member.updated webhook. Used by changeMemberRole and by SCIM groups mapped
 * to roles (C4), which change several members in one transaction. The caller kicks the email sender.
 */
export async function changeMemberRoleInTx(tx: Tx, actor: ActingMember, target: TargetedMember, to: Role, options: { baseUrl: string }) {
  await assertRoleChange(tx, actor, target, to);
  await writeRoleChange(tx, actor, target, to, options);
  await recordAudit(tx, {
    orgId: actor.orgId,
    actor: { id: actor.userId, email: actor.email },
    action: "member.role_changed",
    target: { id: target.userId, email: target.email },
    subject: { type: "membership", id: target.membershipId },
    before: { role: target.role },
    after: { role: to },
  });
  const data = { userId: target.userId, email: target.email, name: target.name, role: to, status: target.status, changes: ["role"] };
  await emitEvent(tx, { orgId: actor.orgId, type: "member.updated", data });
  return { name: target.name ?? target.email, from: target.role, to };
}

/** Cancel a member's pending email change from their edit page: whoever may edit them (R2). */
export async function cancelMemberEmailChange(ctx: MemberContext, userId: string) {
  await transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    const target = await targetMember(tx, actor.orgId, userId);
    if (!canEditProfile(actor, target)) throw forbidden("You can't change this member's details.");
    await tx.select({ id: users.id }).from(users).where(eq(users.id, target.userId)).for("no key update");
    await cancelEmailChangeInTx(tx, { userId: target.userId, actor: { id: actor.userId, email: actor.email }, orgId: actor.orgId });
  });
}
