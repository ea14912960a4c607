import "server-only";
import type { MemberContext } from "@/lib/auth/session";
import { forbidden } from "@/lib/errors";
import { canManageInvitations } from "@/lib/permissions";
import { listOpenInvitations } from "./queries";

/** Manage Invites (I3) for those who may open it (R1: Admins and Managers), as the page checks. */
export async function listManagedInvitations(ctx: MemberContext) {
  if (!canManageInvitations(ctx.membership.role)) throw forbidden("Only Admins and Managers manage invitations.");
  return listOpenInvitations(ctx);
}
