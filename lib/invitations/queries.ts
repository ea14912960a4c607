import "server-only";
import { and, desc, eq, gt, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import { emailOutbox, invitations, organizations, planUsers, plans, products, users } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { notFound } from "@/lib/errors";
import { likePattern } from "@/lib/members/queries";
import { REVOKE_UNDO_MS } from "./revoke-invitation";
import { hashInvitationToken } from "./token";

export type InvitationStatus = "pending" | "expired" | "accepted" | "revoked" | "declined";

export function invitationStatus(row: { status: "pending" | "accepted" | "revoked" | "declined"; expiresAt: Date }, now = new Date()): InvitationStatus {
  if (row.status === "pending" && row.expiresAt <= now) return "expired";
  return row.status;
}

/**
 * SPEC I3: live and expired invitations of the caller's organization, newest first — and those
 * revoked in the last REVOKE_UNDO_MS, which keep their place in the list with Undo
 * (docs/decisions/031), so no row moves under the pointer after a revocation.
 */
export async function listOpenInvitations(ctx: MemberContext, now = new Date()) {
  const inviter = alias(users, "inviter");
  const rows = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      firstName: invitations.firstName,
      lastName: invitations.lastName,
      status: invitations.status,
      sentAt: invitations.sentAt,
      expiresAt: invitations.expiresAt,
      revokedAt: invitations.revokedAt,
      invitedByName: inviter.name,
      invitedByEmail: inviter.email,
      // The newest email of this invitation: "failed" once the sender gave up on it (E1).
      delivery: sql<"pending" | "sent" | "failed" | null>`(
        select ${emailOutbox.status} from ${emailOutbox}
        where ${emailOutbox.invitationId} = ${invitations.id}
        order by ${emailOutbox.createdAt} desc limit 1)`,
    })
    .from(invitations)
    .innerJoin(inviter, eq(inviter.id, invitations.invitedById))
    .where(
      and(
        eq(invitations.orgId, ctx.org.id),
        eq(invitations.kind, "member"),
        or(
          eq(invitations.status, "pending"),
          and(eq(invitations.status, "revoked"), gt(invitations.revokedAt, new Date(now.getTime() - REVOKE_UNDO_MS))),
        ),
      ),
    )
    .orderBy(desc(invitations.sentAt), desc(invitations.id));
  return rows.map((row) => ({
    ...row,
    state: invitationStatus(row, now),
    // Undo is offered while the revocation is recent and the invitation would still be live.
    undoUntil: row.status === "revoked" && row.revokedAt && row.expiresAt > now ? new Date(row.revokedAt.getTime() + REVOKE_UNDO_MS) : null,
  }));
}

/** What the invitation page shows before acceptance (SPEC I4): organization, inviter, role. */
export async function findInvitationByToken(token: string) {
  const inviter = alias(users, "inviter");
  const [row] = await db
    .select({
      id: invitations.id,
      kind: invitations.kind,
      companyName: invitations.companyName,
      email: invitations.email,
      role: invitations.role,
      status: invitations.status,
      expiresAt: invitations.expiresAt,
      declinedAt: invitations.declinedAt,
      orgName: organizations.name,
      orgSlug: organizations.slug,
      inviterName: inviter.name,
      inviterEmail: inviter.email,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .innerJoin(inviter, eq(inviter.id, invitations.invitedById))
    .where(eq(invitations.tokenHash, hashInvitationToken(token)));
  if (!row) return null;
  // P3: the plans the invitee is on already, shown before they accept.
  const places = await db
    .select({ name: products.name })
    .from(planUsers)
    .innerJoin(plans, eq(plans.id, planUsers.planId))
    .innerJoin(products, eq(products.id, plans.productId))
    .where(eq(planUsers.invitationId, row.id));
  return { ...row, state: invitationStatus(row), planNames: places.map((p) => p.name) };
}

/** The picker's value for an invitee: the invitation's id behind a prefix no user id can have. */
export const INVITEE_PREFIX = "invitation:";

/**
 * Issue 14.5: people with a live teammate invitation, for the Add User To Plan and Transfer
 * Ownership pickers (marked Invited; picking one adds to her invitation, keeping its link). At most
 * `limit`, matched on address and typed name in the database; `notOnPlanId` leaves out those whose
 * invitation already holds a place on that plan. Only the caller's organization.
 */
export async function searchInvitees(ctx: MemberContext, options: { q: string; notOnPlanId?: string; limit: number }, now = new Date()) {
  if (options.limit <= 0) return [];
  const name = sql<string | null>`nullif(concat_ws(' ', ${invitations.firstName}, ${invitations.lastName}), '')`;
  const pattern = options.q ? likePattern(options.q) : null;
  const rows = await db
    .select({ invitationId: invitations.id, email: invitations.email, name })
    .from(invitations)
    .where(
      and(
        eq(invitations.orgId, ctx.org.id),
        eq(invitations.kind, "member"),
        eq(invitations.status, "pending"),
        gt(invitations.expiresAt, now),
        pattern ? sql`(${invitations.email} ilike ${pattern} or ${name} ilike ${pattern})` : undefined,
        options.notOnPlanId
          ? sql`not exists (select 1 from ${planUsers} where ${planUsers.planId} = ${options.notOnPlanId} and ${planUsers.orgId} = ${ctx.org.id} and ${planUsers.invitationId} = ${invitations.id})`
          : undefined,
      ),
    )
    .orderBy(sql`lower(coalesce(${name}, ${invitations.email}))`, invitations.id)
    .limit(options.limit);
  return rows.map((r) => ({ userId: `${INVITEE_PREFIX}${r.invitationId}`, email: r.email, name: r.name, invited: true as const }));
}

/** A live teammate invitation of the caller's organization, by id; anything else is not found. */
export async function liveInvitationEmail(ctx: MemberContext, invitationId: string, now = new Date()): Promise<string> {
  const [row] = await db
    .select({ email: invitations.email })
    .from(invitations)
    .where(
      and(
        eq(invitations.id, invitationId),
        eq(invitations.orgId, ctx.org.id),
        eq(invitations.kind, "member"),
        eq(invitations.status, "pending"),
        gt(invitations.expiresAt, now),
      ),
    );
  if (!row) throw notFound("This invitation");
  return row.email;
}
