import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { invitations, memberships, users } from "@/db/schema";

type InvitationKind = (typeof invitations.$inferSelect)["kind"];

/**
 * SPEC I1: the one pending invitation of a kind for an address in an organization, locked for the
 * rest of the transaction (the caller holds the organization's lock first: one lock order).
 * `except` leaves one invitation out (Undo asks whether a newer one was sent meanwhile).
 */
export async function lockPendingInvitation(tx: Tx, orgId: string, kind: InvitationKind, email: string, except?: string) {
  const [row] = await tx
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.orgId, orgId),
        eq(invitations.kind, kind),
        eq(invitations.email, email),
        eq(invitations.status, "pending"),
        except ? ne(invitations.id, except) : undefined,
      ),
    )
    .for("update");
  return row;
}

/** The membership in an organization of whoever signs in with `email` (addresses match in any case). */
export async function findMembershipByEmail(tx: Tx, orgId: string, email: string) {
  const [row] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), sql`lower(${users.email}) = ${email.toLowerCase()}`));
  return row;
}
