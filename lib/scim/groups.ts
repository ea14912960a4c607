import "server-only";
import { and, asc, count, eq, exists, inArray, ne, sql, type SQL } from "drizzle-orm";
import { db, type DbOrTx, type Tx } from "@/db/client";
import { memberships, scimGroupMembers, scimGroups, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { MemberContext } from "@/lib/auth/session";
import { kickEmailSender } from "@/lib/email";
import { lockActor, type ActingMember } from "@/lib/members/actor";
import { roleLabels } from "@/lib/permissions";
import { isUuid } from "@/lib/token-shape";
import { transaction } from "@/lib/transaction";
import { SCIM_MAX_PAGE } from "./constants";
import { ScimError } from "./errors";
import { parseGroupFilter, parsePagination } from "./filter";
import { applyGroupEffects, type GroupEffect } from "./group-effects";
import { membersRequested, readGroupResource } from "./group-resource";
import { readGroupPatch, type GroupChange } from "./patch";
import { listResponse, toScimGroup } from "./resources";

/**
 * SCIM Groups (RFC 7644 §3; SPEC C4; decision 087): reads scoped to the token's organization, and
 * writes that each run in ONE transaction — the group's row and member list, and every effect on
 * the members it touches through the pages' own services (lib/scim/group-effects.ts). A refusal
 * anywhere rolls the whole request back: a SCIM client never sees half a PATCH applied.
 */

type GroupRow = typeof scimGroups.$inferSelect;
export type GroupWriteOptions = { scimBaseUrl: string; appBaseUrl: string };
export type GroupWriteResult = { resource?: ReturnType<typeof toScimGroup>; summary?: string; id: string };

const CHUNK = 5_000;
/** SCIM ids here are uuids; anything else names nothing (and never reaches a uuid cast in SQL). */
function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

// ---------- reads ----------

/** The current members of these groups, in a stable order: people no longer members are left out. */
async function membersOf(database: DbOrTx, orgId: string, groupIds: string[]) {
  const result = new Map<string, { id: string; display: string }[]>();
  for (const id of groupIds) result.set(id, []);
  if (!groupIds.length) return result;
  const rows = await database
    .select({ groupId: scimGroupMembers.groupId, userId: users.id, email: users.email })
    .from(scimGroupMembers)
    .innerJoin(memberships, and(eq(memberships.userId, scimGroupMembers.userId), eq(memberships.orgId, orgId)))
    .innerJoin(users, eq(users.id, scimGroupMembers.userId))
    .where(inArray(scimGroupMembers.groupId, groupIds))
    .orderBy(asc(users.email), asc(users.id));
  for (const row of rows) result.get(row.groupId)!.push({ id: row.userId, display: row.email });
  return result;
}

function resourceOf(baseUrl: string, group: GroupRow, members?: { id: string; display: string }[]) {
  return toScimGroup(baseUrl, {
    id: group.id,
    displayName: group.displayName,
    externalId: group.externalId,
    created: group.createdAt,
    lastModified: group.updatedAt,
    ...(members ? { members } : {}),
  });
}

/** GET /Groups: filter (displayName, externalId, id, members[value eq]), startIndex/count, oldest first. */
export async function listGroups(ctx: MemberContext, params: URLSearchParams, baseUrl: string) {
  const { filter, matchesNothing } = parseGroupFilter(params.get("filter"));
  const { offset, limit } = parsePagination(params, SCIM_MAX_PAGE);
  const orgId = ctx.org.id;
  const nothing =
    matchesNothing || (filter.id !== undefined && !isUuid(filter.id)) || (filter.member !== undefined && !isUuid(filter.member));
  if (nothing) return listResponse([], 0, offset + 1);
  const where: SQL[] = [eq(scimGroups.orgId, orgId)];
  // displayName is not caseExact (RFC 7643 §4.2), like the unique index on it; externalId is.
  if (filter.displayName !== undefined) where.push(sql`lower(${scimGroups.displayName}) = ${filter.displayName.trim().toLowerCase()}`);
  if (filter.externalId !== undefined) where.push(eq(scimGroups.externalId, filter.externalId));
  if (filter.id !== undefined) where.push(eq(scimGroups.id, filter.id));
  if (filter.member !== undefined) {
    where.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(scimGroupMembers)
          .innerJoin(memberships, and(eq(memberships.userId, scimGroupMembers.userId), eq(memberships.orgId, orgId)))
          .where(and(eq(scimGroupMembers.groupId, scimGroups.id), eq(scimGroupMembers.userId, filter.member))),
      ),
    );
  }
  const [{ total }] = await db.select({ total: count() }).from(scimGroups).where(and(...where));
  const rows = limit
    ? await db.select().from(scimGroups).where(and(...where)).orderBy(asc(scimGroups.createdAt), asc(scimGroups.id)).limit(limit).offset(offset)
    : [];
  const members = membersRequested(params) ? await membersOf(db, orgId, rows.map((r) => r.id)) : null;
  return listResponse(
    rows.map((row) => resourceOf(baseUrl, row, members?.get(row.id))),
    total,
    offset + 1,
  );
}

const groupNotFound = () => new ScimError(404, "This group was not found.");

/** GET /Groups/{id}: another organization's group, or any id that is not a group here, is a 404. */
export async function getGroup(ctx: MemberContext, id: string, params: URLSearchParams, baseUrl: string) {
  if (!isUuid(id)) throw groupNotFound();
  const [group] = await db.select().from(scimGroups).where(and(eq(scimGroups.orgId, ctx.org.id), eq(scimGroups.id, id)));
  if (!group) throw groupNotFound();
  const members = membersRequested(params) ? (await membersOf(db, ctx.org.id, [id])).get(id) : undefined;
  return resourceOf(baseUrl, group, members);
}

// ---------- writes ----------

async function lockGroup(tx: Tx, orgId: string, id: string): Promise<GroupRow> {
  if (!isUuid(id)) throw groupNotFound();
  const [group] = await tx
    .select()
    .from(scimGroups)
    .where(and(eq(scimGroups.orgId, orgId), eq(scimGroups.id, id)))
    .for("update");
  if (!group) throw groupNotFound();
  return group;
}

/** Every user id the group lists, members now or not. */
async function listedIds(tx: Tx, groupId: string): Promise<Set<string>> {
  const rows = await tx.select({ userId: scimGroupMembers.userId }).from(scimGroupMembers).where(eq(scimGroupMembers.groupId, groupId));
  return new Set(rows.map((r) => r.userId));
}

/**
 * The member values a request names must be members of this organization (an unknown id, another
 * organization's user or a malformed value is a 400 naming it, and nothing changes). A removal may
 * also name someone the group still lists after they left the organization.
 */
async function checkMemberValues(tx: Tx, orgId: string, adding: string[], removing: string[], listed: ReadonlySet<string>) {
  const named = [...new Set([...adding, ...removing])];
  const malformed = named.filter((id) => !isUuid(id));
  const members = new Set<string>();
  for (const chunk of chunks(named.filter(isUuid))) {
    const rows = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), inArray(memberships.userId, chunk)));
    for (const row of rows) members.add(row.userId);
  }
  const strangers = [
    ...malformed,
    ...adding.filter((id) => isUuid(id) && !members.has(id)),
    ...removing.filter((id) => isUuid(id) && !members.has(id) && !listed.has(id)),
  ];
  if (strangers.length) {
    const shown = [...new Set(strangers)].slice(0, 5).map((id) => `"${id.slice(0, 80)}"`);
    const more = strangers.length > 5 ? ` and ${strangers.length - 5} more` : "";
    throw new ScimError(
      400,
      `${shown.join(", ")}${more} ${strangers.length === 1 ? "is not a user" : "are not users"} of this organization: a group's members are its users' ids. Nothing was changed.`,
      "invalidValue",
    );
  }
}

/** RFC 7643 §4.2 with Entra's requirement: displayName is unique in the organization, like externalId. */
async function assertUnique(tx: Tx, orgId: string, values: { displayName?: string; externalId?: string | null }, exceptId?: string) {
  const others = exceptId ? [ne(scimGroups.id, exceptId)] : [];
  if (values.displayName !== undefined) {
    const [same] = await tx
      .select({ id: scimGroups.id })
      .from(scimGroups)
      .where(and(eq(scimGroups.orgId, orgId), sql`lower(${scimGroups.displayName}) = ${values.displayName.toLowerCase()}`, ...others));
    if (same) throw new ScimError(409, `A group named "${values.displayName}" already exists.`, "uniqueness");
  }
  if (values.externalId) {
    const [same] = await tx
      .select({ id: scimGroups.id })
      .from(scimGroups)
      .where(and(eq(scimGroups.orgId, orgId), eq(scimGroups.externalId, values.externalId), ...others));
    if (same) throw new ScimError(409, `Another group has the externalId "${values.externalId}".`, "uniqueness");
  }
}

async function emailsOf(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const chunk of chunks(ids)) {
    const rows = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, chunk));
    for (const row of rows) result.set(row.id, row.email);
  }
  return result;
}

async function writeMemberRows(tx: Tx, groupId: string, add: string[], remove: string[]) {
  for (const chunk of chunks(add)) {
    await tx.insert(scimGroupMembers).values(chunk.map((userId) => ({ groupId, userId }))).onConflictDoNothing();
  }
  for (const chunk of chunks(remove)) {
    await tx.delete(scimGroupMembers).where(and(eq(scimGroupMembers.groupId, groupId), inArray(scimGroupMembers.userId, chunk)));
  }
}

const AUDIT_LIST = 50;
const listed = (emails: string[]) => emails.slice(0, AUDIT_LIST);

function people(emails: string[], max = 5): string {
  const shown = emails.slice(0, max).join(", ");
  return emails.length > max ? `${shown} and ${emails.length - max} more` : shown;
}

/** The provisioning log's line: what the request did to the group and what that did to people. */
function summarize(name: string, parts: { renamedFrom?: string; added: string[]; removed: string[]; effects: GroupEffect[] }): string | undefined {
  const lines: string[] = [];
  if (parts.renamedFrom) lines.push(`Renamed ${parts.renamedFrom} to ${name}`);
  if (parts.added.length) lines.push(`Added ${people(parts.added)} to ${name}`);
  if (parts.removed.length) lines.push(`Removed ${people(parts.removed)} from ${name}`);
  const roleChanges = parts.effects.filter((e): e is Extract<GroupEffect, { kind: "role" }> => e.kind === "role");
  const byRole = new Map<string, string[]>();
  for (const e of roleChanges) byRole.set(e.to, [...(byRole.get(e.to) ?? []), e.email]);
  for (const [role, emails] of byRole) lines.push(`${people(emails)} ${emails.length === 1 ? "is" : "are"} now ${roleLabels[role as keyof typeof roleLabels]}`);
  for (const kind of ["plan_added", "plan_removed"] as const) {
    const byPlan = new Map<string, string[]>();
    for (const e of parts.effects) if (e.kind === kind) byPlan.set(e.productName, [...(byPlan.get(e.productName) ?? []), e.email]);
    for (const [plan, emails] of byPlan) lines.push(`${people(emails)} ${kind === "plan_added" ? "added to" : "removed from"} ${plan}`);
  }
  return lines.length ? `${lines.join("; ")}.` : undefined;
}

async function inTransaction<T>(ctx: MemberContext, fn: (tx: Tx, actor: ActingMember) => Promise<T>): Promise<T> {
  const result = await transaction(async (tx) => fn(tx, await lockActor(tx, ctx)));
  // Role changes and plan removals write emails to the outbox in the transaction (E1).
  kickEmailSender();
  return result;
}

async function auditMembers(tx: Tx, actor: ActingMember, group: { id: string; displayName: string }, added: string[], removed: string[], emails: Map<string, string>) {
  if (!added.length && !removed.length) return;
  const one = added.length + removed.length === 1 ? (added[0] ?? removed[0]) : null;
  await recordAudit(tx, {
    orgId: actor.orgId,
    actor: { id: actor.userId, email: actor.email },
    action: "scim_group.members_changed",
    target: one ? { id: one, email: emails.get(one) ?? "" } : null,
    subject: { type: "scim_group", id: group.id },
    before: { group: group.displayName },
    after: {
      group: group.displayName,
      added: added.length,
      removed: removed.length,
      addedEmails: listed(added.map((id) => emails.get(id) ?? id)),
      removedEmails: listed(removed.map((id) => emails.get(id) ?? id)),
    },
  });
}

/** POST /Groups: the group, its members and their effects, or nothing. */
export async function createGroup(ctx: MemberContext, body: unknown, options: GroupWriteOptions): Promise<GroupWriteResult> {
  const input = readGroupResource(body, null);
  return inTransaction(ctx, async (tx, actor) => {
    await assertUnique(tx, actor.orgId, { displayName: input.displayName, externalId: input.externalId ?? null });
    const members = [...new Set(input.members ?? [])];
    await checkMemberValues(tx, actor.orgId, members, [], new Set());
    const [group] = await tx
      .insert(scimGroups)
      .values({ orgId: actor.orgId, displayName: input.displayName, externalId: input.externalId ?? null })
      .returning();
    await writeMemberRows(tx, group.id, members, []);
    const effects = await applyGroupEffects(tx, actor, { groupId: group.id, before: null, after: { name: group.displayName, members: new Set(members) } }, { baseUrl: options.appBaseUrl });
    const emails = await emailsOf(tx, members);
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: "scim_group.created",
      subject: { type: "scim_group", id: group.id },
      after: { group: group.displayName, externalId: group.externalId, members: members.length, addedEmails: listed(members.map((id) => emails.get(id)!)) },
    });
    const summary = `Created the group ${group.displayName}${members.length ? ` with ${people(members.map((id) => emails.get(id)!))}` : ""}.`;
    const effectsSummary = summarize(group.displayName, { added: [], removed: [], effects });
    const list = (await membersOf(tx, actor.orgId, [group.id])).get(group.id)!;
    return { id: group.id, resource: resourceOf(options.scimBaseUrl, group, list), summary: effectsSummary ? `${summary} ${effectsSummary}` : summary };
  });
}

/**
 * A change to an existing group (PATCH, PUT): its name, externalId and member list, then the
 * effects on everyone it touches, then its audit entries — one transaction.
 */
async function updateGroup(ctx: MemberContext, id: string, change: GroupChange, options: GroupWriteOptions & { answer: boolean }): Promise<GroupWriteResult> {
  return inTransaction(ctx, async (tx, actor) => {
    const group = await lockGroup(tx, actor.orgId, id);
    const current = await listedIds(tx, group.id);
    await checkMemberValues(tx, actor.orgId, change.add, change.replaceMembers ? [] : change.remove, current);
    const removing = new Set(change.remove);
    const next = change.replaceMembers ? new Set(change.add) : new Set([...current, ...change.add].filter((m) => !removing.has(m)));
    const added = [...next].filter((m) => !current.has(m));
    const removed = [...current].filter((m) => !next.has(m));
    const displayName = change.displayName ?? group.displayName;
    const externalId = change.externalId !== undefined ? change.externalId : group.externalId;
    const renamed = displayName !== group.displayName;
    const externalIdChanged = externalId !== group.externalId;
    await assertUnique(tx, actor.orgId, { ...(renamed ? { displayName } : {}), ...(externalIdChanged ? { externalId } : {}) }, group.id);

    await writeMemberRows(tx, group.id, added, removed);
    let row = group;
    if (renamed || externalIdChanged || added.length || removed.length) {
      [row] = await tx.update(scimGroups).set({ displayName, externalId, updatedAt: new Date() }).where(eq(scimGroups.id, group.id)).returning();
    }
    const effects = await applyGroupEffects(
      tx,
      actor,
      { groupId: group.id, before: { name: group.displayName, members: current }, after: { name: displayName, members: next } },
      { baseUrl: options.appBaseUrl },
    );
    if (renamed || externalIdChanged) {
      await recordAudit(tx, {
        orgId: actor.orgId,
        actor: { id: actor.userId, email: actor.email },
        action: "scim_group.updated",
        subject: { type: "scim_group", id: group.id },
        before: { group: group.displayName, ...(externalIdChanged ? { externalId: group.externalId } : {}) },
        after: { group: displayName, ...(externalIdChanged ? { externalId } : {}) },
      });
    }
    const emails = await emailsOf(tx, [...added, ...removed]);
    await auditMembers(tx, actor, { id: group.id, displayName }, added, removed, emails);
    const summary = summarize(displayName, {
      renamedFrom: renamed ? group.displayName : undefined,
      added: added.map((m) => emails.get(m) ?? m),
      removed: removed.map((m) => emails.get(m) ?? m),
      effects,
    });
    const resource = options.answer ? resourceOf(options.scimBaseUrl, row, (await membersOf(tx, actor.orgId, [group.id])).get(group.id)) : undefined;
    return { id: group.id, resource, summary: summary ?? (externalIdChanged ? `Changed the externalId of ${displayName}.` : undefined) };
  });
}

/** PATCH /Groups/{id} (Okta's and Entra's shapes, read by readGroupPatch). */
export async function patchGroup(ctx: MemberContext, id: string, body: unknown, options: GroupWriteOptions): Promise<GroupWriteResult> {
  return updateGroup(ctx, id, readGroupPatch(body, id), { ...options, answer: false });
}

/**
 * PUT /Groups/{id}: the attributes sent replace the group's; `members` left out is not asserted
 * (RFC 7644 §3.5.1 lets the service provider choose) and leaves the member list as it is, so a PUT
 * of a name never empties a role group by accident.
 */
export async function replaceGroup(ctx: MemberContext, id: string, body: unknown, options: GroupWriteOptions): Promise<GroupWriteResult> {
  const input = readGroupResource(body, id);
  const change: GroupChange = {
    displayName: input.displayName,
    ...(input.externalId !== undefined ? { externalId: input.externalId } : {}),
    add: input.members ?? [],
    remove: [],
    replaceMembers: input.members !== undefined,
  };
  return updateGroup(ctx, id, change, { ...options, answer: true });
}

/**
 * DELETE /Groups/{id} (Okta's "Unlink pushed group → Delete the group in the target app", Entra's
 * group leaving scope): as if every member were removed — roles and plans follow — then the group
 * is gone; refused as a whole when one of those removals is (the token's creator, a subscriber).
 */
export async function deleteGroup(ctx: MemberContext, id: string, options: GroupWriteOptions): Promise<GroupWriteResult> {
  return inTransaction(ctx, async (tx, actor) => {
    const group = await lockGroup(tx, actor.orgId, id);
    const current = await listedIds(tx, group.id);
    const effects = await applyGroupEffects(tx, actor, { groupId: group.id, before: { name: group.displayName, members: current }, after: null }, { baseUrl: options.appBaseUrl });
    await tx.delete(scimGroups).where(eq(scimGroups.id, group.id));
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: { id: actor.userId, email: actor.email },
      action: "scim_group.deleted",
      subject: { type: "scim_group", id: group.id },
      before: { group: group.displayName, externalId: group.externalId, members: current.size },
    });
    const effectsSummary = summarize(group.displayName, { added: [], removed: [], effects });
    return { id: group.id, summary: `Deleted the group ${group.displayName}.${effectsSummary ? ` ${effectsSummary}` : ""}` };
  });
}
