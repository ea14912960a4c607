"use server";

import { z } from "zod";
import { memberAction } from "@/lib/action";
import { inviteMembers } from "@/lib/invitations/invite-members";
import { inviteMembersSchema } from "@/lib/invitations/schemas";
import { deleteMember } from "@/lib/members/delete-member";
import { memberIdSchema, updateMemberSchema } from "@/lib/members/schemas";
import { setMemberStatus } from "@/lib/members/set-member-status";
import { applyBulk, bulkMembersSchema } from "@/lib/members/bulk-members";
import { cancelMemberEmailChange, changeMemberRole, updateMember } from "@/lib/members/update-member";
import { roleLabels, roles } from "@/lib/permissions";
import { refreshOrganization } from "@/lib/revalidate";
import { appBaseUrl } from "@/lib/url";

// POST (server action) – Invite Teammate: one result per email (SPEC I1, R1, T3, T5).
export const inviteMembersAction = memberAction(inviteMembersSchema, async (input, ctx) => {
  const results = await inviteMembers(ctx, input, { baseUrl: await appBaseUrl() });
  refreshOrganization(ctx.org.slug);
  const sent = results.filter((r) => r.outcome === "invited" || r.outcome === "resent").length;
  return { message: `${sent} of ${results.length} invitation${results.length === 1 ? "" : "s"} sent.`, data: results };
});

// POST (server action) – Edit user: profile fields (R2) and role (R3, R7).
export const updateMemberAction = memberAction(updateMemberSchema, async (input, ctx) => {
  const result = await updateMember(ctx, input, { baseUrl: await appBaseUrl() });
  refreshOrganization(ctx.org.slug);
  if (!result.changed) return "Nothing to change.";
  if (result.emailPendingConfirmation) {
    return `Saved. The sign-in email changes once ${result.emailPendingConfirmation} is confirmed: we sent a link there.`;
  }
  return "Saved. The change applies from the next page they open.";
});

// POST (server action) – withdraw a member's pending email change (R2).
export const cancelEmailChangeAction = memberAction(memberIdSchema, async ({ userId }, ctx) => {
  await cancelMemberEmailChange(ctx, userId);
  refreshOrganization(ctx.org.slug);
  return "The email change was cancelled; the link sent for it no longer works.";
});

// POST (server action) – Delete User (R4, R5, R6).
export const deleteMemberAction = memberAction(memberIdSchema, async ({ userId }, ctx) => {
  const { name } = await deleteMember(ctx, userId);
  refreshOrganization(ctx.org.slug);
  return `${name} was deleted; their seat is free.`;
});

const statusSchema = memberIdSchema.extend({ status: z.enum(["active", "suspended"]) });

// POST (server action) – Suspend / Re-activate (R9).
export const setMemberStatusAction = memberAction(statusSchema, async ({ userId, status }, ctx) => {
  const { name } = await setMemberStatus(ctx, userId, status);
  refreshOrganization(ctx.org.slug);
  return status === "suspended" ? `${name} is suspended. Their seat and work are kept.` : `${name} is active again.`;
});

const changeRoleSchema = memberIdSchema.extend({ role: z.enum(roles, { error: "Choose a role: Admin, Manager or User." }) });

// POST (server action) – change a member's role from the Users row (R3, R7; the edit form's rules).
export const changeRoleAction = memberAction(changeRoleSchema, async ({ userId, role }, ctx) => {
  const changed = await changeMemberRole(ctx, userId, role, { baseUrl: await appBaseUrl() });
  refreshOrganization(ctx.org.slug);
  return `${changed.name} is now ${roleLabels[changed.to]}.`;
});

// POST (server action) – a bulk action on the selected rows of Users: one result per row, each
// row done or refused whole, by the same rules as its own menu (R3, R4, R9, R1, T3).
export const bulkMembersAction = memberAction(bulkMembersSchema, async (input, ctx) => {
  const results = await applyBulk(ctx, input, { baseUrl: await appBaseUrl() });
  refreshOrganization(ctx.org.slug);
  const done = results.filter((r) => r.ok).length;
  return { message: `${done} of ${results.length} done.`, data: results };
});
