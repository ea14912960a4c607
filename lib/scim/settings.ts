import "server-only";
import { defaultRoleGroups } from "./group-mapping";
import { and, count, eq, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { memberships, plans, products, scimGroupMappings, scimSettings, users } from "@/db/schema";
import { parseInput } from "@/lib/action";
import { createApiToken, type CreatedApiToken } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { lockActor, type ActingMember } from "@/lib/members/actor";
import { canManageProvisioning, planAllowsAddingUsers, roleLabels, type Role } from "@/lib/permissions";
import { transaction } from "@/lib/transaction";
import {
  createScimTokenSchema,
  deprovisioningSchema,
  groupMappingIdSchema,
  readMappingTarget,
  setGroupMappingSchema,
} from "./settings-schemas";

/**
 * Settings → Provisioning (SCIM), issue 17 (SPEC C1–C4): the SCIM tokens, the group mappings and
 * the deprovisioning choice. Every change starts with lockActor (the organization's row, then the
 * caller's membership read again, R8), checks canManageProvisioning under that lock, is audited in
 * the same transaction (A1), and writes nothing when refused. docs/decisions/088.
 */

/** How many custom group mappings one organization keeps. */
export const MAX_GROUP_MAPPINGS = 200;

function assertCanProvision(actor: { role: Role }, what: string) {
  if (!canManageProvisioning(actor.role)) throw forbidden(`Only Admins ${what}.`);
}

function fieldError(code: "VALIDATION" | "NOT_FOUND", field: string, message: string): AppError {
  return new AppError(code, code === "NOT_FOUND" ? message : "Please correct the highlighted fields.", { fieldErrors: { [field]: [message] } });
}

// ── SCIM tokens ────────────────────────────────────────────────────────────────────────────────

/**
 * A SCIM token: the API-token machinery (K1: shown once, stored as a hash, audited as
 * `scim_token.created`, its creator emailed) with kind 'scim' and the Admin role — the identity
 * provider acts as the organization's directory (C4). Its creator must be an Admin now (R8).
 */
export async function createScimToken(ctx: MemberContext, rawInput: unknown, options: { baseUrl: string; now?: Date }): Promise<CreatedApiToken> {
  assertCanProvision(ctx.membership, "create SCIM tokens");
  const input = parseInput(createScimTokenSchema, rawInput);
  return createApiToken(ctx, { ...input, role: "admin" }, { ...options, kind: "scim" });
}

/** Revoked at once (its next request is 401), audited as `scim_token.revoked`; an API token's id is not found here. */
export async function revokeScimToken(ctx: MemberContext, tokenId: string): Promise<{ name: string }> {
  assertCanProvision(ctx.membership, "revoke SCIM tokens");
  return revokeApiToken(ctx, tokenId, "scim");
}

// ── Group mappings (C4) ────────────────────────────────────────────────────────────────────────

type MappingRow = { id: string; groupName: string; role: Role | null; planId: string | null; plan: string | null };

/** What the audit entry says a mapping is: its group, and a role or a plan (with the plan's name, which outlives the plan). */
function mappingPayload(row: Omit<MappingRow, "id">) {
  return { groupName: row.groupName, role: row.role, planId: row.planId, plan: row.plan };
}

/**
 * C4: a group name's meaning beyond the defaults — a role (R1–R3 then apply to its members) or one
 * of the organization's plans (its members become that plan's users, P1, P3, P6). Names with a
 * default meaning (Admins, Managers, Users, and a plan's product name) are refused on their field:
 * the issue lets Admins map "any other group name", and one name never means two things. Another
 * organization's plan is not found; a plan with one user (Company Profile) cannot take a group.
 * Setting an existing name (case-insensitively) changes its meaning; saving the same meaning again
 * changes nothing and writes no audit entry.
 */
export async function setGroupMapping(ctx: MemberContext, rawInput: unknown): Promise<{ id: string; groupName: string; meaning: string; changed: boolean }> {
  assertCanProvision(ctx.membership, "map groups");
  const input = parseInput(setGroupMappingSchema, rawInput);
  const target = readMappingTarget(input.target);
  return transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    assertCanProvision(actor, "map groups");
    const lowered = input.groupName.toLowerCase();
    const defaultRole = defaultRoleGroups[lowered];
    if (defaultRole) {
      throw fieldError("VALIDATION", "groupName", `A group named “${input.groupName}” already maps to the ${roleLabels[defaultRole]} role. Choose another group name.`);
    }
    const [planNamed] = await tx
      .select({ name: products.name })
      .from(plans)
      .innerJoin(products, eq(products.id, plans.productId))
      .where(and(eq(plans.orgId, actor.orgId), sql`lower(${products.name}) = ${lowered}`));
    if (planNamed) {
      throw fieldError("VALIDATION", "groupName", `A group named “${input.groupName}” already maps to the users of the ${planNamed.name} plan. Choose another group name.`);
    }
    let planName: string | null = null;
    if (target.planId) {
      const [plan] = await tx
        .select({ id: plans.id, name: products.name, userMode: products.userMode })
        .from(plans)
        .innerJoin(products, eq(products.id, plans.productId))
        .where(and(eq(plans.id, target.planId), eq(plans.orgId, actor.orgId)));
      if (!plan) throw fieldError("NOT_FOUND", "target", "This plan was not found.");
      if (!planAllowsAddingUsers(plan.userMode)) {
        throw fieldError("VALIDATION", "target", `${plan.name} has a single user: a group cannot add people to it. Choose another plan or a role.`);
      }
      planName = plan.name;
    }
    const meaning = target.role ? `the ${roleLabels[target.role]} role` : `the users of ${planName}`;
    const [existing] = await tx
      .select({ id: scimGroupMappings.id, groupName: scimGroupMappings.groupName, role: scimGroupMappings.role, planId: scimGroupMappings.planId, plan: products.name })
      .from(scimGroupMappings)
      .leftJoin(plans, eq(plans.id, scimGroupMappings.planId))
      .leftJoin(products, eq(products.id, plans.productId))
      .where(and(eq(scimGroupMappings.orgId, actor.orgId), sql`lower(${scimGroupMappings.groupName}) = ${lowered}`))
      .for("update", { of: scimGroupMappings });
    const after = { groupName: input.groupName, role: target.role, planId: target.planId, plan: planName };
    if (existing && existing.groupName === input.groupName && existing.role === target.role && existing.planId === target.planId) {
      return { id: existing.id, groupName: existing.groupName, meaning, changed: false };
    }
    let id: string;
    if (existing) {
      await tx.update(scimGroupMappings).set({ groupName: input.groupName, role: target.role, planId: target.planId }).where(eq(scimGroupMappings.id, existing.id));
      id = existing.id;
    } else {
      const [{ n }] = await tx.select({ n: count() }).from(scimGroupMappings).where(eq(scimGroupMappings.orgId, actor.orgId));
      if (n >= MAX_GROUP_MAPPINGS) throw new AppError("VALIDATION", `An organization keeps at most ${MAX_GROUP_MAPPINGS} group mappings. Remove one first.`);
      const [row] = await tx
        .insert(scimGroupMappings)
        .values({ orgId: actor.orgId, groupName: input.groupName, role: target.role, planId: target.planId })
        .returning({ id: scimGroupMappings.id });
      id = row.id;
    }
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: "scim.mapping_set",
      subject: { type: "scim_group_mapping", id },
      before: existing ? mappingPayload(existing) : null,
      after,
    });
    return { id, groupName: input.groupName, meaning, changed: true };
  });
}

/** C4: the group goes back to its default meaning (none, for a name that has no default). Another organization's mapping is not found. */
export async function removeGroupMapping(ctx: MemberContext, mappingId: string): Promise<{ groupName: string }> {
  assertCanProvision(ctx.membership, "map groups");
  const { mappingId: id } = parseInput(groupMappingIdSchema, { mappingId });
  return transaction(async (tx) => {
    const actor = await lockActor(tx, ctx);
    assertCanProvision(actor, "map groups");
    const [existing] = await tx
      .select({ id: scimGroupMappings.id, groupName: scimGroupMappings.groupName, role: scimGroupMappings.role, planId: scimGroupMappings.planId, plan: products.name })
      .from(scimGroupMappings)
      .leftJoin(plans, eq(plans.id, scimGroupMappings.planId))
      .leftJoin(products, eq(products.id, plans.productId))
      .where(and(eq(scimGroupMappings.id, id), eq(scimGroupMappings.orgId, actor.orgId)))
      .for("update", { of: scimGroupMappings });
    if (!existing) throw notFound("This group mapping");
    await tx.delete(scimGroupMappings).where(eq(scimGroupMappings.id, existing.id));
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: "scim.mapping_removed",
      subject: { type: "scim_group_mapping", id: existing.id },
      before: mappingPayload(existing),
      after: null,
    });
    return { groupName: existing.groupName };
  });
}

// ── Deprovisioning (C3) ────────────────────────────────────────────────────────────────────────

/** An active Admin of the organization, or nothing (another organization's person is nothing too). */
async function activeAdmin(tx: DbOrTx, orgId: string, userId: string) {
  const [row] = await tx
    .select({ userId: users.id, email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId), eq(memberships.role, "admin"), eq(memberships.status, "active")));
  return row ?? null;
}

/**
 * C3, for the SCIM delete (Delete User): the Admin who receives a deprovisioned person's surveys
 * and plans — only while the organization chose the transfer AND that person is still an active
 * Admin of it; otherwise null, and the delete is refused while R5 applies. Call it under the
 * organization's lock (after lockActor), so a demotion of the chosen Admin cannot slip between.
 */
export async function deprovisioningTransferAdmin(tx: Tx, orgId: string): Promise<{ userId: string; email: string; name: string | null } | null> {
  const [setting] = await tx.select({ userId: scimSettings.deprovisionTransferToUserId }).from(scimSettings).where(eq(scimSettings.orgId, orgId));
  if (!setting?.userId) return null;
  return activeAdmin(tx, orgId, setting.userId);
}

/**
 * C3: refuse deprovisioning while R5 applies (the default), or transfer the person's surveys (S2)
 * and plans (O4) to an Admin first. The Admin must be an active Admin of this organization now
 * (under the lock); anyone else — a Manager, a suspended Admin, another organization's person, an
 * unknown id — is refused on the field. Saving the same choice again changes nothing.
 */
export async function setDeprovisioning(ctx: MemberContext, rawInput: unknown): Promise<{ transferTo: { userId: string; email: string; name: string | null } | null; changed: boolean }> {
  assertCanProvision(ctx.membership, "choose what deprovisioning does");
  const input = parseInput(deprovisioningSchema, rawInput);
  return transaction(async (tx) => {
    const actor: ActingMember = await lockActor(tx, ctx);
    assertCanProvision(actor, "choose what deprovisioning does");
    const transferTo = input.transferToUserId ? await activeAdmin(tx, actor.orgId, input.transferToUserId) : null;
    if (input.transferToUserId && !transferTo) {
      throw fieldError("VALIDATION", "transferToUserId", "Choose an active Admin of this organization.");
    }
    const [existing] = await tx.select().from(scimSettings).where(eq(scimSettings.orgId, actor.orgId)).for("update");
    const before = existing?.deprovisionTransferToUserId ?? null;
    const next = transferTo?.userId ?? null;
    if (before === next) return { transferTo, changed: false };
    await tx
      .insert(scimSettings)
      .values({ orgId: actor.orgId, deprovisionTransferToUserId: next, updatedAt: new Date() })
      .onConflictDoUpdate({ target: scimSettings.orgId, set: { deprovisionTransferToUserId: next, updatedAt: new Date() } });
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: "scim.deprovisioning_set",
      target: transferTo ? { id: transferTo.userId, email: transferTo.email } : null,
      subject: { type: "scim_settings", id: actor.orgId },
      // No one named: refuse while R5 applies (C3).
      before: { transferToUserId: before },
      after: { transferToUserId: next },
    });
    return { transferTo, changed: true };
  });
}
