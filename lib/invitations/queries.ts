import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import { emailOutbox, invitations, organizations, planUsers, plans, products, users } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { hashInvitationToken } from "./token";

export type InvitationStatus = "pending" | "expired" | "accepted" | "revoked";

export function invitationStatus(row: { status: "pending" | "accepted" | "revoked"; expiresAt: Date }, now = new Date()): InvitationStatus {
  if (row.status === "pending" && row.expiresAt <= now) return "expired";
  return row.status;
}

/** SPEC I3: live and expired invitations of the caller's organization, newest first. */
export async function listOpenInvitations(ctx: MemberContext) {
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
    .where(and(eq(invitations.orgId, ctx.org.id), eq(invitations.kind, "member"), inArray(invitations.status, ["pending"])))
    .orderBy(desc(invitations.sentAt));
  return rows.map((row) => ({ ...row, state: invitationStatus(row) }));
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
