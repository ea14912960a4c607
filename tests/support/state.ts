import { randomBytes } from "node:crypto";
import { count, eq, isNotNull } from "drizzle-orm";
import { expect } from "vitest";
import { rendered } from "./email";
import type { DbOrTx } from "@/db/client";
import {
  auditLog,
  emailChangeRequests,
  emailOutbox,
  invitations,
  memberships,
  notifications,
  organizations,
  ownershipTransfers,
  planUserPermissions,
  planUsers,
  plans,
  sessions,
  surveyResponses,
  surveys,
  tasks,
  users,
  workflows,
  type Role,
} from "@/db/schema";
import { addMember } from "./factories";

/**
 * Every row an action of the members feature could touch, in a stable order, plus the counts of
 * the append-only tables (audit log, outbox, notifications). Two snapshots are equal when the
 * action wrote nothing. Rate-limit counters and members' "last active" time are deliberately left
 * out: counting an attempt, or seeing someone, is not a change of the organization.
 */
export async function snapshot(db: DbOrTx) {
  const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
  const [auditCount] = await db.select({ n: count() }).from(auditLog);
  const [outboxCount] = await db.select({ n: count() }).from(emailOutbox);
  const [notificationCount] = await db.select({ n: count() }).from(notifications);
  const [readCount] = await db.select({ n: count() }).from(notifications).where(isNotNull(notifications.readAt));
  return {
    organizations: sorted(await db.select().from(organizations)),
    users: sorted(await db.select().from(users)),
    // "Last active" is a reading of activity, written when a member opens a page (like a rate-limit count).
    memberships: sorted((await db.select().from(memberships)).map(({ lastActiveAt: _seen, ...m }) => m)),
    invitations: sorted(await db.select().from(invitations)),
    plans: sorted(await db.select().from(plans)),
    planUsers: sorted(await db.select().from(planUsers)),
    planUserPermissions: sorted(await db.select().from(planUserPermissions)),
    surveys: sorted(await db.select().from(surveys)),
    surveyResponses: sorted(await db.select().from(surveyResponses)),
    workflows: sorted(await db.select().from(workflows)),
    tasks: sorted(await db.select().from(tasks)),
    transfers: sorted(await db.select().from(ownershipTransfers)),
    sessions: sorted(await db.select().from(sessions)),
    emailChangeRequests: sorted(await db.select().from(emailChangeRequests)),
    auditLog: auditCount.n,
    emailOutbox: outboxCount.n,
    notifications: notificationCount.n,
    notificationsRead: readCount.n,
  };
}

/** Runs `fn` and asserts that the database is exactly as before; returns what `fn` returned. */
export async function expectNoChange<T>(db: DbOrTx, fn: () => Promise<T>): Promise<T> {
  const before = await snapshot(db);
  const result = await fn();
  expect(await snapshot(db)).toEqual(before);
  return result;
}

/** A unique address, so that per-address rate limits never carry over between tests. */
export function uniqueEmail(prefix = "person") {
  return `${prefix}-${randomBytes(4).toString("hex")}@example.test`;
}

/** A member with a first and last name, so an edit form can repeat the profile unchanged. */
export async function addNamedMember(db: DbOrTx, orgId: string, role: Role) {
  const suffix = randomBytes(3).toString("hex");
  return addMember(db, orgId, role, {
    firstName: `First${suffix}`,
    lastName: `Last${suffix}`,
    name: `First${suffix} Last${suffix}`,
    email: uniqueEmail(role),
  });
}

/**
 * The raw tokens of every invitation link emailed to this address (E1), in no particular order.
 * Tests find the link of one send by diffing the list before and after it.
 */
export async function invitationTokens(db: DbOrTx, to: string): Promise<string[]> {
  const rows = await rendered(db.select().from(emailOutbox).where(eq(emailOutbox.to, to)));
  return rows
    .filter((r) => ["invitation", "plan-invitation", "supplier-invitation"].includes(r.template))
    .map((r) => /\/invite\/([A-Za-z0-9_-]+)/.exec(r.text)?.[1])
    .filter((x): x is string => Boolean(x));
}

/** The one invitation link emailed to this address by `send` (fails unless exactly one). */
export async function tokenSentBy(db: DbOrTx, to: string, send: () => Promise<unknown>): Promise<string> {
  const before = new Set(await invitationTokens(db, to));
  await send();
  const added = (await invitationTokens(db, to)).filter((t) => !before.has(t));
  expect(added, `one new invitation email to ${to}`).toHaveLength(1);
  return added[0];
}
