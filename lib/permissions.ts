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

/**
 * Someone acting, or acted upon, inside one organization. `directory` is set when the actor is the
 * organization's identity provider through a SCIM token (issue 17, docs/decisions/086): an Admin
 * that may also demote, suspend and delete Admins — the directory of record decides who is one —
 * but never its own token's creator, and never the last Admin (R7, checked by the service under
 * the organization's lock).
 */
export type Actor = { userId: string; role: Role; directory?: boolean };

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
 * edit Users; nobody edits another Admin — except the directory (SCIM), the record of everyone's
 * name, Admins' included. An email still moves only under R2's proof (docs/decisions/086).
 */
export function canEditProfile(actor: Actor, target: Actor): boolean {
  if (actor.userId === target.userId) return true;
  if (actor.directory) return actor.role === "admin";
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
  if (actor.directory) return actor.userId !== target.userId;
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
  if (actor.directory) return actor.role === "admin";
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

/** W1: Admins register webhook endpoints, see their delivery logs, re-enable and replay. */
export function canManageWebhooks(actor: Role): boolean {
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

/** S1, #14.12: anyone who can read a survey checked out by someone else may ask the holder to check it in. */
export function canAskToCheckIn(actor: Actor, checkedOutById: string | null): boolean {
  return checkedOutById !== null && checkedOutById !== actor.userId;
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

/**
 * O4 on one plan (#14.16): an Admin reassigns a plan someone else subscribes to. Its own
 * subscriber transfers it (O1) instead: "Reassign now" is not for them.
 */
export function canReassignPlanOf(actor: Actor, subscriberId: string): boolean {
  return canReassignPlan(actor.role) && actor.userId !== subscriberId;
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

// ── The Users page's questions (issue 14 items 6, 7, 24): asked here, never decided in a component ──

/** Who may select rows of Users and use its bulk actions: those who manage users (R4, R9, I3). */
export function canSelectMembers(actor: Role): boolean {
  return canManageUsers(actor);
}

/** Whether the bulk bar offers Change role at all (R3: only Admins change roles). */
export function canChangeRoles(actor: Role): boolean {
  return canChangeRole({ userId: "", role: actor }, { userId: "another", role: "user" }, "manager");
}

/** A row of Users as the permission questions see it: a member, or a pending invitation. */
export type PersonTarget = {
  kind: "member" | "invitation";
  id: string;
  role: Role;
  status?: "active" | "suspended" | "invited" | "expired";
  /** R5: why Delete User is refused for this member (surveys or plans to transfer first), if it is. */
  deleteBlocked?: string | null;
};

export type PersonOp = "suspend" | "reactivate" | "delete" | "role" | "resend" | "revoke";

/** Which kind of row each Users operation acts on. */
export const personOpKind: Record<PersonOp, "member" | "invitation"> = {
  suspend: "member",
  reactivate: "member",
  delete: "member",
  role: "member",
  resend: "invitation",
  revoke: "invitation",
};

/** What the viewer may do with one row of Users, for its pencil and ⋮ menu (the server checks again). */
export function personRowActions(viewer: Actor, row: PersonTarget) {
  if (row.kind === "invitation") {
    const manage = canManageInvitation(viewer.role, row.role);
    return { edit: false, roles: [] as Role[], suspend: false, delete: false, resend: manage, revoke: manage };
  }
  const target = asTarget(row);
  const assignable = assignableRoles(viewer, target);
  return {
    edit: canEditProfile(viewer, target) || assignable.length > 1,
    roles: assignable.length > 1 ? assignable : [],
    suspend: canSuspendMember(viewer, target),
    delete: canDeleteMember(viewer, target),
    resend: false,
    revoke: false,
  };
}

function asTarget(row: PersonTarget): Target {
  return { userId: row.id, role: row.role, status: row.status === "suspended" ? "suspended" : "active" };
}

/**
 * Why `op` cannot apply to this row for this viewer — R3, R4, R5, R9, R1 and the row's own state
 * — or null when it can. The bulk dialog says it before anything is confirmed (issue 14.6); the
 * services refuse the same rows again with the same rules.
 */
export function personOpRefusal(viewer: Actor, op: PersonOp, row: PersonTarget, to?: Role): string | null {
  if (row.kind !== personOpKind[op]) return row.kind === "invitation" ? "An invitation, not a member." : "A member, not an invitation.";
  const self = row.kind === "member" && row.id === viewer.userId;
  const target = asTarget(row);
  switch (op) {
    case "suspend":
    case "reactivate":
      if (!canSuspendMember(viewer, target)) {
        const verb = op === "suspend" ? "suspend" : "re-activate";
        return self ? `You cannot ${verb} yourself.` : row.role === "admin" ? `Nobody ${verb}s an Admin.` : `Only Admins and Managers ${verb} users.`;
      }
      if (op === "suspend" && target.status === "suspended") return "Already suspended.";
      if (op === "reactivate" && target.status === "active") return "Already active.";
      return null;
    case "delete":
      if (!canDeleteMember(viewer, target)) {
        return self ? "You cannot delete yourself." : row.role === "admin" ? "Nobody deletes an Admin." : "Only Admins and Managers delete users.";
      }
      return row.deleteBlocked ?? null;
    case "role":
      if (!to) return "Choose the new role first.";
      if (to === row.role) return `Already ${roleLabels[to]}.`;
      if (canChangeRole(viewer, target, to)) return null;
      if (viewer.role !== "admin") return "Only Admins promote or demote members.";
      if (target.status === "suspended") return "Suspended: re-activate them before changing their role.";
      return "Nobody changes another Admin's role.";
    case "resend":
    case "revoke":
      return canManageInvitation(viewer.role, row.role) ? null : `Only Admins manage an invitation as ${roleLabels[row.role]}.`;
  }
}

/** One thing a role may do, keyed so that two roles' versions of it can be compared. */
export type RoleCapability = { key: string; text: string };

const listOf = (items: string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);
const pluralRole = (role: Role) => `${roleLabels[role]}s`;

/**
 * What a role may do, read from the functions above (not written beside them), so the Change
 * role dialog's descriptions cannot drift from the rules the server applies (issue 14.7).
 */
export function roleCapabilities(role: Role): RoleCapability[] {
  const actor: Actor = { userId: "actor", role };
  const others = (allowed: (target: Actor) => boolean) => roles.filter((r) => allowed({ userId: "someone else", role: r }));
  const capabilities: RoleCapability[] = [];
  if (canChangeTier(role)) capabilities.push({ key: "tier", text: "change the account subscription" });
  if (canSubscribe(role)) capabilities.push({ key: "subscribe", text: "subscribe to products" });
  if (canReadAudit(role)) capabilities.push({ key: "audit", text: "read Activity" });
  if (canChangeRoles(role)) capabilities.push({ key: "roles", text: "promote and demote members" });
  const invites = grantableRoles(role);
  if (invites.length) capabilities.push({ key: "invite", text: `invite ${listOf(invites.map(pluralRole))}` });
  const edits = others((t) => canEditProfile(actor, t));
  if (edits.length) capabilities.push({ key: "edit", text: `edit ${listOf(edits.map(pluralRole))}` });
  const deletes = others((t) => canDeleteMember(actor, t));
  if (deletes.length) capabilities.push({ key: "delete", text: `suspend and delete ${listOf(deletes.map(pluralRole))}` });
  capabilities.push(
    canTransferSurvey(actor, "someone else")
      ? { key: "surveys", text: "manage every survey" }
      : { key: "surveys", text: "manage only the surveys they own" },
  );
  return capabilities;
}

/** "Change the account subscription; …; manage every survey." — one line per role. */
export function roleSummary(role: Role): string {
  const text = roleCapabilities(role)
    .map((c) => c.text)
    .join("; ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** What a role change from `from` to `to` gives and takes away, from roleCapabilities. */
export function roleChangeEffects(from: Role, to: Role): { gains: string[]; loses: string[] } {
  const before = new Map(roleCapabilities(from).map((c) => [c.key, c.text]));
  const after = new Map(roleCapabilities(to).map((c) => [c.key, c.text]));
  const gains: string[] = [];
  const loses: string[] = [];
  // The same capability in a wider or narrower form ("every survey" / "only their own") counts
  // once: as gained on a promotion, as lost on a demotion.
  const promotion = roles.indexOf(to) < roles.indexOf(from);
  for (const [key, text] of after) if (!before.has(key) || (promotion && before.get(key) !== text)) gains.push(text);
  for (const [key, text] of before) if (!after.has(key) || (!promotion && after.get(key) !== text)) loses.push(text);
  return { gains, loses };
}

/**
 * S2 asked of one survey in a list: may the viewer merge it into some other survey? A survey the
 * viewer owns is always a target they may merge into when any is (canMergeSurveys), so the
 * question needs no made-up target owner.
 */
export function canMergeSurveyAway(actor: Actor, surveyOwnerId: string): boolean {
  return canMergeSurveys(actor, surveyOwnerId, actor.userId);
}

/** S2 for the Merge picker: whether the viewer may merge into surveys other people own (not Users). */
export function canMergeIntoOthersSurveys(actor: Actor): boolean {
  return canMergeSurveys(actor, actor.userId, `not ${actor.userId}`);
}

// ── Doors: organization API tokens (SPEC §11 K1, K2) ──────────────────────────────────────────

const roleRank: Record<Role, number> = { user: 1, manager: 2, admin: 3 };

/** Whether `role` is at or below `ceiling` (Admin > Manager > User). */
export function roleWithin(role: Role, ceiling: Role): boolean {
  return roleRank[role] <= roleRank[ceiling];
}

/** K1: Admins create, list and revoke the organization's API tokens. */
export function canManageApiTokens(actor: Role): boolean {
  return actor === "admin";
}

/** K1: a token's role is never above its creator's own. */
export function canGrantTokenRole(actor: Role, tokenRole: Role): boolean {
  return canManageApiTokens(actor) && roleWithin(tokenRole, actor);
}

/**
 * K2: the role a token acts with right now — its own role while its creator (read on this request,
 * R8) is an active member at or above it; null when the token must stop working (its creator left,
 * is suspended, or was demoted below it).
 */
export function tokenEffectiveRole(tokenRole: Role, creator: { role: Role; status: "active" | "suspended" } | null): Role | null {
  if (!creator || creator.status !== "active") return null;
  return roleWithin(tokenRole, creator.role) ? tokenRole : null;
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
