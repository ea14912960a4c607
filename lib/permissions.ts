/**
 * The whole role table of SPEC §3 (R1–R4, R9), §7 (S2, S3), §5 (P1, P7), §8 (O1, O4), T4 and A1.
 * Pure functions, no I/O: pages call them to hide or disable controls, and every server path
 * calls them again. Nothing else in the code base compares roles.
 */
export const roles = ["admin", "manager", "user"] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: "Admin",
  manager: "Manager",
  user: "User",
};

/** Someone acting, or acted upon, inside one organization. */
export type Actor = { userId: string; role: Role };

/** A member acted upon; `status` matters where a suspension changes the rule (R3 with R9). */
export type Target = Actor & { status?: "active" | "suspended" };

/** R1: Admins grant any role; Managers grant User only; Users invite nobody. */
export function canInvite(actor: Role, grant: Role): boolean {
  if (actor === "admin") return true;
  if (actor === "manager") return grant === "user";
  return false;
}

/** The roles this inviter may put on an invitation (R1), for the role picker. */
export function grantableRoles(actor: Role): Role[] {
  return roles.filter((role) => canInvite(actor, role));
}

/** Whether the actor may open Invite Teammate / Manage Invites at all (R1, I3). */
export function canManageInvitations(actor: Role): boolean {
  return grantableRoles(actor).length > 0;
}

/**
 * Resending or revoking an invitation is granting (or withdrawing) its role again: allowed to
 * those who could have sent it (R1). A Manager cannot touch an Admin's or Manager's invitation.
 */
export function canManageInvitation(actor: Role, invitationRole: Role): boolean {
  return canInvite(actor, invitationRole);
}

/**
 * R2: name, email and phone. Everyone edits their own; Admins edit Managers and Users; Managers
 * edit Users; nobody edits another Admin.
 */
export function canEditProfile(actor: Actor, target: Actor): boolean {
  if (actor.userId === target.userId) return true;
  if (target.role === "admin") return false;
  if (actor.role === "admin") return true;
  if (actor.role === "manager") return target.role === "user";
  return false;
}

/**
 * R3: only Admins change roles; nobody changes another Admin's role (R2); an Admin may change
 * their own role (step down) — whether another Admin remains (R7) is checked against the
 * database under a lock by the service, not here. A suspended member's role does not change
 * (R9): promoted to Admin they could never be re-activated, deleted or demoted again.
 */
export function canChangeRole(actor: Actor, target: Target, to: Role): boolean {
  if (actor.role !== "admin") return false;
  if (target.role === to) return false;
  if (target.status === "suspended") return false;
  if (actor.userId === target.userId) return true;
  return target.role !== "admin";
}

/** The roles the actor may set on the target (R3), the target's own role included. */
export function assignableRoles(actor: Actor, target: Target): Role[] {
  return roles.filter((role) => role === target.role || canChangeRole(actor, target, role));
}

/**
 * R4: Admins delete Managers and Users; Managers delete Managers and Users; Users delete nobody;
 * nobody deletes an Admin. Delete User acts on someone else: nobody deletes themselves with it.
 */
export function canDeleteMember(actor: Actor, target: Actor): boolean {
  if (actor.userId === target.userId) return false;
  if (target.role === "admin") return false;
  return actor.role === "admin" || actor.role === "manager";
}

/** R9: who may suspend or re-activate whom follows R4. */
export function canSuspendMember(actor: Actor, target: Actor): boolean {
  return canDeleteMember(actor, target);
}

/** Users page: Admins and Managers manage users (Invite Teammate, Manage Invites, edit). */
export function canManageUsers(actor: Role): boolean {
  return actor === "admin" || actor === "manager";
}

/** T4: only Admins change the organization's tier. */
export function canChangeTier(actor: Role): boolean {
  return actor === "admin";
}

/** A1: Admins read the Activity page. */
export function canReadAudit(actor: Role): boolean {
  return actor === "admin";
}

/** I6: an Admin of a client organization invites a supplier company. */
export function canInviteSupplier(actor: Role, orgKind: "client" | "supplier"): boolean {
  return actor === "admin" && orgKind === "client";
}

/** S2: force check-in and transfer — Admins and Managers on any survey, Users on their own. */
export function canForceCheckIn(actor: Actor, surveyOwnerId: string): boolean {
  return actor.role !== "user" || actor.userId === surveyOwnerId;
}

export function canTransferSurvey(actor: Actor, surveyOwnerId: string): boolean {
  return actor.role !== "user" || actor.userId === surveyOwnerId;
}

/** S2: merge — Admins and Managers on any two surveys, Users only when they own both. */
export function canMergeSurveys(actor: Actor, sourceOwnerId: string, targetOwnerId: string): boolean {
  if (actor.role !== "user") return true;
  return actor.userId === sourceOwnerId && actor.userId === targetOwnerId;
}

/** S1: while a survey is checked out, only the member holding it edits it. */
export function canEditSurvey(actor: Actor, checkedOutById: string | null): boolean {
  return checkedOutById === actor.userId;
}

/**
 * S1: every member creates and edits surveys ("Create and edit surveys" is in every role of the
 * Ecobot article), so any member may check out a survey nobody holds — the owner's rights are
 * about managing it (S2), not about editing it. docs/decisions/020.
 */
export function canCheckOutSurvey(_actor: Actor, checkedOutById: string | null): boolean {
  return checkedOutById === null;
}

/** S1: checking in (without force) is releasing one's own check-out. */
export function canCheckInSurvey(actor: Actor, checkedOutById: string | null): boolean {
  return checkedOutById !== null && checkedOutById === actor.userId;
}

/**
 * The survey's share link (create, replace, turn off) is managing the survey, like S2: its owner,
 * and Admins and Managers on any survey. docs/decisions/022.
 */
export function canManageSurveyShareLink(actor: Actor, surveyOwnerId: string): boolean {
  return actor.role !== "user" || actor.userId === surveyOwnerId;
}

/** S3: Admins and Managers export a member's surveys before deleting them. */
export function canExportMemberSurveys(actor: Role): boolean {
  return actor === "admin" || actor === "manager";
}

/** P1: Admins subscribe the organization to a product. */
export function canSubscribe(actor: Role): boolean {
  return actor === "admin";
}

/** P7 (and P1 for plan seats): the plan's subscriber and the organization's Admins. */
export function canManagePlanUsers(actor: Actor, subscriberId: string): boolean {
  return actor.role === "admin" || actor.userId === subscriberId;
}

export function canChangePlanSeats(actor: Actor, subscriberId: string): boolean {
  return canManagePlanUsers(actor, subscriberId);
}

/** O1: only the subscriber offers the plan to someone else (and cancels that offer). */
export function canTransferOwnership(actor: Actor, subscriberId: string): boolean {
  return actor.userId === subscriberId;
}

/** O4: an Admin reassigns a plan at once, without acceptance. */
export function canReassignPlan(actor: Role): boolean {
  return actor === "admin";
}

// ── Product plans, the product area and ownership transfer (SPEC §5, §6, §8) ──────────────────

/**
 * The capabilities of a product area that a product's permissions unlock (P5). Every product
 * names them in its own words (db/catalog.ts); docs/decisions/011 says where each is checked.
 */
export const planCapabilities = ["workflows.view_all", "workflows.create", "tasks.send"] as const;
export type PlanCapability = (typeof planCapabilities)[number];

export type PlanUserMode = "several" | "unlimited" | "single";

/** P3: Add User To Plan (and "plans to join") exists only on plans that allow several users. */
export function planAllowsAddingUsers(mode: PlanUserMode): boolean {
  return mode !== "single";
}

/** P1 with I6: Admins subscribe; Service (supplier-only) only in a supplier organization. */
export function canSubscribeToProduct(actor: Role, orgKind: "client" | "supplier", product: { supplierOnly: boolean }): boolean {
  return canSubscribe(actor) && (!product.supplierOnly || orgKind === "supplier");
}

/**
 * P3 with R1: inviting a new person from a plan (Add User To Plan, Transfer Ownership to a new
 * person) makes them a member with the User role, so it needs both: managing the plan's users
 * (P7) and being allowed to invite (Admins and Managers). A User who subscribes to a plan adds
 * existing members only.
 */
export function canInviteToPlan(actor: Actor, subscriberId: string): boolean {
  return canManagePlanUsers(actor, subscriberId) && canInvite(actor.role, "user");
}

/** I1 with P7: a plan offered under "plans to join" of Invite Teammate. */
export function canOfferPlanOnInvite(actor: Actor, plan: { subscriberId: string; userMode: PlanUserMode }): boolean {
  return canManagePlanUsers(actor, plan.subscriberId) && planAllowsAddingUsers(plan.userMode);
}

/** P5: permissions of the subscriber are not edited — the subscriber always has all of them. */
export function canEditPlanUserPermissions(actor: Actor, subscriberId: string, targetUserId: string | null): boolean {
  return canManagePlanUsers(actor, subscriberId) && targetUserId !== subscriberId;
}

/** P6 with P7: the plan's managers remove anyone but the subscriber. */
export function canRemoveFromPlan(actor: Actor, subscriberId: string, targetUserId: string | null): boolean {
  return canManagePlanUsers(actor, subscriberId) && targetUserId !== subscriberId;
}

/** P5: the subscriber always holds every permission; anyone else what they were granted. */
export function hasPlanPermission(
  planUser: { userId: string; granted: readonly string[] },
  subscriberId: string,
  capability: PlanCapability,
): boolean {
  return planUser.userId === subscriberId || planUser.granted.includes(capability);
}

/** §6 with P5: a plan user sees their own workflows, and everyone's with "view all". */
export function canSeeWorkflowsOf(
  planUser: { userId: string; granted: readonly string[] },
  subscriberId: string,
  ownerId: string,
): boolean {
  return planUser.userId === ownerId || hasPlanPermission(planUser, subscriberId, "workflows.view_all");
}

/** §6: a task is marked done by its assignee or by its sender. */
export function canCompleteTask(userId: string, task: { assigneeId: string; senderId: string }): boolean {
  return userId === task.assigneeId || userId === task.senderId;
}

/** O1: the subscriber who offered the plan cancels the offer (while still its subscriber). */
export function canCancelTransfer(actor: Actor, transfer: { fromUserId: string }, subscriberId: string): boolean {
  return actor.userId === transfer.fromUserId && actor.userId === subscriberId;
}

/** O1, O2: only the recipient accepts or declines. */
export function canRespondToTransfer(actor: Actor, toUserId: string | null): boolean {
  return toUserId !== null && actor.userId === toUserId;
}

/**
 * Leave organization: every member may leave of their own accord, whatever their role; what could
 * still stop them is checked against the database under the organization's lock by the service —
 * R7 (the last Admin stays) and R5 (surveys and plans they own are transferred first).
 */
export function canLeaveOrganization(_actor: Role): boolean {
  return true;
}

/** D1, D2: Admins add, verify and remove the organization's domains and set their join policies. */
export function canManageDomains(actor: Role): boolean {
  return actor === "admin";
}

/** D2: Admins answer requests to join (Approve within seats, or Decline). */
export function canAnswerJoinRequests(actor: Role): boolean {
  return actor === "admin";
}

/** D3, D4: Admins configure single sign-on, which domains require it and who is break-glass. */
export function canManageSso(actor: Role): boolean {
  return actor === "admin";
}
