import "server-only";
import { roleLabels } from "@/lib/permissions";
import { groupNameKey, resolveGroupMeanings, type GroupMeaning } from "./group-mapping";
import { and, asc, count, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { apiTokens, memberships, plans, products, scimEvents, scimGroupMappings, scimGroupMembers, scimGroups, scimSettings, users } from "@/db/schema";
import { listApiTokens } from "@/lib/api-tokens/queries";
import type { MemberContext } from "@/lib/auth/session";
import { forbidden } from "@/lib/errors";
import { canManageProvisioning, planAllowsAddingUsers } from "@/lib/permissions";

/**
 * The reads of Settings → Provisioning (SCIM), issue 17. Each one is for Admins and scoped to the
 * caller's organization: another organization's rows are never read.
 */

/** How many provisioning events the page shows. */
export const PROVISIONING_EVENTS_SHOWN = 50;

function assertCanRead(ctx: MemberContext) {
  if (!canManageProvisioning(ctx.membership.role)) throw forbidden("Only Admins manage provisioning.");
}

/** The organization's SCIM tokens, newest first (never the token itself). */
export function listScimTokens(ctx: MemberContext) {
  return listApiTokens(ctx, "scim");
}

/** The custom group mappings, by group name, each with its role or its plan's name. */
export async function listGroupMappings(ctx: MemberContext) {
  assertCanRead(ctx);
  return db
    .select({ id: scimGroupMappings.id, groupName: scimGroupMappings.groupName, role: scimGroupMappings.role, planId: scimGroupMappings.planId, plan: products.name })
    .from(scimGroupMappings)
    .leftJoin(plans, eq(plans.id, scimGroupMappings.planId))
    .leftJoin(products, eq(products.id, plans.productId))
    .where(eq(scimGroupMappings.orgId, ctx.org.id))
    .orderBy(asc(scimGroupMappings.groupName));
}

export type PushedGroup = { id: string; displayName: string; externalId: string | null; members: number; createdAt: Date; meaning: string };

/** What a group's membership does, in words (the resolver's answer, decision 087). */
function meaningWords(meaning: GroupMeaning | undefined): string {
  if (!meaning || meaning.kind === "none") return `Nothing. ${meaning?.detail ?? "No role or plan has this name, and no mapping names it."}`;
  const from = meaning.source === "mapping" ? "your mapping" : "its name";
  return meaning.kind === "role" ? `${roleLabels[meaning.role]} role (by ${from})` : `Users of ${meaning.productName} (by ${from})`;
}

/** The groups the identity provider pushed (scim_groups), by name, with how many people each holds: one statement. */
export async function listPushedGroups(ctx: MemberContext): Promise<PushedGroup[]> {
  assertCanRead(ctx);
  const rows = await db
    .select({
      id: scimGroups.id,
      displayName: scimGroups.displayName,
      externalId: scimGroups.externalId,
      createdAt: scimGroups.createdAt,
      members: count(scimGroupMembers.userId),
    })
    .from(scimGroups)
    .leftJoin(scimGroupMembers, eq(scimGroupMembers.groupId, scimGroups.id))
    .where(eq(scimGroups.orgId, ctx.org.id))
    .groupBy(scimGroups.id)
    .orderBy(asc(scimGroups.displayName))
    .limit(500);
  const meanings = await resolveGroupMeanings(db, ctx.org.id, rows.map((r) => r.displayName));
  return rows.map((r) => ({ ...r, members: Number(r.members), meaning: meaningWords(meanings.get(groupNameKey(r.displayName))) }));
}

/** The plans a group may map to (C4 with P3): the organization's plans that take several users. */
export async function mappablePlans(ctx: MemberContext) {
  assertCanRead(ctx);
  const rows = await db
    .select({ id: plans.id, name: products.name, userMode: products.userMode })
    .from(plans)
    .innerJoin(products, eq(products.id, plans.productId))
    .where(eq(plans.orgId, ctx.org.id))
    .orderBy(asc(products.sortOrder));
  return rows.map((p) => ({ ...p, mappable: planAllowsAddingUsers(p.userMode) }));
}

/** The organization's active Admins: who a deprovisioned person's surveys and plans may go to (C3). */
export async function activeAdmins(ctx: MemberContext) {
  assertCanRead(ctx);
  return db
    .select({ userId: users.id, email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, ctx.org.id), eq(memberships.role, "admin"), eq(memberships.status, "active")))
    .orderBy(asc(users.email));
}

/**
 * C3: the deprovisioning choice as the page shows it. `applies` is false when the chosen person is
 * no longer an active Admin here (demoted, suspended, removed): SCIM deletes are then refused while
 * R5 applies, exactly as with "refuse", until an Admin chooses again (docs/decisions/088).
 */
export async function getDeprovisioning(ctx: MemberContext) {
  assertCanRead(ctx);
  const [row] = await db
    .select({
      userId: scimSettings.deprovisionTransferToUserId,
      email: users.email,
      name: users.name,
      role: memberships.role,
      status: memberships.status,
      updatedAt: scimSettings.updatedAt,
    })
    .from(scimSettings)
    .leftJoin(users, eq(users.id, scimSettings.deprovisionTransferToUserId))
    .leftJoin(memberships, and(eq(memberships.orgId, scimSettings.orgId), eq(memberships.userId, scimSettings.deprovisionTransferToUserId)))
    .where(eq(scimSettings.orgId, ctx.org.id));
  if (!row?.userId) return { mode: "refuse" as const, transferTo: null };
  const applies = row.role === "admin" && row.status === "active";
  return {
    mode: "transfer" as const,
    transferTo: { userId: row.userId, email: row.email, name: row.name, applies, updatedAt: row.updatedAt },
  };
}

/** The provisioning log: the last 50 SCIM requests that changed something or were refused, newest first. */
export async function listProvisioningEvents(ctx: MemberContext, limit = PROVISIONING_EVENTS_SHOWN) {
  assertCanRead(ctx);
  return db
    .select({
      id: scimEvents.id,
      at: scimEvents.at,
      method: scimEvents.method,
      path: scimEvents.path,
      status: scimEvents.status,
      summary: scimEvents.summary,
      tokenName: apiTokens.name,
      tokenPrefix: apiTokens.prefix,
    })
    .from(scimEvents)
    .leftJoin(apiTokens, eq(apiTokens.id, scimEvents.tokenId))
    .where(eq(scimEvents.orgId, ctx.org.id))
    .orderBy(desc(scimEvents.id))
    .limit(limit);
}
