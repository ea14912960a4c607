import "server-only";
import { and, asc, desc, eq, gt, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import { invitations, organizations, users } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { invitationStatus } from "@/lib/invitations/queries";
import { REVOKE_UNDO_MS } from "@/lib/invitations/revoke-invitation";

/**
 * I6: the supplier organizations this client invited, and its open supplier invitations — with
 * those revoked in the last REVOKE_UNDO_MS, which keep their row with Undo (I3,
 * docs/decisions/031), so no row moves under the pointer after a revocation.
 */
export async function listSuppliers(ctx: MemberContext, now = new Date()) {
  const inviter = alias(users, "inviter");
  const [joined, open] = await Promise.all([
    db
      .select({ id: organizations.id, name: organizations.name, createdAt: organizations.createdAt })
      .from(organizations)
      .where(eq(organizations.invitedByOrgId, ctx.org.id))
      .orderBy(asc(organizations.name))
      .limit(200),
    db
      .select({
        id: invitations.id,
        email: invitations.email,
        companyName: invitations.companyName,
        firstName: invitations.firstName,
        lastName: invitations.lastName,
        status: invitations.status,
        sentAt: invitations.sentAt,
        expiresAt: invitations.expiresAt,
        revokedAt: invitations.revokedAt,
        invitedByName: inviter.name,
        invitedByEmail: inviter.email,
      })
      .from(invitations)
      .innerJoin(inviter, eq(inviter.id, invitations.invitedById))
      .where(
        and(
          eq(invitations.orgId, ctx.org.id),
          eq(invitations.kind, "supplier"),
          or(
            eq(invitations.status, "pending"),
            and(eq(invitations.status, "revoked"), gt(invitations.revokedAt, new Date(now.getTime() - REVOKE_UNDO_MS))),
          ),
        ),
      )
      .orderBy(desc(invitations.sentAt), desc(invitations.id))
      .limit(200),
  ]);
  return {
    joined,
    open: open.map((row) => ({
      ...row,
      state: invitationStatus(row, now),
      // Undo is offered while the revocation is recent and the invitation would still be live.
      undoUntil: row.status === "revoked" && row.revokedAt && row.expiresAt > now ? new Date(row.revokedAt.getTime() + REVOKE_UNDO_MS) : null,
    })),
  };
}
