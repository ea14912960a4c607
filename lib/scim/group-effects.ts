import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { memberships, planUsers, scimGroupMembers, scimGroups, users } from "@/db/schema";
import { AppError, forbidden, isAppError } from "@/lib/errors";
import { targetMember, type ActingMember } from "@/lib/members/actor";
import { changeMemberRoleInTx } from "@/lib/members/update-member";
import { canManagePlanUsers, roles, type Role } from "@/lib/permissions";
import { addPlanUserInTx } from "@/lib/plans/add-plan-user";
import { lockPlan } from "@/lib/plans/plan-seats";
import { removeFromPlanInTx } from "@/lib/plans/remove-plan-user";
import { groupNameKey, resolveGroupMeanings, sameEffect, type GroupMeaning } from "./group-mapping";

/**
 * The effects of a change to one SCIM group on the members it touches (SPEC C4, decision 087),
 * inside the caller's transaction after it locked the organization (lockActor) and the group.
 * Every effect runs the pages' own service, so every rule holds; the first refusal throws and the
 * caller's transaction writes nothing at all.
 *
 * - Role groups (R1–R3): joining a role group above the member's role promotes them to it; leaving
 *   the highest role group they were in, when their role was that group's, makes them the next
 *   role group's role, or User; joining a lower group never demotes. The directory may demote Admins, never its
 *   token's creator; a suspended member's role does not change (refused, R9); R7 is checked by the
 *   role change itself.
 * - Plan groups (P1, P3, P6, T5): a member who is now in a group of the plan and not on it is added
 *   within the plan's seats (Add User To Plan); a member who was in a group of the plan and is in
 *   none any more is removed with P6's effects (Remove from plan). The subscriber is never removed.
 *
 * Touched: the members added to or removed from the group, and all of them when the group's
 * meaning changes (a rename, a new mapping's name, a deletion).
 */

/** A group as it was or will be: its name and its members' user ids. `null`: it did not / will not exist. */
export type GroupSide = { name: string; members: ReadonlySet<string> } | null;

export type GroupEffect =
  | { kind: "role"; userId: string; email: string; from: Role; to: Role }
  | { kind: "plan_added" | "plan_removed"; userId: string; email: string; productName: string };

const NONE: GroupMeaning = { kind: "none", reason: "unmapped", detail: "" };
const CHUNK = 5_000;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Highest first: Admin, Manager, User (the order of `roles`). */
const rank = (role: Role) => roles.length - roles.indexOf(role);
function highest(list: Iterable<Role>): Role | null {
  let best: Role | null = null;
  for (const role of list) if (!best || rank(role) > rank(best)) best = role;
  return best;
}

/** A refusal about one of many members names them, so the identity provider's admin knows whom. */
async function forMember<T>(email: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isAppError(error) && !error.message.includes(email)) {
      throw new AppError(error.code, `${email}: ${error.message}`, { fieldErrors: error.fieldErrors });
    }
    throw error;
  }
}

export async function applyGroupEffects(
  tx: Tx,
  actor: ActingMember,
  change: { groupId: string | null; before: GroupSide; after: GroupSide },
  options: { baseUrl: string },
): Promise<GroupEffect[]> {
  const { before, after } = change;
  const meanings = await resolveGroupMeanings(tx, actor.orgId, [before?.name, after?.name].filter((n): n is string => !!n));
  const was = before ? meanings.get(groupNameKey(before.name))! : NONE;
  const will = after ? meanings.get(groupNameKey(after.name))! : NONE;
  if (was.kind === "none" && will.kind === "none") return [];

  const inBefore = before?.members ?? new Set<string>();
  const inAfter = after?.members ?? new Set<string>();
  const touched = new Set<string>();
  for (const id of inAfter) if (!inBefore.has(id)) touched.add(id);
  for (const id of inBefore) if (!inAfter.has(id)) touched.add(id);
  if (!sameEffect(was, will)) for (const id of [...inBefore, ...inAfter]) touched.add(id);
  if (!touched.size) return [];

  // Only people who are members now: a group may still list someone deleted since (kept, unused).
  const people = new Map<string, { role: Role; email: string }>();
  for (const ids of chunks([...touched])) {
    const rows = await tx
      .select({ userId: memberships.userId, role: memberships.role, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, actor.orgId), inArray(memberships.userId, ids)));
    for (const row of rows) people.set(row.userId, row);
  }
  const ids = [...people.keys()].sort((a, b) => people.get(a)!.email.localeCompare(people.get(b)!.email) || a.localeCompare(b));
  if (!ids.length) return [];

  // The other groups each touched member is in (this group left out: its before and after are given).
  const otherNames = new Map<string, string[]>();
  for (const chunk of chunks(ids)) {
    const rows = await tx
      .select({ userId: scimGroupMembers.userId, name: scimGroups.displayName })
      .from(scimGroupMembers)
      .innerJoin(scimGroups, eq(scimGroups.id, scimGroupMembers.groupId))
      .where(
        and(
          eq(scimGroups.orgId, actor.orgId),
          inArray(scimGroupMembers.userId, chunk),
          ...(change.groupId ? [ne(scimGroups.id, change.groupId)] : []),
        ),
      );
    for (const row of rows) otherNames.set(row.userId, [...(otherNames.get(row.userId) ?? []), row.name]);
  }
  const otherMeanings = await resolveGroupMeanings(tx, actor.orgId, [...otherNames.values()].flat());
  const othersOf = (userId: string) => (otherNames.get(userId) ?? []).map((name) => otherMeanings.get(groupNameKey(name))!);

  const effects: GroupEffect[] = [];
  const ref = { id: actor.userId, email: actor.email };

  // Plans first, then roles: one lock order (organization → plan → memberships), decision 005.
  const planIds = [...new Set([was, will].flatMap((m) => (m.kind === "plan" ? [m.planId] : [])))].sort();
  for (const planId of planIds) {
    const inPlanGroup = (meaning: GroupMeaning) => meaning.kind === "plan" && meaning.planId === planId;
    const onPlan = new Set<string>();
    for (const chunk of chunks(ids)) {
      const rows = await tx
        .select({ userId: planUsers.userId })
        .from(planUsers)
        .where(and(eq(planUsers.planId, planId), inArray(planUsers.userId, chunk)));
      for (const row of rows) if (row.userId) onPlan.add(row.userId);
    }
    for (const userId of ids) {
      const others = othersOf(userId).some(inPlanGroup);
      const wasIn = others || (inPlanGroup(was) && inBefore.has(userId));
      const isIn = others || (inPlanGroup(will) && inAfter.has(userId));
      const { email } = people.get(userId)!;
      if (isIn && !onPlan.has(userId)) {
        await forMember(email, () => addPlanUserInTx(tx, actor, planId, userId));
        effects.push({ kind: "plan_added", userId, email, productName: planName(was, will, planId) });
      } else if (!isIn && wasIn && onPlan.has(userId)) {
        await forMember(email, async () => {
          const plan = await lockPlan(tx, actor.orgId, planId);
          if (!canManagePlanUsers(actor, plan.subscriberId)) throw forbidden("Only the plan's subscriber and Admins remove its users.");
          await removeFromPlanInTx(tx, {
            planId,
            userId,
            actor: ref,
            target: { id: userId, email },
            notify: { orgSlug: actor.orgSlug, orgName: actor.orgName, actorName: actor.name ?? actor.email, baseUrl: options.baseUrl },
          });
        });
        effects.push({ kind: "plan_removed", userId, email, productName: planName(was, will, planId) });
      }
    }
  }

  if (was.kind === "role" || will.kind === "role") {
    const changes: Array<{ userId: string; to: Role }> = [];
    for (const userId of ids) {
      const others = othersOf(userId).flatMap((m) => (m.kind === "role" ? [m.role] : []));
      const rolesBefore = [...others, ...(was.kind === "role" && inBefore.has(userId) ? [was.role] : [])];
      const rolesAfter = [...others, ...(will.kind === "role" && inAfter.has(userId) ? [will.role] : [])];
      // R1–R3 for the directory: joining a role group promotes to it when it is above the
      // member's role; a member whose role came from their highest role group and who leaves it
      // falls to the next role group they are in, or to User. Joining a lower group never demotes:
      // an identity provider pushing a catch-all "Users" group before "Admins" demotes nobody.
      const current = people.get(userId)!.role;
      const highBefore = highest(rolesBefore);
      const highAfter = highest(rolesAfter);
      let to: Role | null = null;
      if (highAfter && rank(highAfter) > rank(current)) to = highAfter;
      else if (highBefore && highBefore === current && highAfter !== highBefore) to = highAfter ?? "user";
      if (to && to !== current) changes.push({ userId, to });
    }
    // Promotions before demotions, so a list that swaps Admins never passes through fewer of them (R7).
    changes.sort((a, b) => rank(b.to) - rank(a.to));
    for (const { userId, to } of changes) {
      const { email } = people.get(userId)!;
      const result = await forMember(email, async () => changeMemberRoleInTx(tx, actor, await targetMember(tx, actor.orgId, userId), to, options));
      effects.push({ kind: "role", userId, email, from: result.from, to });
    }
  }
  return effects;
}

function planName(was: GroupMeaning, will: GroupMeaning, planId: string): string {
  for (const m of [will, was]) if (m.kind === "plan" && m.planId === planId) return m.productName;
  return "the plan";
}
