import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { plans, products, scimGroupMappings, scimGroupMembers, scimGroups } from "@/db/schema";
import { roles, type Role } from "@/lib/permissions";

/**
 * What a SCIM group's name means in an organization (SPEC C4, docs/decisions/087):
 * - an Admin's row in scim_group_mappings for that name (compared case-insensitively) first: a
 *   role or a plan of this organization;
 * - else, by default, `Admins`, `Managers` and `Users` mean that role, and a group named like the
 *   product of one of the organization's plans ("PDoc Share") means that plan's users;
 * - else nothing: the group and its member list are kept, and membership in it changes nothing.
 */
export type GroupMeaning =
  | { kind: "role"; role: Role; source: "mapping" | "default" }
  | { kind: "plan"; planId: string; productName: string; source: "mapping" | "default" }
  | { kind: "none"; reason: "unmapped" | "ambiguous"; detail: string };

/** The group names that mean a role without any mapping (C4), keyed by `groupNameKey`. */
export const defaultRoleGroups: Record<string, Role> = { admins: "admin", managers: "manager", users: "user" };

/** Group names compare like the unique index on them: trimmed, lower-cased. */
export function groupNameKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * The meaning of each name, in a few statements whatever their number (the settings page shows
 * every pushed group's meaning; a group change resolves the groups of every member it touches).
 * The map is keyed by `groupNameKey(name)`.
 */
export async function resolveGroupMeanings(db: DbOrTx, orgId: string, names: Iterable<string>): Promise<Map<string, GroupMeaning>> {
  const keys = [...new Set([...names].map(groupNameKey))];
  const result = new Map<string, GroupMeaning>();
  if (!keys.length) return result;
  const mappings = await db
    .select({ key: sql<string>`lower(${scimGroupMappings.groupName})`, role: scimGroupMappings.role, planId: scimGroupMappings.planId, productName: products.name })
    .from(scimGroupMappings)
    // A mapping's plan must be this organization's; a row naming another's would mean nothing.
    .leftJoin(plans, and(eq(plans.id, scimGroupMappings.planId), eq(plans.orgId, orgId)))
    .leftJoin(products, eq(products.id, plans.productId))
    .where(and(eq(scimGroupMappings.orgId, orgId), inArray(sql`lower(${scimGroupMappings.groupName})`, keys)));
  const byMapping = new Map(mappings.map((m) => [m.key, m]));
  const planRows = await db
    .select({ planId: plans.id, key: sql<string>`lower(${products.name})`, productName: products.name })
    .from(plans)
    .innerJoin(products, eq(products.id, plans.productId))
    .where(and(eq(plans.orgId, orgId), inArray(sql`lower(${products.name})`, keys)));
  const plansByName = new Map<string, Array<{ planId: string; productName: string }>>();
  for (const row of planRows) plansByName.set(row.key, [...(plansByName.get(row.key) ?? []), row]);

  for (const key of keys) {
    const mapping = byMapping.get(key);
    if (mapping) {
      if (mapping.role) result.set(key, { kind: "role", role: mapping.role, source: "mapping" });
      else if (mapping.planId && mapping.productName) result.set(key, { kind: "plan", planId: mapping.planId, productName: mapping.productName, source: "mapping" });
      else result.set(key, { kind: "none", reason: "unmapped", detail: "Its mapping names a plan this organization no longer has." });
      continue;
    }
    const role = defaultRoleGroups[key];
    if (role) {
      result.set(key, { kind: "role", role, source: "default" });
      continue;
    }
    // One plan per product and organization (plans_org_product_key), but two products could one
    // day share a name: then the name is ambiguous and means nothing until an Admin maps it.
    const named = plansByName.get(key) ?? [];
    if (named.length === 1) {
      result.set(key, { kind: "plan", planId: named[0].planId, productName: named[0].productName, source: "default" });
    } else if (named.length > 1) {
      result.set(key, { kind: "none", reason: "ambiguous", detail: "Several plans have this name: map the group to one of them." });
    } else {
      result.set(key, { kind: "none", reason: "unmapped", detail: "No role or plan has this name, and no mapping names it." });
    }
  }
  return result;
}

/** The meaning of one name (see resolveGroupMeanings). */
export async function resolveGroupMeaning(db: DbOrTx, orgId: string, name: string): Promise<GroupMeaning> {
  return (await resolveGroupMeanings(db, orgId, [name])).get(groupNameKey(name))!;
}

/** Whether two meanings have the same effect (a rename that keeps the meaning changes nothing). */
export function sameEffect(a: GroupMeaning, b: GroupMeaning): boolean {
  if (a.kind === "role" && b.kind === "role") return a.role === b.role;
  if (a.kind === "plan" && b.kind === "plan") return a.planId === b.planId;
  return a.kind === "none" && b.kind === "none";
}

/**
 * The role a person's SCIM groups give them in an organization — the highest of their role groups
 * — or null when they are in none (then the groups say nothing about their role). For a member
 * restored by SCIM, whose group memberships were kept while they were away (decision 087).
 */
export async function roleFromGroups(db: DbOrTx, orgId: string, userId: string): Promise<Role | null> {
  const rows = await db
    .select({ name: scimGroups.displayName })
    .from(scimGroupMembers)
    .innerJoin(scimGroups, eq(scimGroups.id, scimGroupMembers.groupId))
    .where(and(eq(scimGroups.orgId, orgId), eq(scimGroupMembers.userId, userId)));
  const meanings = await resolveGroupMeanings(db, orgId, rows.map((r) => r.name));
  const held = new Set([...meanings.values()].flatMap((m) => (m.kind === "role" ? [m.role] : [])));
  return roles.find((role) => held.has(role)) ?? null;
}
