import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import { invitations, organizations, users } from "@/db/schema";
import type { MemberContext } from "@/lib/auth/session";
import { invitationStatus } from "@/lib/invitations/queries";

/** I6: the supplier organizations this client invited, and its open supplier invitations. */
export async function listSuppliers(ctx: MemberContext) {
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
        invitedByName: inviter.name,
        invitedByEmail: inviter.email,
      })
      .from(invitations)
      .innerJoin(inviter, eq(inviter.id, invitations.invitedById))
      .where(and(eq(invitations.orgId, ctx.org.id), eq(invitations.kind, "supplier"), eq(invitations.status, "pending")))
      .orderBy(desc(invitations.sentAt))
      .limit(200),
  ]);
  return { joined, open: open.map((row) => ({ ...row, state: invitationStatus(row) })) };
}
