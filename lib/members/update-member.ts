import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { invitations, memberships, notifications, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { enqueueEmail, kickEmailSender } from "@/lib/email";
import { isUniqueViolation } from "@/db/errors";
import { AppError, forbidden } from "@/lib/errors";
import { canChangeRole, canEditProfile, roleLabels } from "@/lib/permissions";
import { actingMember, targetMember } from "./actor";
import { assertAdminRemains } from "./assert-admin-remains";
import type { UpdateMemberInput } from "./schemas";

/**
 * Edit user (SPEC R2, R3, R7, R8): profile fields under R2, the role under R3, an Admin stepping
 * down only while another Admin remains. Everything is checked again here, with the caller's and
 * the target's roles read inside the transaction; the change applies at the next request.
 */
async function updateMemberInTx(ctx: MemberContext, input: UpdateMemberInput, options: { baseUrl: string }) {
  const result = await db.transaction(async (tx) => {
    const actor = await actingMember(tx, ctx);
    const target = await targetMember(tx, actor.orgId, input.userId);
    const self = actor.userId === target.userId;
    const name = [input.firstName, input.lastName].filter(Boolean).join(" ");
    const profileChanged =
      input.firstName !== (target.firstName ?? "") ||
      (input.lastName ?? "") !== (target.lastName ?? "") ||
      input.email !== target.email.toLowerCase() ||
      (input.phone ?? null) !== (target.phone ?? null);
    const roleChanged = input.role !== target.role;
    if (!profileChanged && !roleChanged) return { changed: false as const };

    if (profileChanged && !canEditProfile(actor, target)) {
      throw forbidden(
        target.role === "admin"
          ? "Nobody edits another Admin."
          : actor.role === "manager"
            ? "Managers edit Users only."
            : "You can only edit your own details.",
      );
    }
    if (roleChanged && !canChangeRole(actor, target, input.role)) {
      throw forbidden(
        target.role === "admin" && !self
          ? "Nobody changes another Admin's role."
          : "Only Admins promote or demote members.",
      );
    }
    if (roleChanged && target.role === "admin") await assertAdminRemains(tx, actor.orgId, target.userId);

    if (input.email !== target.email.toLowerCase()) {
      const [taken] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(sql`lower(${users.email}) = ${input.email}`, ne(users.id, target.userId)));
      if (taken) {
        throw new AppError("CONFLICT", "Another account already uses that email address.", {
          fieldErrors: { email: ["Another account already uses that email address."] },
        });
      }
      const [invited] = await tx
        .select({ id: invitations.id })
        .from(invitations)
        .where(and(eq(invitations.orgId, actor.orgId), eq(invitations.email, input.email), eq(invitations.status, "pending")));
      if (invited) {
        // Otherwise that invitation could never be accepted and would hold a seat until it expires.
        throw new AppError("CONFLICT", "That address has a pending invitation here. Revoke it first.", {
          fieldErrors: { email: ["That address has a pending invitation here. Revoke it first."] },
        });
      }
      if (!self) {
        // A person's sign-in is theirs: another organization's Admin must not move it.
        const [elsewhere] = await tx
          .select({ id: memberships.id })
          .from(memberships)
          .where(and(eq(memberships.userId, target.userId), ne(memberships.orgId, actor.orgId)));
        if (elsewhere) {
          throw new AppError("FORBIDDEN", "This person also belongs to another organization: only they can change their email.", {
            fieldErrors: { email: ["Only this person can change their email: they belong to another organization too."] },
          });
        }
      }
    }

    if (profileChanged) {
      await tx
        .update(users)
        .set({ firstName: input.firstName, lastName: input.lastName || null, name, email: input.email, phone: input.phone })
        .where(eq(users.id, target.userId));
    }
    if (roleChanged) {
      await tx
        .update(memberships)
        .set({ role: input.role, updatedAt: new Date() })
        .where(eq(memberships.id, target.membershipId));
      await tx.insert(notifications).values({
        userId: target.userId,
        orgId: actor.orgId,
        kind: "role_changed",
        title: `Your role is now ${roleLabels[input.role]}`,
        body: `${actor.name ?? actor.email} changed your role from ${roleLabels[target.role]} to ${roleLabels[input.role]}.`,
      });
      await enqueueEmail(tx, {
        to: input.email,
        template: "role-changed",
        props: {
          orgName: actor.orgName,
          changedBy: actor.name ?? actor.email,
          fromRole: roleLabels[target.role],
          toRole: roleLabels[input.role],
          url: `${options.baseUrl}/o/${actor.orgSlug}/users`,
        },
      });
    }
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: roleChanged ? "member.role_changed" : "member.updated",
      target: { id: target.userId, email: input.email },
      subject: { type: "membership", id: target.membershipId },
      before: {
        name: target.name,
        email: target.email,
        phone: target.phone,
        role: target.role,
      },
      after: { name, email: input.email, phone: input.phone, role: input.role },
    });
    return { changed: true as const, roleChanged };
  });
  if (result.changed && result.roleChanged) kickEmailSender();
  return result;
}

/**
 * The email check above and the write are one transaction, but another account may take the same
 * address in between: the unique index decides, and its answer becomes the same field message.
 */
export async function updateMember(ctx: MemberContext, input: UpdateMemberInput, options: { baseUrl: string }) {
  try {
    return await updateMemberInTx(ctx, input, options);
  } catch (error) {
    if (!isUniqueViolation(error, "users_email_lower_key")) throw error;
    throw new AppError("CONFLICT", "Another account already uses that email address.", {
      fieldErrors: { email: ["Another account already uses that email address."] },
    });
  }
}
